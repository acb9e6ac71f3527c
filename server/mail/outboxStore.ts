import type { Db } from '../store/db';

export interface OutboxMessage {
  id: string;
  /** Null for mail that tells no agreement's news (a person's sign-in link). */
  notificationId: string | null;
  agreementId: string | null;
  to: string;
  subject: string;
  body: string;
  /** The signed version whose PDF goes along (read from the versions table when sent). */
  attachVersionId: string | null;
  attempts: number;
}

interface Row {
  id: string;
  notification_id: string | null;
  agreement_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  attach_version_id: string | null;
  attempts: number;
}

const toMessage = (r: Row): OutboxMessage => ({
  id: r.id,
  notificationId: r.notification_id,
  agreementId: r.agreement_id,
  to: r.to_address,
  subject: r.subject,
  body: r.body,
  attachVersionId: r.attach_version_id,
  attempts: r.attempts,
});

/** The e-mail outbox: pending → sending (claimed) → sent, or back to pending with a later attempt, or failed. */
export class OutboxStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO outbox (id, notification_id, agreement_id, to_address, subject, body, attach_version_id, status, next_attempt_at, created_at)
         VALUES (@id, @notificationId, @agreementId, @to, @subject, @body, @attachVersionId, 'pending', @now, @now)`,
      ),
      due: db.prepare<[string, number], Row>("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT ?"),
      claim: db.prepare<[string, string, string]>(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1, claimed_at = ?, claimed_by = ? WHERE id = ? AND status = 'pending'",
      ),
      // Each only by the claim's holder: one whose lease was taken back no longer decides. Only from
      // `sending`: a bounce that came back before the mark has the last word.
      sent: db.prepare<[string, string, string]>(
        "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'sending' AND claimed_by = ?",
      ),
      retry: db.prepare<[string, string, string, string]>(
        "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?",
      ),
      failed: db.prepare<[string, string, string]>(
        "UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?",
      ),
      // A claim older than the lease: its instance stopped mid-send, the message is tried again (see README: at least once).
      takeBack: db.prepare<[string]>("UPDATE outbox SET status = 'pending', claimed_at = NULL, claimed_by = NULL WHERE status = 'sending' AND claimed_at < ?"),
      next: db.prepare<[], { at: string }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'"),
      failures: db.prepare<
        [string],
        { to_address: string; subject: string; attempts: number; last_error: string | null; created_at: string; bounced_at: string | null }
      >(
        "SELECT to_address, subject, attempts, last_error, created_at, bounced_at FROM outbox WHERE agreement_id = ? AND status = 'failed' ORDER BY created_at DESC LIMIT 100",
      ),
      exists: db.prepare<[string], { id: string }>('SELECT id FROM outbox WHERE id = ?'),
      bounced: db.prepare<[string, string, string]>(
        "UPDATE outbox SET status = 'failed', last_error = ?, bounced_at = ? WHERE id = ? AND status IN ('sent', 'sending')",
      ),
      agreementOf: db.prepare<[string], { agreement_id: string | null }>('SELECT agreement_id FROM outbox WHERE id = ?'),
    };
  }

  add(m: Omit<OutboxMessage, 'attempts'>, now: string): void {
    this.s.insert.run({ ...m, now });
  }

  due(now: string, limit = 20): OutboxMessage[] {
    return this.s.due.all(now, limit).map(toMessage);
  }

  /** True if instance `by` now holds the message's lease from `now` (no one else claimed it meanwhile). */
  claim(id: string, by: string, now: string): boolean {
    return this.s.claim.run(now, by, id).changes === 1;
  }

  /** The marks below change nothing unless `by` still holds the claim. */
  markSent(id: string, by: string, now: string): void {
    this.s.sent.run(now, id, by);
  }

  retryAt(id: string, by: string, at: string, error: string): void {
    this.s.retry.run(at, error, id, by);
  }

  /** True if it was `by`'s to give up. */
  markFailed(id: string, by: string, error: string): boolean {
    return this.s.failed.run(error, id, by).changes === 1;
  }

  /** Whether a message of this id was ever written (a bounce address names one). */
  has(id: string): boolean {
    return this.s.exists.get(id) !== undefined;
  }

  /**
   * A mail server reported, after accepting it, that the message could not be
   * delivered: it is failed, the owner sees it. Only a message handed to SMTP
   * changes; returns its agreement then (null for a sign-in link), else undefined.
   */
  markBounced(id: string, error: string, now: string): { agreementId: string | null } | undefined {
    if (this.s.bounced.run(error, now, id).changes !== 1) return undefined;
    return { agreementId: this.s.agreementOf.get(id)?.agreement_id ?? null };
  }

  /** Claims taken before `before` (ISO) go back to pending; returns how many. */
  takeBackClaimedBefore(before: string): number {
    return this.s.takeBack.run(before).changes;
  }

  nextAttempt(): string | null {
    return this.s.next.get()?.at ?? null;
  }

  failures(agreementId: string) {
    return this.s.failures.all(agreementId).map((r) => ({
      to: r.to_address,
      subject: r.subject,
      attempts: r.attempts,
      error: r.last_error ?? '',
      at: r.created_at,
      // `refused`: SMTP said no (or every retry failed); `bounced`: a mail server accepted it, then sent a bounce.
      kind: r.bounced_at === null ? ('refused' as const) : ('bounced' as const),
    }));
  }
}

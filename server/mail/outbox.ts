import { randomBytes } from 'node:crypto';
import type { Clock } from '../lifecycle/clock';
import type { VersionStore } from '../store/versions';
import type { OutboxStore } from './outboxStore';
import { PermanentMailError, type Mail, type SendMail } from './transport';
import { verpAddress } from './verp';

/** Waits before the 2nd, 3rd… attempt; after the last, the message is given up as failed and shown to the owner. */
export const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
/** Looks again at least this often (a message added by another path or instance, a clock moved, a lease run out). */
export const POLL_MS = 60_000;
/**
 * A send that has not ended by then is given up and retried (with backoff, the
 * same Message-ID). Real time, not the clock: it bounds I/O. A dead SMTP server
 * ends it sooner (transport.ts SMTP_TIMEOUTS); this also bounds a slow one.
 */
export const SEND_DEADLINE_MS = 2 * 60_000;
/**
 * How long a claim holds. Longer than any send (SEND_DEADLINE_MS), with room
 * for the instances' clocks to differ: a claim older than this was left by an
 * instance that stopped mid-send, and any instance takes it back.
 */
export const LEASE_MS = 5 * 60_000;

export interface OutboxDeps {
  store: OutboxStore;
  versions: Pick<VersionStore, 'get' | 'pdf'>;
  send: SendMail;
  clock: Clock;
  log: (message: string) => void;
  /** `BOUNCE_ADDRESS`: each message's envelope sender is its VERP address under it (server/mail/verp.ts). */
  bounceAddress?: string;
  /** A message given up (the owner sees it in the failures list). */
  failed?: (agreementId: string) => void;
}

/**
 * Sends the outbox, one message at a time, off the request path: a request
 * only writes a row. A message is claimed (status `sending`, by this instance,
 * at this time) before it is handed to SMTP and marked sent after; a failure
 * is retried with backoff (BACKOFF_MS), an SMTP 5xx or the last attempt marks
 * it failed. Several instances may share the outbox: a claim is a lease
 * (LEASE_MS), so a message another instance is sending is left to it, and one
 * claimed by an instance that stopped mid-send is taken back by whichever
 * instance looks next once the lease has run out. It may then be delivered
 * twice if the stop came between SMTP's acceptance and the mark, and carries
 * the same Message-ID both times so mail clients show it once.
 */
export class OutboxWorker {
  private timer: unknown;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Names this instance's claims: a mark counts only from the claim's holder. */
  private readonly instance = randomBytes(8).toString('hex');

  constructor(private readonly d: OutboxDeps) {}

  start(): void {
    this.kick();
  }

  /** Something was added, or time moved: look now (after the current turn, so the request answers first). */
  kick(): void {
    if (this.stopped) return;
    // Not on the injected clock: a new message goes now, whatever a test's clock says; only retries wait on it.
    setImmediate(() => void this.drain());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.d.clock.clearTimeout(this.timer);
    await this.running;
  }

  /** Sends what is due now; resolves when done (tests wait on it). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.sendDue().finally(() => {
      this.running = null;
      this.scheduleNext();
    });
    return this.running;
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) this.d.clock.clearTimeout(this.timer);
    this.timer = this.d.clock.setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, ms);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const next = this.d.store.nextAttempt();
    const wait = next ? Date.parse(next) - this.d.clock.now() : POLL_MS;
    this.schedule(Math.max(0, Math.min(POLL_MS, wait)));
  }

  private iso(ms = this.d.clock.now()): string {
    return new Date(ms).toISOString();
  }

  /** Claims older than the lease: their instance stopped mid-send (SIGKILL, a crash). */
  private takeBackExpired(): void {
    const n = this.d.store.takeBackClaimedBefore(this.iso(this.d.clock.now() - LEASE_MS));
    if (n > 0) this.d.log(`outbox: ${n} message(s) left mid-send by an instance that stopped, to be sent again`);
  }

  private async sendDue(): Promise<void> {
    this.takeBackExpired();
    for (;;) {
      if (this.stopped) return;
      const due = this.d.store.due(this.iso());
      if (due.length === 0) return;
      for (const m of due) {
        if (this.stopped) return;
        if (!this.d.store.claim(m.id, this.instance, this.iso())) continue;
        const attempt = m.attempts + 1;
        try {
          await this.sendWithin({
            messageId: `<${m.id}@entente>`,
            to: m.to,
            subject: m.subject,
            text: m.body,
            attachments: this.attachments(m.attachVersionId),
            envelopeFrom: this.d.bounceAddress ? verpAddress(this.d.bounceAddress, m.id) : undefined,
          });
          this.d.store.markSent(m.id, this.instance, this.iso());
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          const wait = BACKOFF_MS[attempt - 1];
          if (error instanceof PermanentMailError || wait === undefined) {
            if (this.d.store.markFailed(m.id, this.instance, why)) {
              this.d.log(`outbox: message ${m.id} to ${m.to} failed for good after ${attempt} attempt(s): ${why}`);
              if (m.agreementId) this.d.failed?.(m.agreementId);
            }
          } else {
            this.d.store.retryAt(m.id, this.instance, this.iso(this.d.clock.now() + wait), why);
          }
        }
      }
    }
  }

  /** The send, or a failure at SEND_DEADLINE_MS: the claim must end well within its lease. */
  private async sendWithin(mail: Mail): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`SMTP did not finish within ${SEND_DEADLINE_MS / 1000} s`)), SEND_DEADLINE_MS);
    });
    try {
      await Promise.race([this.d.send(mail), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private attachments(versionId: string | null) {
    if (!versionId) return [];
    const version = this.d.versions.get(versionId);
    const pdf = this.d.versions.pdf(versionId);
    if (!version || !pdf) return [];
    return [{ filename: `agreement-${version.agreementId}-v${version.number}.pdf`, content: pdf, contentType: 'application/pdf' }];
  }
}

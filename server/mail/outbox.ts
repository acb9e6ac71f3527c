import type { Clock } from '../lifecycle/clock';
import type { VersionStore } from '../store/versions';
import type { OutboxStore } from './outboxStore';
import { PermanentMailError, type SendMail } from './transport';
import { verpAddress } from './verp';

/** Waits before the 2nd, 3rd… attempt; after the last, the message is given up as failed and shown to the owner. */
export const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
/** Looks again at least this often (a message added by another path, a clock moved). */
const POLL_MS = 60_000;

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
 * only writes a row. A message is claimed (status `sending`) before it is
 * handed to SMTP and marked sent after; a failure is retried with backoff
 * (BACKOFF_MS), an SMTP 5xx or the last attempt marks it failed. A message
 * left claimed by a stopped process goes back to pending at start: it may
 * then be delivered twice if the stop came between SMTP's acceptance and
 * the mark, and carries the same Message-ID both times so mail clients
 * show it once.
 */
export class OutboxWorker {
  private timer: unknown;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly d: OutboxDeps) {}

  start(): void {
    const n = this.d.store.unclaimAll();
    if (n > 0) this.d.log(`outbox: ${n} message(s) left mid-send by the last process, to be sent again`);
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

  private async sendDue(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const due = this.d.store.due(new Date(this.d.clock.now()).toISOString());
      if (due.length === 0) return;
      for (const m of due) {
        if (this.stopped) return;
        if (!this.d.store.claim(m.id)) continue;
        const attempt = m.attempts + 1;
        try {
          await this.d.send({
            messageId: `<${m.id}@entente>`,
            to: m.to,
            subject: m.subject,
            text: m.body,
            attachments: this.attachments(m.attachVersionId),
            envelopeFrom: this.d.bounceAddress ? verpAddress(this.d.bounceAddress, m.id) : undefined,
          });
          this.d.store.markSent(m.id, new Date(this.d.clock.now()).toISOString());
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          const wait = BACKOFF_MS[attempt - 1];
          if (error instanceof PermanentMailError || wait === undefined) {
            this.d.store.markFailed(m.id, why);
            this.d.log(`outbox: message ${m.id} to ${m.to} failed for good after ${attempt} attempt(s): ${why}`);
            if (m.agreementId) this.d.failed?.(m.agreementId);
          } else {
            this.d.store.retryAt(m.id, new Date(this.d.clock.now() + wait).toISOString(), why);
          }
        }
      }
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

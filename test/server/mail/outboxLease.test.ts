import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEASE_MS, POLL_MS } from '../../../server/mail/outbox';
import { OutboxStore } from '../../../server/mail/outboxStore';
import { openTestDb, startTestServer, tempDir, useCleanup, waitFor, type TestServer } from '../harness';
import { ManualClock } from '../lifecycle/manualClock';
import { TestSmtp } from '../notify/smtp';

/**
 * Several instances on one outbox (one SQLite file, or one PostgreSQL schema
 * in the postgres project): a claim is a lease. What a SIGKILLed instance
 * leaves is a row in `sending` that nobody will ever mark, written here as it
 * leaves it.
 */
const cleanup = useCleanup();
const iso = (ms: number): string => new Date(ms).toISOString();

async function smtpSink(): Promise<TestSmtp> {
  const smtp = new TestSmtp();
  await smtp.start();
  cleanup.push(() => smtp.stop());
  return smtp;
}

/** An instance with e-mail on; a second one on `dataDir` shares the first one's database. */
async function instance(smtp: TestSmtp, clock: ManualClock, dataDir?: string): Promise<TestServer> {
  const server = await startTestServer({
    clock,
    dataDir,
    publicUrl: 'https://entente.example.org',
    mail: { smtpUrl: smtp.url, from: 'Entente <entente@example.org>' },
  });
  // The first instance's dispose removes the database, after the later ones are closed (newest first).
  cleanup.push(() => (dataDir ? server.close() : server.dispose()));
  return server;
}

interface Row {
  status: string;
  attempts: number;
  claimed_by: string | null;
}

async function withDb<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof openTestDb>>) => T): Promise<T> {
  const db = await openTestDb(dataDir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A sign-in link's message (no agreement), due now: `sending` with a claim, or `pending`. */
function putMessage(dataDir: string, id: string, at: number, claim?: { by: string; at: number }): Promise<unknown> {
  return withDb(dataDir, (db) =>
    db
      .prepare(
        `INSERT INTO outbox (id, to_address, subject, body, status, attempts, next_attempt_at, created_at, claimed_at, claimed_by)
         VALUES (?, 'someone@example.org', 'Your sign-in link', 'Open it.', ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, claim ? 'sending' : 'pending', claim ? 1 : 0, iso(at), iso(at), claim ? iso(claim.at) : null, claim?.by ?? null),
  );
}

const rowOf = (dataDir: string, id: string): Promise<Row | undefined> =>
  withDb(dataDir, (db) => db.prepare<[string], Row>('SELECT status, attempts, claimed_by FROM outbox WHERE id = ?').get(id));

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function untilStatus(dataDir: string, id: string, status: string): Promise<Row> {
  for (let i = 0; i < 200; i++) {
    const row = await rowOf(dataDir, id);
    if (row?.status === status) return row;
    await pause(25);
  }
  throw new Error(`message ${id} never became ${status}`);
}

const newId = (): string => randomBytes(12).toString('hex');
const to = (smtp: TestSmtp, subject: string) => smtp.received.filter((m) => m.mail.subject === subject);

describe('the outbox shared by several instances', () => {
  it('sends a message an instance killed mid-send left claimed, once the lease has run out, and once', async () => {
    const smtp = await smtpSink();
    const clock = new ManualClock();
    const survivor = await instance(smtp, clock);
    const id = newId();
    await putMessage(survivor.dataDir, id, clock.now(), { by: 'killed-instance', at: clock.now() });

    // Within the lease the claim may be a send still under way elsewhere: the survivor's polls leave it.
    await clock.advanceInSteps(LEASE_MS - POLL_MS, POLL_MS);
    await pause(300);
    expect(to(smtp, 'Your sign-in link')).toEqual([]);
    expect(await rowOf(survivor.dataDir, id)).toEqual({ status: 'sending', attempts: 1, claimed_by: 'killed-instance' });

    // Past it, the next poll takes the claim back and sends the message.
    await clock.advanceInSteps(2 * POLL_MS, POLL_MS);
    await waitFor(() => to(smtp, 'Your sign-in link').length === 1, 'the message left by the killed instance');
    const sent = await untilStatus(survivor.dataDir, id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(sent.claimed_by).toMatch(/^[0-9a-f]{16}$/);
    expect(to(smtp, 'Your sign-in link')[0]!.mail.messageId).toBe(`<${id}@entente>`);

    await clock.advanceInSteps(3 * LEASE_MS, POLL_MS);
    await pause(300);
    expect(to(smtp, 'Your sign-in link')).toHaveLength(1);
  });

  it('leaves a message to the instance sending it right now, also when a second instance starts', async () => {
    const smtp = await smtpSink();
    let release = (): void => undefined;
    smtp.hold = new Promise<void>((resolve) => (release = resolve));
    cleanup.push(() => release());
    const clock = new ManualClock();
    const first = await instance(smtp, clock);
    const id = newId();
    await putMessage(first.dataDir, id, clock.now());

    // The first instance's poll claims it; the SMTP server holds its answer, so the send stays under way.
    await clock.advanceInSteps(POLL_MS, POLL_MS);
    await waitFor(() => smtp.held === 1, 'the first instance’s send under way');
    const claimed = await rowOf(first.dataDir, id);
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });

    // A second instance starts on the same database and polls, well within the lease: it sends nothing.
    await instance(smtp, clock, first.dataDir);
    await clock.advanceInSteps(3 * POLL_MS, POLL_MS);
    await pause(300);
    expect(smtp.held).toBe(1);
    expect(await rowOf(first.dataDir, id)).toEqual(claimed);

    // The SMTP server answers: the first instance marks it sent, and it went out once.
    smtp.hold = null;
    release();
    await waitFor(() => to(smtp, 'Your sign-in link').length === 1, 'the message');
    expect(await untilStatus(first.dataDir, id, 'sent')).toMatchObject({ attempts: 1, claimed_by: claimed?.claimed_by });
    await clock.advanceInSteps(3 * LEASE_MS, POLL_MS);
    await pause(300);
    expect(to(smtp, 'Your sign-in link')).toHaveLength(1);
  });

  it('lets only the holder of a claim mark its message: one whose lease was taken back decides nothing', async () => {
    const dir = tempDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = await openTestDb(dir);
    cleanup.push(() => db.close());
    const store = new OutboxStore(db);
    const t0 = Date.parse('2026-03-01T10:00:00.000Z');
    store.add({ id: 'm1', notificationId: null, agreementId: null, to: 'a@example.org', subject: 's', body: 'b', attachVersionId: null }, iso(t0));
    expect(store.claim('m1', 'slow', iso(t0))).toBe(true);
    expect(store.claim('m1', 'other', iso(t0))).toBe(false);
    expect(store.takeBackClaimedBefore(iso(t0))).toBe(0);
    expect(store.takeBackClaimedBefore(iso(t0 + 1))).toBe(1);
    expect(store.claim('m1', 'other', iso(t0 + LEASE_MS))).toBe(true);
    // The first holder ends late: its marks change nothing, the new holder's do.
    store.retryAt('m1', 'slow', iso(t0 + LEASE_MS), 'late');
    expect(store.markFailed('m1', 'slow', 'late')).toBe(false);
    store.markSent('m1', 'slow', iso(t0 + LEASE_MS));
    expect(store.due(iso(t0 + 2 * LEASE_MS))).toEqual([]);
    expect(db.prepare<[], { status: string; claimed_by: string }>('SELECT status, claimed_by FROM outbox').get()).toEqual({
      status: 'sending',
      claimed_by: 'other',
    });
    store.markSent('m1', 'other', iso(t0 + LEASE_MS));
    expect(db.prepare<[], { status: string; attempts: number }>('SELECT status, attempts FROM outbox').get()).toEqual({ status: 'sent', attempts: 2 });
  });
});

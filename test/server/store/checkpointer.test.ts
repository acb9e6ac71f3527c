import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startCheckpointer } from '../../../server/store/checkpointer';
import { openDb } from '../../../server/store/db';
import { DocStore } from '../../../server/store/docs';
import { tempDir } from '../harness';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Commits a small update about every millisecond, as a busy server does, and reports the largest WAL seen. */
async function commitFor(ms: number, maxWalBytes: number): Promise<{ largest: number; errors: string[] }> {
  const dir = tempDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDb(dir);
  const errors: string[] = [];
  const checkpointer = startCheckpointer(db, (m) => errors.push(m), maxWalBytes);
  cleanup.push(async () => {
    await checkpointer.stop();
    db.close();
  });
  db.pragma('foreign_keys = OFF'); // Updates without an agreement row: only the WAL matters here.
  const docs = new DocStore(db);
  const wal = join(dir, 'entente.sqlite-wal');
  let largest = 0;
  for (const end = Date.now() + ms; Date.now() < end;) {
    docs.appendMany([{ docId: 'doc', update: new Uint8Array(64) }]);
    largest = Math.max(largest, statSync(wal).size);
    await new Promise((r) => setTimeout(r, 1));
  }
  return { largest, errors };
}

describe('WAL checkpointer', () => {
  it('keeps the write-ahead log bounded while commits never stop', async () => {
    const bounded = await commitFor(2000, 256 * 1024);
    expect(bounded.errors).toEqual([]);
    // A passive checkpoint alone rarely lets the WAL start over under steady commits: it grows
    // by pages per commit. Truncating past the limit keeps it to the limit plus one interval's growth.
    const unbounded = await commitFor(2000, Number.MAX_SAFE_INTEGER);
    expect(bounded.largest).toBeLessThan(unbounded.largest / 3);
  });
});

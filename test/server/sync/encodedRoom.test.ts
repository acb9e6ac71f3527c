import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { fragmentName, getMeta } from '../../../shared/schema';
import { COPY_TTL_MS } from '../../../server/sync/encoded/docCopy';
import { paragraph } from '../fill';
import { connect, createAgreement, startTestServer, synced, tempDir, waitFor, type TestServer } from '../harness';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function server(dataDir: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir });
  cleanup.push(() => s.close());
  return s;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('a room keeps its document encoded', () => {
  it('holds no Y.Doc while people edit, builds a copy for a reader and drops it after', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let s = await server(dataDir);
    const { id, token } = await createAgreement(s.url);
    await s.close();
    cleanup.pop();
    // After a restart the room opens from the compacted state.
    s = await server(dataDir);
    const a = connect(s.wsUrl, id, token);
    const b = connect(s.wsUrl, id, token);
    cleanup.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await synced(a);
    await synced(b);
    for (let i = 0; i < 20; i++) a.doc.getXmlFragment(fragmentName('purpose')).push([paragraph(`ligne ${i}`)]);
    getMeta(a.doc).set('title', 'Titre modifié');
    await waitFor(() => b.doc.getXmlFragment(fragmentName('purpose')).length === 20, 'b receives every line');
    await sleep(COPY_TTL_MS + 500);
    const room = s.rooms.loaded(id);
    expect(room?.holdsCopy).toBe(false);
    // A reader gets the document as stored, on a copy that goes once unused.
    const lines = s.rooms.read(id, (doc) => doc.getXmlFragment(fragmentName('purpose')).length);
    expect(lines).toBe(20);
    expect(room?.holdsCopy).toBe(true);
    await waitFor(() => room?.holdsCopy === false, 'the copy dropped', COPY_TTL_MS * 3);
    expect(room?.facts.titleOf()).toBe('Titre modifié');
  });
});

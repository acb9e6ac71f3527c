import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { createAgreement } from '../../client/api/agreements';
import { compareVersions, getVersionState, listHistory, nameVersion, redlineUrl, restoreVersion } from '../../client/api/history';
import * as H from '../../shared/historySchemas';
import { fragmentName } from '../../shared/schema';
import { paragraph } from '../server/fill';
import { connect, startTestServer, synced, tokenOf, waitFor, type TestServer } from '../server/harness';

/**
 * The drafting history's answers as the real server sends them, through
 * client/api/history.ts: each must pass its schema in shared/historySchemas.ts, and
 * the schema must keep every field the server sent.
 */

let server: TestServer;
const realFetch = globalThis.fetch;
let token = '';
let lastBody: unknown = null;

beforeAll(async () => {
  server = await startTestServer();
  // client/api/ asks for same-origin paths, as in the page: send them to the test server.
  globalThis.fetch = async (input, init) => {
    if (typeof input !== 'string' || !input.startsWith('/')) return realFetch(input, init);
    const headers = new Headers(init?.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    const res = await realFetch(new URL(input, server.url), { ...init, headers });
    const type = res.headers.get('content-type') ?? '';
    lastBody = type.startsWith('application/json') ? await res.clone().json() : null;
    return res;
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server.dispose();
});

async function exact<T>(schema: z.ZodMiniType, run: () => Promise<T>): Promise<T> {
  const result = await run();
  expect(schema.parse(lastBody), 'the schema keeps every field the server sent').toEqual(lastBody);
  return result;
}

describe('history answers match shared/historySchemas', () => {
  it('list, name, version state, compare and restore', async () => {
    const created = await createAgreement({ title: 'Historique', language: 'fr', owner: { name: 'Odile', email: 'odile@example.org' } });
    token = tokenOf(created.ownerLink);
    const id = created.id;
    const named = await exact(H.HistoryEntryViewSchema, () => nameVersion(id, 'Première'));
    const c = connect(server.wsUrl, id, token);
    try {
      await synced(c);
      c.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Former des jeunes')]);
      await waitFor(() => true);
      await new Promise((r) => setTimeout(r, 50));
      const list = await exact(H.HistoryListSchema, () => listHistory(id));
      expect(list.versions.map((v) => v.kind)).toEqual(['named', 'created']);
      expect(list.lastNamedId).toBe(named.id);
      const cmp = await exact(H.ComparisonSchema, () => compareVersions(id, named.id, 'current'));
      expect(cmp.changedSections).toEqual(['purpose']);
      expect(cmp.sections.find((s) => s.key === 'purpose')?.texts[0]?.ops).toEqual([
        { op: 'ins', text: 'Former des jeunes', by: [{ id: list.versions[0]?.createdBy?.id, name: 'Odile' }] },
      ]);
      const state = await getVersionState(id, named.id);
      expect(state.byteLength).toBeGreaterThan(0);
      const restored = await exact(H.HistoryEntryViewSchema, () => restoreVersion(id, named.id, 'purpose'));
      expect(restored).toMatchObject({ kind: 'restored', restoredFrom: named.number, sections: ['purpose'] });
      expect(redlineUrl(id, named.id, 'current', 'pdf')).toBe(`/api/agreements/${id}/compare.pdf?from=${named.id}&to=current`);
    } finally {
      c.destroy();
    }
  });
});

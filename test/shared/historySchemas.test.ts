import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { createAgreement } from '../../client/api/agreements';
import { compareVersions, getVersionState, listHistory, nameVersion, redlineUrl, restoreVersion } from '../../client/api/history';
import * as H from '../../shared/historySchemas';
import { fragmentName } from '../../shared/schema';
import { paragraph } from '../server/fill';
import { connect, startTestServer, synced, tokenOf, waitFor, type TestServer } from '../server/harness';
import { ClientCalls } from './clientCalls';

/**
 * The drafting history's answers as the real server sends them, through
 * client/api/history.ts: each must pass its schema in shared/historySchemas.ts, and
 * the schema must keep every field the server sent.
 */

let server: TestServer;
let calls: ClientCalls;

beforeAll(async () => {
  server = await startTestServer();
  calls = new ClientCalls(server.url);
});
afterAll(async () => {
  calls.restore();
  await server.dispose();
});

const exact = <T>(schema: z.ZodMiniType, run: () => Promise<T>): Promise<T> => calls.exact(schema, run);

describe('history answers match shared/historySchemas', () => {
  it('list, name, version state, compare and restore', async () => {
    const created = await createAgreement({ title: 'Historique', language: 'fr', owner: { name: 'Odile', email: 'odile@example.org' } });
    calls.token = tokenOf(created.ownerLink);
    const id = created.id;
    const named = await exact(H.HistoryEntryViewSchema, () => nameVersion(id, 'Première'));
    const c = connect(server.wsUrl, id, calls.token);
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

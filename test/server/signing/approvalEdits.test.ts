import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StatusView } from '../../../shared/api';
import { fragmentName } from '../../../shared/schema';
import { COPY_TTL_MS } from '../../../server/sync/encoded/docCopy';
import { paragraph } from '../fill';
import { agreementCall, connect, createAgreement, synced, useCleanup, useTestServer, waitFor } from '../harness';

const server = useTestServer();
const cleanup = useCleanup();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('approvals while people type', () => {
  it('an edit in a section without approvals does not rebuild the document; a deletion in the approved section clears its approval', async () => {
    const a = await createAgreement(server.url, { owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
    const call = <T>(path: string, method = 'GET', body?: unknown) => agreementCall<T>(server.url, a.token, a.id, path, method, body);
    const client = connect(server.wsUrl, a.id, a.token);
    cleanup.push(() => client.destroy());
    await synced(client);
    const purpose = client.doc.getXmlFragment(fragmentName('purpose'));
    const context = client.doc.getXmlFragment(fragmentName('context'));
    purpose.push([paragraph('Coopérer de bonne foi.')]);
    const text = new Y.XmlText('Contexte.');
    const line = new Y.XmlElement('paragraph');
    line.insert(0, [text]);
    context.push([line]);
    // Approvals come after the edits have settled, as in the editor.
    await sleep(300);
    expect((await call('/approvals', 'POST', { section: 'purpose' })).status).toBe(201);
    const room = server.rooms.loaded(a.id);
    await waitFor(() => room?.holdsCopy === false, 'the approval’s copy dropped', COPY_TTL_MS * 3);

    // Typing and deleting in another section, in several bursts, each past the 200 ms the check waits for.
    for (let i = 0; i < 6; i++) {
      text.insert(0, 'x');
      if (i % 2 === 1) text.delete(0, 2);
      await sleep(150);
      expect(room?.holdsCopy, `burst ${i}`).toBe(false);
    }
    await sleep(300);
    expect(room?.holdsCopy).toBe(false);
    let status = (await call<StatusView>('/status')).body;
    expect(status.approvals.map((x) => x.section)).toEqual(['purpose']);

    // A deletion alone (no new text) in the approved section changes what was approved.
    purpose.delete(0, 1);
    await waitFor(() => room?.holdsCopy === true, 'the check reads the document');
    const start = Date.now();
    while (status.approvals.length > 0 && Date.now() - start < 5_000) {
      await sleep(50);
      status = (await call<StatusView>('/status')).body;
    }
    expect(status.approvals).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { fragmentName } from '../../../shared/schema';
import { updateMessage } from '../../../server/sync/protocol';
import { paragraph } from '../fill';
import { createAgreement, invite, startTestServer, synced, useCleanup, waitFor } from '../harness';
import { TEST_DATABASE_URL } from '../pgTestDb';
import { textOf, useTwoInstances } from './clusterTest';

const purpose = (doc: Y.Doc): string => textOf(doc);

describe.skipIf(!TEST_DATABASE_URL)('authorship across instances', () => {
  // No Redis: instance two learns nothing from instance one but what the database says.
  const cluster = useTwoInstances({ redis: false });
  const { open } = cluster;
  const cleanup = useCleanup();

  it('a client id bound on one instance cannot be taken on another that never saw it bound (4409, nothing stored)', async () => {
    const { one, two } = cluster;
    const a = await createAgreement(one.url);
    const bob = await invite(one.url, a, { role: 'editor', name: 'Bob Editor' });
    // Bob's instance has the document loaded before the owner writes: it has not seen the owner's client id.
    const thief = open(two, a.id, bob.token);
    await synced(thief);
    const owner = open(one, a.id, a.token);
    await synced(owner);
    owner.doc.getXmlFragment(fragmentName('purpose')).push([paragraph('written by the owner')]);
    await waitFor(() => one.rooms.read(a.id, purpose).includes('written by the owner'), 'stored');

    const closed = new Promise<number>((resolve) => thief.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(thief.doc));
    forger.clientID = owner.doc.clientID;
    const updates: Uint8Array[] = [];
    forger.on('update', (u: Uint8Array) => void updates.push(u));
    forger.getXmlFragment(fragmentName('purpose')).push([paragraph('forged as the owner')]);
    thief.provider.ws?.send(new Uint8Array(updateMessage(Y.mergeUpdates(updates))));
    expect(await closed).toBe(CloseCode.ClientIdTaken);

    // Nothing of it is stored: a third instance reads the document from the database alone.
    const three = await startTestServer({ databaseUrl: cluster.db.url });
    cleanup.push(() => three.dispose());
    const stored = three.rooms.read(a.id, purpose);
    expect(stored).toContain('written by the owner');
    expect(stored).not.toContain('forged as the owner');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { AgreementDetail, PartyView } from '../../shared/api';
import { fragmentName, partyIdsOf } from '../../shared/schema';
import { paragraph } from './fill';
import { agreementCall, connect, createAgreement, invite, startTestServer, synced, tempDir, type TestServer } from './harness';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function start(dataDir: string): Promise<TestServer> {
  const server = await startTestServer({ dataDir });
  cleanup.push(() => server.close());
  return server;
}

function map(entries: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(entries)) m.set(k, v);
  return m;
}

/** The document as it was stored before parties were server data: a `parties` array of maps. */
function legacyDoc(ids: [string, string]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Protocole 2025');
    doc.getMap('meta').set('language', 'fr');
    doc.getMap('meta').set('templateId', 'mou');
    doc.getMap('duration').set('termYears', 2);
    const contacts = new Y.Array<Y.Map<unknown>>();
    contacts.push([map({ id: 'c1', title: 'Gestionnaire de programme', email: 'g@example.org', phone: '' })]);
    const signatories = new Y.Array<Y.Map<unknown>>();
    signatories.push([map({ id: 's1', name: 'Marie Tremblay', title: 'Directrice' })]);
    const first = map({ id: ids[0], legalName: 'Centre francophone', address: 'Toronto', mission: 'Former des jeunes' });
    first.set('contacts', contacts);
    first.set('signatories', signatories);
    const second = map({ id: ids[1], legalName: 'Réseau Emploi', address: 'Ottawa', mission: 'Placer des jeunes' });
    second.set('contacts', new Y.Array());
    second.set('signatories', new Y.Array());
    doc.getArray('parties').push([first, second]);
    doc.getXmlFragment(fragmentName('context', ids[1])).push([paragraph('Le Réseau accompagne les chercheurs d’emploi.')]);
    doc.getXmlFragment(fragmentName('purpose')).push([paragraph('Collaborer pour l’emploi des jeunes.')]);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('agreements stored before parties were server data', () => {
  it('migrate on first load with nothing lost, once', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let server = await start(dataDir);
    const a = await createAgreement(server.url);
    const ids = a.content.parties.map((p) => p.id) as [string, string];
    const editor = await invite(server.url, a, { role: 'editor', partyIndex: 1 });
    await server.close();

    // Put the agreement back in the old layout, as an older version stored it.
    const db = new Database(join(dataDir, 'entente.sqlite'));
    db.prepare('DELETE FROM parties WHERE agreement_id = ?').run(a.id);
    db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(a.id);
    db.prepare('DELETE FROM doc_snapshots WHERE doc_id = ?').run(a.id);
    db.prepare('INSERT INTO doc_updates (doc_id, seq, data) VALUES (?, 1, ?)').run(a.id, Buffer.from(legacyDoc(ids)));
    db.close();

    server = await start(dataDir);
    const detail = await agreementCall<AgreementDetail>(server.url, a.token, a.id, '');
    const [first, second] = detail.body.content.parties;
    expect(detail.body.content.parties.map((p) => p.id)).toEqual(ids);
    expect(first).toMatchObject({ legalName: 'Centre francophone', address: 'Toronto', mission: '' });
    expect(first?.contacts).toEqual([{ id: 'c1', title: 'Gestionnaire de programme', email: 'g@example.org', phone: '' }]);
    expect(first?.signatories).toEqual([{ id: 's1', name: 'Marie Tremblay', title: 'Directrice' }]);
    // The mission, once only a hint, is now the party's Context paragraph...
    expect(first?.sections['context']).toBe('Former des jeunes');
    // ...unless someone had written that paragraph: then it stays as the hint above it.
    expect(second).toMatchObject({
      mission: 'Placer des jeunes',
      sections: { context: 'Le Réseau accompagne les chercheurs d’emploi.', responsibilities: '' },
    });
    expect(detail.body.content.sections['purpose']).toBe('Collaborer pour l’emploi des jeunes.');

    const parties = await agreementCall<{ parties: PartyView[] }>(server.url, a.token, a.id, '/parties');
    expect(parties.body.parties.map((p) => [p.id, p.legalName, p.participants])).toEqual([
      [ids[0], 'Centre francophone', 1],
      [ids[1], 'Réseau Emploi', 1],
    ]);

    const client = connect(server.wsUrl, a.id, editor.token);
    cleanup.push(() => client.destroy());
    await synced(client);
    expect(partyIdsOf(client.doc)).toEqual(ids);
    expect(client.doc.getArray('parties').length).toBe(2); // the old array is left as it was

    // A second start finds nothing to migrate.
    const countUpdates = (): number => {
      const check = new Database(join(dataDir, 'entente.sqlite'), { readonly: true });
      try {
        return (check.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(a.id) as { n: number }).n;
      } finally {
        check.close();
      }
    };
    client.destroy();
    await server.close();
    const before = countUpdates();
    server = await start(dataDir);
    expect((await agreementCall<AgreementDetail>(server.url, a.token, a.id, '')).body.content).toEqual(detail.body.content);
    await server.close();
    expect(countUpdates()).toBe(before);
  });
});

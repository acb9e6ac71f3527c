import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { addBudgetLine, readBudget } from '../../../shared/budget';
import { addTask, readRaci } from '../../../shared/raci';
import { initAgreementDoc } from '../../../shared/schema';
import { isTableKind, tableMap } from '../../../shared/tables';
import { findTemplate } from '../../../shared/templates';
import { connect, createAgreement, startTestServer, synced, tempDir, waitFor, type Client, type TestServer } from '../harness';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function start(dataDir: string): Promise<TestServer> {
  const server = await startTestServer({ dataDir });
  cleanup.push(() => server.close());
  return server;
}

function open(server: TestServer, id: string, token: string): Client {
  const client = connect(server.wsUrl, id, token);
  cleanup.push(() => client.destroy());
  return client;
}

describe('a document stored before its table sections had their lists', () => {
  it('gets the empty lists when it loads, so two people adding the first row at once both keep theirs', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let server = await start(dataDir);
    const a = await createAgreement(server.url, { templateId: 'partnership', parties: [{ legalName: 'Agence A' }, { legalName: 'Agence B' }] });
    await server.close();

    // The same agreement as a version that did not create the table lists stored it.
    const template = findTemplate('partnership');
    if (!template) throw new Error('no partnership template');
    const old = new Y.Doc();
    initAgreementDoc(old, {
      title: 'Entente de partenariat',
      language: 'fr',
      template: { ...template, sections: template.sections.filter((s) => !isTableKind(s.kind)) },
      parties: a.content.parties.map((p) => ({ id: p.id, legalName: p.legalName, address: p.address, mission: '' })),
    });
    expect(tableMap(old, 'raci').size).toBe(0);
    const db = new Database(join(dataDir, 'entente.sqlite'));
    db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(a.id);
    db.prepare('DELETE FROM doc_snapshots WHERE doc_id = ?').run(a.id);
    db.prepare('INSERT INTO doc_updates (doc_id, seq, data) VALUES (?, 1, ?)').run(a.id, Buffer.from(Y.encodeStateAsUpdate(old)));
    db.close();

    server = await start(dataDir);
    const mine = open(server, a.id, a.token);
    const theirs = open(server, a.id, a.token);
    await Promise.all([synced(mine), synced(theirs)]);
    expect(tableMap(mine.doc, 'raci').get('tasks')).toBeInstanceOf(Y.Array);

    // Both write before either hears of the other: the same moment, as far as Yjs can tell.
    addTask(mine.doc, 'raci', 'Formulaires d’admission');
    addTask(theirs.doc, 'raci', 'Calendrier des ateliers');
    const [first, second] = a.content.parties.map((p) => p.id);
    addBudgetLine(mine.doc, 'budget', { label: 'Animation', partyId: first, amountCents: 100_000, nature: 'cash' });
    addBudgetLine(theirs.doc, 'budget', { label: 'Salle', partyId: second, amountCents: 50_000, nature: 'inKind' });

    const names = (c: Client): string[] =>
      readRaci(c.doc, 'raci')
        .tasks.map((t) => t.name)
        .sort();
    const lines = (c: Client): number => readBudget(c.doc, 'budget').lines.length;
    await waitFor(() => [mine, theirs].every((c) => names(c).length === 2 && lines(c) === 2), 'both first rows on both sides', 5_000);
    expect(names(theirs)).toEqual(['Calendrier des ateliers', 'Formulaires d’admission']);

    // And after a reload from what the server stored.
    const later = open(server, a.id, a.token);
    await synced(later);
    expect(names(later)).toEqual(['Calendrier des ateliers', 'Formulaires d’admission']);
    expect(lines(later)).toBe(2);
  }, 20_000);
});

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AgreementSummary } from '../../../shared/api';
import type { ImportedAgreement } from '../../../shared/importSchemas';
import { fragmentToText } from '../../../shared/render';
import { IMPORTED, fragmentName } from '../../../shared/schema';
import { connect, synced, useCleanup, useTestServer } from '../harness';
import { englishDraft, frenchDraft, passwordProtected, zipOf } from './fixtures';

const server = useTestServer();
const cleanup = useCleanup();

const meta = (templateId = 'mou') => ({ title: 'Ébauche importée', language: 'fr', templateId, owner: { name: 'Odile Owner', email: 'odile@example.org' } });

async function upload(file: Buffer, name = 'ebauche.docx', templateId = 'mou'): Promise<Response> {
  const form = new FormData();
  form.set('agreement', JSON.stringify(meta(templateId)));
  form.set('file', new Blob([new Uint8Array(file)]), name);
  return fetch(`${server.url}/api/agreements/import`, { method: 'POST', body: form });
}

/** Agreements stored, read from the server's own SQLite file. */
function count(): number {
  const db = new Database(join(server.dataDir, 'entente.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM agreements').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The stored document, through a real client. */
async function docOf(created: ImportedAgreement): Promise<Y.Doc> {
  const token = created.ownerLink.slice(created.ownerLink.lastIndexOf('/') + 1);
  const client = connect(server.wsUrl, created.id, token);
  cleanup.push(() => client.destroy());
  await synced(client);
  return client.doc;
}

describe('importing a Word draft at creation', () => {
  it('matches French headings to the MOU’s sections and keeps bold, italics, lists and tables; the rest goes to “Imported, to sort”', async () => {
    const res = await upload(await frenchDraft());
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toContain('entente');
    const created = (await res.json()) as ImportedAgreement;
    expect(created.imported.matched).toEqual([
      { heading: '1. But', section: 'purpose' },
      { heading: 'Article 2 – Contexte', section: 'context' },
      { heading: 'Durée de l’entente', section: 'duration' },
    ]);
    expect(created.imported.unsorted).toEqual(['', 'Annexe Z — Calendrier des ateliers', 'Signataires']);
    expect(created.content.sections['purpose']).toBe('Collaborer aux services d’emploi pour améliorer les résultats des demandeurs d’emploi.');
    expect(created.content.duration.notes).toBe('Deux ans à compter de la dernière signature.\nRencontre six mois avant l’échéance\nPréavis de 60 jours');

    const doc = await docOf(created);
    // Yjs writes element names in lower case in toJSON; the nodes keep Tiptap's names.
    const purpose = doc.getXmlFragment(fragmentName('purpose')).toJSON();
    expect((doc.getXmlFragment(fragmentName('duration')).get(1) as Y.XmlElement).nodeName).toBe('bulletList');
    expect(purpose).toContain('<bold>améliorer les résultats</bold>');
    expect(doc.getXmlFragment(fragmentName('context')).toJSON()).toContain('<italic>Les deux agences servent la même région.</italic>');
    expect(doc.getXmlFragment(fragmentName('duration')).toJSON()).toMatch(/<bulletlist><listitem><paragraph>Rencontre six mois/i);
    const imported = doc.getXmlFragment(IMPORTED);
    expect(imported.toJSON()).toMatch(/<table><tablerow><tablecell><paragraph>Atelier<\/paragraph><\/tablecell>/i);
    expect(fragmentToText(imported).split('\n')).toEqual([
      'Protocole d’entente — ébauche',
      'Version de travail du 3 mars.',
      'Annexe Z — Calendrier des ateliers',
      'Atelier',
      'Date',
      'Accueil',
      'Avril',
      'Signataires',
      'Directrice, Agence A',
    ]);
  });

  it('matches the usual English names in the partnership agreement', async () => {
    const res = await upload(await englishDraft(), 'draft.docx', 'partnership');
    expect(res.status).toBe(201);
    const created = (await res.json()) as ImportedAgreement;
    expect(created.imported.matched).toEqual([
      { heading: 'Objectives', section: 'results' },
      { heading: 'Dispute resolution', section: 'conflicts' },
    ]);
    // The draft's text replaces the template's example clause.
    expect(created.content.sections['conflicts']).toBe('Talk first, then mediate.');
    expect(created.imported.unsorted).toEqual(['In witness whereof']);
  });

  it.each([
    ['not a docx (random bytes)', () => randomBytes(4096), 415, 'docx_invalid'],
    ['a zip without a Word document', () => zipOf({ 'hello.txt': Buffer.from('hello') }), 415, 'docx_invalid'],
    ['a zip bomb (80 MB of zeros in 80 kB)', () => zipOf({ 'word/document.xml': Buffer.alloc(80 * 1024 * 1024) }), 422, 'docx_bomb'],
    ['over 10 MiB', () => zipOf({ 'word/document.xml': randomBytes(10 * 1024 * 1024 + 10) }, { store: true }), 413, 'docx_too_large'],
    ['password-protected', passwordProtected, 422, 'docx_encrypted'],
  ] as const)('refuses %s with a clear 4xx and creates nothing', async (_what, make, status, code) => {
    const before = count();
    const res = await upload(make());
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(code);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(count()).toBe(before);
  });

  it('refuses a form without a file or with a bad agreement, and a body over its limit', async () => {
    const form = new FormData();
    form.set('agreement', JSON.stringify(meta()));
    expect((await fetch(`${server.url}/api/agreements/import`, { method: 'POST', body: form })).status).toBe(400);
    const bad = new FormData();
    bad.set('agreement', JSON.stringify({ ...meta(), title: '' }));
    bad.set('file', new Blob([new Uint8Array(await frenchDraft())]), 'a.docx');
    expect((await fetch(`${server.url}/api/agreements/import`, { method: 'POST', body: bad })).status).toBe(400);
    const huge = await upload(randomBytes(12 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await fetch(`${server.url}/api/agreements`)).status).toBe(200);
    const list = (await (await fetch(`${server.url}/api/agreements`)).json()) as { agreements: AgreementSummary[] };
    expect(list.agreements).toEqual([]);
  });
});

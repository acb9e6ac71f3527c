import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ImportedAgreement } from '../../../shared/importSchemas';
import { fragmentToText } from '../../../shared/render';
import { IMPORTED, fragmentName } from '../../../shared/schema';
import { connect, synced, useCleanup, useTestServer } from '../harness';

const server = useTestServer();
const cleanup = useCleanup();

/** Drafts written by python-docx, not the `docx` package (see fixtures/make.py). */
const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, 'fixtures', name));

async function upload(file: Buffer, language: 'fr' | 'en'): Promise<ImportedAgreement> {
  const form = new FormData();
  const owner = { name: 'Odile Owner', email: 'odile@example.org' };
  form.set('agreement', JSON.stringify({ title: 'Ébauche', language, templateId: 'partnership', owner }));
  form.set('file', new Blob([new Uint8Array(file)]), 'draft.docx');
  const res = await fetch(`${server.url}/api/agreements/import`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as ImportedAgreement;
}

async function docOf(created: ImportedAgreement): Promise<Y.Doc> {
  const client = connect(server.wsUrl, created.id, created.ownerLink.slice(created.ownerLink.lastIndexOf('/') + 1));
  cleanup.push(() => client.destroy());
  await synced(client);
  return client.doc;
}

describe('importing Word drafts from another writer (python-docx)', () => {
  it('a French draft: headings fill their sections, with bold, italics, lists and tables kept; the rest waits in “Imported, to sort”', async () => {
    const created = await upload(fixture('partenariat-python-docx.docx'), 'fr');
    expect(created.imported.matched).toEqual([
      { heading: '1. Résultats, buts et objectifs', section: 'results' },
      { heading: 'Règlement des différends', section: 'conflicts' },
    ]);
    expect(created.imported.unsorted).toEqual(['', 'Annexe B — Budget', 'Notes de la réunion']);
    expect(created.content.sections['results']).toBe('Offrir douze ateliers aux nouveaux arrivants.');

    const doc = await docOf(created);
    const results = doc.getXmlFragment(fragmentName('results')).toJSON();
    expect(results).toContain('<bold>douze ateliers</bold>');
    expect(results).toContain('<italic>nouveaux arrivants</italic>');
    expect(doc.getXmlFragment(fragmentName('conflicts')).toJSON()).toMatch(
      /^<bulletlist><listitem><paragraph>Discuter ouvertement<\/paragraph><\/listitem><listitem><paragraph>Recourir/i,
    );
    const imported = doc.getXmlFragment(IMPORTED);
    expect(imported.toJSON()).toMatch(/<table><tablerow><tablecell><paragraph>Poste<\/paragraph><\/tablecell><tablecell><paragraph>Partie/i);
    expect(fragmentToText(imported).split('\n')).toEqual([
      'Entente de partenariat — ébauche',
      'Document de travail partagé par le Centre.',
      'Annexe B — Budget',
      'Poste',
      'Partie',
      'Montant',
      'Salle',
      'Centre',
      '1 200 $',
      'Notes de la réunion',
      'À revoir avec le conseil.',
    ]);
  });

  it('an English draft: numbered lists, bold and italics kept; an unknown heading and its table go to “Imported, to sort”', async () => {
    const created = await upload(fixture('partnership-python-docx.docx'), 'en');
    expect(created.imported.matched).toEqual([
      { heading: 'Objectives', section: 'results' },
      { heading: 'Dispute resolution', section: 'conflicts' },
    ]);
    expect(created.imported.unsorted).toEqual(['Open questions']);
    const doc = await docOf(created);
    expect(doc.getXmlFragment(fragmentName('results')).toJSON()).toMatch(/<bold>twelve<\/bold> workshops <italic>together<\/italic>/);
    expect(doc.getXmlFragment(fragmentName('conflicts')).toJSON()).toMatch(/^<orderedlist[^>]*><listitem><paragraph>Talk openly/i);
    expect(fragmentToText(doc.getXmlFragment(IMPORTED)).split('\n')).toEqual(['Open questions', 'Question', 'Owner', 'Premises', 'Agency B']);
  });
});

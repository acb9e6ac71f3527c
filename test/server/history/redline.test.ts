import { describe, expect, it } from 'vitest';
import type { HistoryEntryView } from '../../../shared/historySchemas';
import { fragmentName, getDuration } from '../../../shared/schema';
import { paragraph } from '../fill';
import { agreementCall, api, connect, createAgreement, invite, synced, useCleanup, useTestServer, waitFor } from '../harness';
import { pdfText } from '../pdfText';
import { zipEntry } from './zipEntry';

const server = useTestServer();
const cleanup = useCleanup();

const PARAGRAPHS = 60;
const line = (i: number, word: string): string =>
  `Article ${i} : les parties conviennent de collaborer ${word} pour offrir des ateliers aux jeunes de la région.`;

describe('redline export', () => {
  it('a comparison downloads as a PDF headed with both versions, its changes readable page by page, and as a DOCX with the marks', async () => {
    const a = await createAgreement(server.url, { title: 'Entente Réseau Emploi' });
    const viewer = await invite(server.url, a, { role: 'viewer' });
    const c = connect(server.wsUrl, a.id, a.token);
    cleanup.push(() => c.destroy());
    await synced(c);
    const purpose = c.doc.getXmlFragment(fragmentName('purpose'));
    purpose.push(Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(line(i, 'étroitement'))));
    await new Promise((r) => setTimeout(r, 100));
    const sent = await agreementCall<HistoryEntryView>(server.url, a.token, a.id, '/history', 'POST', { name: 'Envoyée pour relecture' });
    expect(sent.status).toBe(201);
    c.doc.transact(() => {
      // The last paragraph: one word replaced; the duration: a field change.
      purpose.delete(PARAGRAPHS - 1, 1);
      purpose.push([paragraph(line(PARAGRAPHS - 1, 'activement'))]);
      getDuration(c.doc).set('termYears', 4);
    });
    await waitFor(() => true);
    await new Promise((r) => setTimeout(r, 100));
    const res = await api(server.url, viewer.token, `/api/agreements/${a.id}/compare.pdf?from=${sent.body.id}&to=current`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // Page by page, as PDF.js reads it (pages are separated by a form feed).
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).split('\f');
    expect(text.length).toBeGreaterThan(1);
    const [first = '', ...rest] = text;
    expect(first).toContain('Entente Réseau Emploi');
    expect(first).toContain('Changements entre deux versions');
    expect(first).toContain('Envoyée pour relecture');
    expect(first).toContain(sent.body.hash);
    expect(first).toContain('Texte actuel');
    expect(first).toContain('Les ajouts sont soulignés, les suppressions barrées.');
    const last = rest.at(-1) ?? '';
    expect(last).toMatch(/Article 59 : les parties conviennent de collaborer\s+étroitement\s*activement/);
    expect(last).toMatch(/Durée \(années\)\s*:\s*\d+\s+→\s+4/);
    expect(last).toMatch(/Sections inchangées/);

    const docx = await api(server.url, viewer.token, `/api/agreements/${a.id}/compare.docx?from=${sent.body.id}&to=current`);
    expect(docx.status).toBe(200);
    const xml = zipEntry(Buffer.from(await docx.arrayBuffer()), 'word/document.xml').toString();
    expect(xml).toMatch(/<w:strike\/>[^]*?<w:t[^>]*>étroitement<\/w:t>/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[^]*?<w:t[^>]*>activement<\/w:t>/);
    expect(xml).toContain(sent.body.hash);
  });

  it('refuses unknown versions and malformed sides', async () => {
    const a = await createAgreement(server.url);
    expect((await api(server.url, a.token, `/api/agreements/${a.id}/compare.pdf?from=AAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await api(server.url, a.token, `/api/agreements/${a.id}/compare.docx?from=x`)).status).toBe(400);
  });
});

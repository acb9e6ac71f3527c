import { describe, expect, it } from 'vitest';
import type { AgreementDetail, ParticipantView } from '../../../shared/api';
import { ComparisonSchema } from '../../../shared/historySchemas';
import { fragmentName, getMeta } from '../../../shared/schema';
import { paragraph } from '../fill';
import { tokenOf, useCleanup } from '../harness';
import { pdfText } from '../pdfText';
import { zipEntry } from '../history/zipEntry';
import { editAs, openAmendment, signedOriginal } from './amendmentFixture';

const cleanup = useCleanup();

const PARAGRAPHS = 60;
const clause = (i: number): string => `Article ${i} : les parties ajoutent un atelier régional pour les jeunes de la région.`;

describe('what an amendment changes, as a redline', () => {
  it('downloads as a PDF headed with the original’s and the amendment’s names, dates and hashes, readable page by page, and as a DOCX with the marks', async () => {
    const { server, r } = await signedOriginal(cleanup);
    const am = await openAmendment(server.url, r.a.id, { token: r.a.token });
    const draft = (await am.call<AgreementDetail>('')).body;
    const editor = await am.call<ParticipantView>('/participants', 'POST', {
      name: 'Éva',
      email: 'eva@example.org',
      partyId: draft.content.parties[0]!.id,
      role: 'editor',
      signatory: false,
    });
    // The amendment is renamed, its purpose rewritten: the signed words struck out, long new ones underlined.
    await editAs(am, tokenOf(editor.body.link ?? ''), (doc) =>
      doc.transact(() => {
        getMeta(doc).set('title', 'Avenant 1 au protocole');
        const purpose = doc.getXmlFragment(fragmentName('purpose'));
        purpose.delete(0, purpose.length);
        purpose.push(Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(clause(i))));
      }),
    );
    const cmp = ComparisonSchema.parse((await am.call(`/original-compare?original=${r.a.id}`)).body);
    expect(cmp.changedSections).toContain('purpose');

    const pdf = await am.download(`/original-compare.pdf?original=${r.a.id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`redline-amendment-${am.id}-current.pdf`);
    // Page by page, as PDF.js reads it (pages are separated by a form feed).
    const pages = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).split('\f');
    expect(pages.length).toBeGreaterThan(1);
    const [first = '', ...rest] = pages;
    expect(first).toContain('Avenant 1 au protocole');
    expect(first).toContain('Ce que change cet avenant par rapport à l’entente telle qu’elle s’applique');
    // The original's side: its title, its signed (locked) version, date and hash; the amendment's: its current text.
    expect(first).toMatch(/De\s+Protocole complet\s+Signé électroniquement le \d+/);
    expect(first).toContain(cmp.from.hash);
    expect(first).toMatch(/À\s+Avenant 1 au protocole\s+Texte actuel/);
    expect(first).toContain('Les ajouts sont soulignés, les suppressions barrées.');
    expect(first).toMatch(/Collaborer/);
    const last = rest.at(-1) ?? '';
    expect(last).toContain(clause(PARAGRAPHS - 1));
    expect(last).toMatch(/Sections inchangées/);

    const docx = await am.download(`/original-compare.docx?original=${r.a.id}`);
    expect(docx.status).toBe(200);
    const xml = zipEntry(Buffer.from(await docx.arrayBuffer()), 'word/document.xml').toString();
    expect(xml).toMatch(/<w:strike\/>[^]*?<w:t[^>]*>Collaborer<\/w:t>/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[^]*?<w:t[^>]*>Article 59 : /);
    expect(xml).toContain(cmp.from.hash);
    expect(xml).toContain('Protocole complet');

    // Only what this agreement amends, and a well-formed query.
    expect((await am.download(`/original-compare.pdf?original=${am.id}`)).status).toBe(404);
    expect((await am.download('/original-compare.docx')).status).toBe(400);
    expect((await am.download(`/original-compare.pdf?original=${r.a.id}&to=nope`)).status).toBe(400);
  });
});

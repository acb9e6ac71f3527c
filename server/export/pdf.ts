import PDFDocument from 'pdfkit';
import { sha256 } from '../signing/hash';
import { agreementBlocks, certificateBlocks } from './blocks';
import { FONTS } from './fonts';
import { drawRich } from './pdfRich';
import { drawTable, tableStartHeight } from './pdfTable';
import { drawFooters } from './pdfFooter';
import { exportWords } from './labels';
import type { Block, ExportModel } from './model';

/** How each kind of text block is set: font, size, and space before and after (in lines). */
const STYLES = {
  heading: { font: FONTS.bold, size: 14, before: 0.8, after: 0.3 },
  subheading: { font: FONTS.bold, size: 11, before: 0.3, after: 0 },
  paragraph: { font: FONTS.regular, size: 10.5, before: 0, after: 0.2 },
  organisation: { font: FONTS.bold, size: 10.5, before: 0.4, after: 0 },
  signatureLine: { font: FONTS.regular, size: 10, before: 0, after: 0 },
} as const;
type Style = { font: string; size: number; before: number; after: number };

function lines(b: Block): [Style, string][] {
  if (b.kind === 'table') return [];
  if (b.kind === 'signature') return [[STYLES.organisation, b.organisation], ...b.lines.map((l): [Style, string] => [STYLES.signatureLine, l])];
  // "In force from…" stands apart from the signatures above it (Ressource 5 leaves room there).
  if (b.kind === 'paragraph' && b.spaceBefore) return [[{ ...STYLES.paragraph, before: 1.5 }, b.text]];
  return [[STYLES[b.kind], b.text]];
}

function draw(doc: PDFKit.PDFDocument, b: Block): void {
  if (b.kind === 'table') return drawTable(doc, b);
  if (b.kind === 'paragraph' && (b.runs || b.marker !== undefined)) return drawRich(doc, b);
  for (const [style, text] of lines(b)) {
    doc.font(style.font).fontSize(style.size).moveDown(style.before).text(text, { align: 'left' }).moveDown(style.after);
  }
}

/** The height `blocks` take when drawn (measured with the same fonts, sizes and spacing). */
function heightOf(doc: PDFKit.PDFDocument, blocks: readonly Block[]): number {
  let height = 0;
  for (const b of blocks) {
    if (b.kind === 'table') height += tableStartHeight(doc, b);
    for (const [style, text] of lines(b)) {
      doc.font(style.font).fontSize(style.size);
      height += doc.heightOfString(text) + (style.before + style.after) * doc.currentLineHeight(true);
    }
  }
  return height;
}

/** Lines of a paragraph kept with the heading above it. */
const KEEP_WITH_HEADING_LINES = 3;

/**
 * Room needed before drawing block i, so nothing is split badly: a
 * signatory's block whole; the whole signatures section when it fits on a
 * page; a heading with the first lines of what follows it.
 */
function roomNeeded(doc: PDFKit.PDFDocument, blocks: readonly Block[], i: number): number {
  const b = blocks[i];
  if (!b || b.kind === 'paragraph') return 0;
  if (b.kind === 'table') return tableStartHeight(doc, b);
  if (b.kind === 'signature') return heightOf(doc, [b]);
  const nextHeading = blocks.findIndex((o, j) => j > i && o.kind === 'heading');
  const section = blocks.slice(i, nextHeading === -1 ? undefined : nextHeading);
  if (b.kind === 'heading' && section.some((o) => o.kind === 'signature')) return heightOf(doc, section);
  const next = blocks[i + 1];
  if (!next) return heightOf(doc, [b]);
  const [style] = lines(next)[0] ?? [STYLES.paragraph];
  const nextLines = Math.min(heightOf(doc, [next]), KEEP_WITH_HEADING_LINES * doc.font(style.font).fontSize(style.size).currentLineHeight(true));
  return heightOf(doc, [b]) + nextLines;
}

function write(doc: PDFKit.PDFDocument, blocks: readonly Block[]): void {
  const usable = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  blocks.forEach((b, i) => {
    const needed = roomNeeded(doc, blocks, i);
    const left = doc.page.height - doc.page.margins.bottom - doc.y;
    if (needed > left && needed <= usable) doc.addPage();
    draw(doc, b);
  });
}

interface Extras {
  /** The certificate page, for the signed copy. */
  certificate?: { pagesHash: string; generatedAt: string };
  /** Printed in red under the title, for a copy that is not the signed one. */
  banner?: string;
}

function render(m: ExportModel, extras: Extras): Promise<Buffer> {
  // A fixed creation date makes the bytes depend on the content only.
  const created = new Date(m.inForceFrom ?? m.lockedAt);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 64,
    // Pages are kept until the end so each footer can say "page 2 of 7".
    bufferPages: true,
    info: { Title: m.content.title, Producer: 'Entente', Creator: 'Entente', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONTS.bold).fontSize(20).text(m.content.title);
  doc
    .font(FONTS.regular)
    .fontSize(11)
    .fillColor('#444')
    .text(m.template.name[m.content.language === 'en' ? 'en' : 'fr'])
    .fillColor('#000');
  if (extras.banner) doc.moveDown(0.5).font(FONTS.bold).fontSize(10.5).fillColor('#b42318').text(extras.banner).fillColor('#000');
  write(doc, agreementBlocks(m));
  if (extras.certificate) {
    doc.addPage();
    write(doc, certificateBlocks(m, extras.certificate.pagesHash, extras.certificate.generatedAt));
  }
  drawFooters(doc, m);
  doc.end();
  return done;
}

/**
 * The signed PDF: the agreement pages, then a certificate page carrying the
 * fingerprint of those pages (a file cannot hold its own hash; the final
 * file's hash is stored by the server and checked on the verify page).
 * `pagesHash` is printed on the certificate and must be stored too, so the
 * verify page recognises it: it is computed from a file nobody keeps.
 */
export async function signedPdf(m: ExportModel, generatedAt: string): Promise<{ pdf: Buffer; pagesHash: string }> {
  const pagesHash = await pagesFingerprint(m);
  return { pdf: await certifiedPdf(m, pagesHash, generatedAt), pagesHash };
}

/** SHA-256 of the agreement pages alone, as `signedPdf` prints it on the certificate. */
export async function pagesFingerprint(m: ExportModel): Promise<string> {
  return sha256(await render(m, {}));
}

/** The agreement pages followed by the certificate page, for a given pages fingerprint. */
export function certifiedPdf(m: ExportModel, pagesHash: string, generatedAt: string): Promise<Buffer> {
  return render(m, { certificate: { pagesHash, generatedAt } });
}

/** The draft as it stands (open suggestions as a redline in its runs), marked as neither locked nor signed. */
export function draftPdf(m: ExportModel): Promise<Buffer> {
  return render(m, { banner: exportWords(m.content.language).t('export.draftCopy') });
}

/** A copy of the locked version to read before signing: marked as not signed, with the version's fingerprint. */
export function reviewPdf(m: ExportModel): Promise<Buffer> {
  const { t, labelled } = exportWords(m.content.language);
  return render(m, { banner: `${t('export.reviewCopy')}\n${labelled(t('export.versionHash'), m.versionHash)}` });
}

import PDFDocument from 'pdfkit';
import { FONTS } from './fonts';
import { noneWord, type RedlineBlock, type RedlineRun } from './redline';

const INS = '#0f5323';
const DEL = '#a40e26';

/** One paragraph of runs: insertions underlined (green), deletions struck through (red), as one flowing text. */
function runs(doc: PDFKit.PDFDocument, list: readonly RedlineRun[]): void {
  doc.font(FONTS.regular).fontSize(10.5);
  list.forEach((r, i) => {
    const last = i === list.length - 1;
    doc.fillColor(r.op === 'ins' ? INS : r.op === 'del' ? DEL : '#000').text(r.text, { continued: !last, underline: r.op === 'ins', strike: r.op === 'del' });
  });
  doc.fillColor('#000').moveDown(0.3);
}

function draw(doc: PDFKit.PDFDocument, b: RedlineBlock, none: string): void {
  switch (b.kind) {
    case 'title':
      doc.font(FONTS.bold).fontSize(18).text(b.text).moveDown(0.2);
      return;
    case 'side':
      doc.font(FONTS.bold).fontSize(10).moveDown(0.3).text(b.label);
      for (const line of b.lines) doc.font(FONTS.regular).fontSize(9.5).text(line);
      return;
    case 'note':
      doc.font(FONTS.regular).fontSize(9.5).fillColor('#444').moveDown(0.3).text(b.text).fillColor('#000');
      return;
    case 'heading':
      if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
      doc.font(FONTS.bold).fontSize(13).moveDown(0.8).text(b.text).moveDown(0.2);
      return;
    case 'subheading':
      doc.font(FONTS.bold).fontSize(10.5).moveDown(0.3).text(b.text);
      return;
    case 'runs':
      return runs(doc, b.runs);
    case 'field':
      doc.font(FONTS.bold).fontSize(10).text(`${b.label} `, { continued: true });
      runs(doc, [
        b.before === null ? { op: 'same', text: none } : { op: 'del', text: b.before },
        { op: 'same', text: ' → ' },
        b.after === null ? { op: 'same', text: none } : { op: 'ins', text: b.after },
      ]);
      return;
  }
}

/** The redline as a PDF (pdfkit, DejaVu Sans embedded, as the agreement's own copies). */
export function redlinePdf(blocks: readonly RedlineBlock[], language: string, createdAt: string): Promise<Buffer> {
  const created = new Date(createdAt);
  const title = blocks[0]?.kind === 'title' ? blocks[0].text : 'Redline';
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 64,
    info: { Title: title, Producer: 'Entente', Creator: 'Entente', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const none = noneWord(language);
  for (const b of blocks) draw(doc, b, none);
  doc.end();
  return done;
}

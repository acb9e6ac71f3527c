import { FONTS } from './fonts';
import type { Block, Run } from './model';

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

/** As the plain paragraph style in pdf.ts: 10.5 pt, a fifth of a line after. */
const SIZE = 10.5;
const AFTER = 0.2;
/** Indent per list level, and the room the bullet or number takes. */
const STEP = 16;

/** A suggestion's colours, as the redline of a comparison (redlinePdf.ts). */
const INS = '#0f5323';
const DEL = '#a40e26';

const fontOf = (r: Run): string => (r.bold ? (r.italic ? FONTS.boldItalic : FONTS.bold) : r.italic ? FONTS.italic : FONTS.regular);

/**
 * A paragraph with bold or italic runs, or a list item: the runs set one after
 * the other on the same lines (pdfkit's `continued`), a list item's marker
 * hanging to the left of its indented text.
 */
export function drawRich(doc: PDFKit.PDFDocument, b: Paragraph): void {
  const left = doc.page.margins.left;
  const indent = b.marker !== undefined ? ((b.level ?? 0) + 1) * STEP : 0;
  const width = doc.page.width - doc.page.margins.right - left - indent;
  const runs = b.runs ?? [{ text: b.text }];
  const top = doc.y;
  doc.fontSize(SIZE);
  if (b.marker) doc.font(FONTS.regular).text(b.marker, left + indent - STEP, top, { width: STEP, lineBreak: false });
  runs.forEach((r, i) => {
    const options = { width, continued: i < runs.length - 1, underline: r.inserted === true, strike: r.deleted === true };
    doc.font(fontOf(r)).fillColor(r.deleted ? DEL : r.inserted ? INS : '#000');
    if (i === 0) doc.text(r.text, left + indent, top, options);
    else doc.text(r.text, options);
  });
  doc.fillColor('#000');
  doc.x = left;
  doc.moveDown(AFTER);
}

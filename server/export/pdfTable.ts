import { FONTS } from './fonts';
import type { Block } from './model';

type Table = Extract<Block, { kind: 'table' }>;

const SIZE = 9;
const PAD = 3;

/**
 * Column widths: each column gets room in proportion to its longest text,
 * capped so a long task name cannot squeeze the letter columns to nothing.
 */
function widths(doc: PDFKit.PDFDocument, table: Table, total: number): number[] {
  const columns = table.header.length;
  doc.font(FONTS.bold).fontSize(SIZE);
  const wants = table.header.map((h, c) => {
    const texts = [h, ...table.rows.map((r) => r.cells[c] ?? '')];
    return Math.min(Math.max(...texts.map((x) => doc.widthOfString(x))) + 2 * PAD, total / 2);
  });
  const sum = wants.reduce((a, b) => a + b, 0);
  return sum <= total ? wants.map((w) => w + (total - sum) / columns) : wants.map((w) => (w * total) / sum);
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], ws: number[], bold: boolean): number {
  doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(SIZE);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (ws[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: PDFKit.PDFDocument, cells: string[], ws: number[], bold: boolean, shade: boolean): void {
  const h = rowHeight(doc, cells, ws, bold);
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((c, i) => {
    const w = ws[i] ?? 0;
    if (shade) doc.rect(x, top, w, h).fillColor('#eeeeee').fill().fillColor('#000');
    doc.rect(x, top, w, h).lineWidth(0.5).strokeColor('#888').stroke();
    doc
      .font(bold ? FONTS.bold : FONTS.regular)
      .fontSize(SIZE)
      .text(c, x + PAD, top + PAD, { width: w - 2 * PAD });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + h;
}

/** The height of the header and the first row: what must fit before a table starts on a page. */
export function tableStartHeight(doc: PDFKit.PDFDocument, table: Table): number {
  const ws = widths(doc, table, doc.page.width - doc.page.margins.left - doc.page.margins.right);
  const first = table.rows[0];
  return rowHeight(doc, table.header, ws, true) + (first ? rowHeight(doc, first.cells, ws, first.bold ?? false) : 0);
}

/** Draws the table; a row that does not fit goes to the next page, under the header repeated. */
export function drawTable(doc: PDFKit.PDFDocument, table: Table): void {
  const ws = widths(doc, table, doc.page.width - doc.page.margins.left - doc.page.margins.right);
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  doc.moveDown(0.3);
  drawRow(doc, table.header, ws, true, true);
  for (const row of table.rows) {
    if (doc.y + rowHeight(doc, row.cells, ws, row.bold ?? false) > bottom()) {
      doc.addPage();
      drawRow(doc, table.header, ws, true, true);
    }
    drawRow(doc, row.cells, ws, row.bold ?? false, false);
  }
  doc.moveDown(0.3);
}

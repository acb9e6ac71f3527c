import { FONTS } from './fonts';
import { exportWords } from './labels';
import type { ExportModel } from './model';

/**
 * The footer of every page, as the guides' agreements carry one: the
 * agreement's title and its version fingerprint, and "page 2 of 7". Drawn
 * once the pages are known (the document buffers its pages), in the bottom
 * margin, so it never pushes content onto another page.
 */
export function drawFooters(doc: PDFKit.PDFDocument, m: ExportModel): void {
  const { t, labelled } = exportWords(m.content.language);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - bottom + 18;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONTS.regular).fontSize(7.5).fillColor('#555');
    doc.text(m.content.title, left, y, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(t('export.pageOf', { page: i - range.start + 1, pages: range.count }), left, y, { width, align: 'right', lineBreak: false });
    doc.text(labelled(t('export.versionHash'), m.versionHash), left, y + 10, { width, lineBreak: false });
    doc.fillColor('#000');
    doc.page.margins.bottom = bottom;
  }
}

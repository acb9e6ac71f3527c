import PDFDocument from 'pdfkit';
import { sha256 } from '../signing/hash';
import { agreementBlocks, certificateBlocks } from './blocks';
import type { Block, ExportModel } from './model';

function write(doc: PDFKit.PDFDocument, blocks: Block[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).text(b.text).moveDown(0.3);
        break;
      case 'subheading':
        doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text(b.text);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(10.5).text(b.text, { align: 'left' }).moveDown(0.2);
        break;
      case 'signature':
        doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10.5).text(b.organisation);
        for (const line of b.lines) doc.font('Helvetica').fontSize(10).text(line);
        break;
    }
  }
}

function render(m: ExportModel, certificate: { pagesHash: string; generatedAt: string } | null): Promise<Buffer> {
  // A fixed creation date makes the bytes depend on the content only.
  const created = new Date(m.inForceFrom ?? m.lockedAt);
  const doc = new PDFDocument({ size: 'LETTER', margin: 64, info: { Title: m.content.title, Producer: 'Entente', Creator: 'Entente', CreationDate: created, ModDate: created } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(m.content.title);
  doc.font('Helvetica').fontSize(11).fillColor('#444').text(m.template.name[m.content.language === 'en' ? 'en' : 'fr']).fillColor('#000');
  write(doc, agreementBlocks(m));
  if (certificate) {
    doc.addPage();
    write(doc, certificateBlocks(m, certificate.pagesHash, certificate.generatedAt));
  }
  doc.end();
  return done;
}

/**
 * The signed PDF: the agreement pages, then a certificate page carrying the
 * fingerprint of those pages (a file cannot hold its own hash; the final
 * file's hash is stored by the server and checked on the verify page).
 */
export async function signedPdf(m: ExportModel, generatedAt: string): Promise<{ pdf: Buffer; pagesHash: string }> {
  const pagesHash = sha256(await render(m, null));
  return { pdf: await render(m, { pagesHash, generatedAt }), pagesHash };
}

import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { agreementBlocks } from './blocks';
import type { ExportModel } from './model';

/** A DOCX of the agreement for convenience; the PDF is the signed copy. */
export async function agreementDocx(m: ExportModel): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.content.title)] }),
    new Paragraph({ children: [new TextRun({ text: m.template.name[m.content.language === 'en' ? 'en' : 'fr'], italics: true })] }),
  ];
  for (const b of agreementBlocks(m)) {
    switch (b.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] }));
        break;
      case 'subheading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(b.text)] }));
        break;
      case 'signature':
        children.push(new Paragraph({ children: [new TextRun({ text: b.organisation, bold: true })] }));
        for (const line of b.lines) children.push(new Paragraph({ children: [new TextRun(line)] }));
        break;
    }
  }
  children.push(new Paragraph({ children: [new TextRun({ text: `SHA-256: ${m.versionHash}`, size: 16 })] }));
  return Packer.toBuffer(new Document({ creator: 'Entente', title: m.content.title, sections: [{ children }] }));
}

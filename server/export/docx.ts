import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { exportWords } from './labels';
import { agreementBlocks } from './blocks';
import type { Block, ExportModel } from './model';

/** A table block as a Word table: the header row bold and repeated on each page, total rows bold. */
function docxTable(b: Extract<Block, { kind: 'table' }>): Table {
  const row = (cells: string[], bold: boolean, header = false): TableRow =>
    new TableRow({
      tableHeader: header,
      children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(b.header, true, true), ...b.rows.map((r) => row(r.cells, r.bold ?? false))],
  });
}

/** A paragraph with its bold and italic runs; a list item indented, its bullet or number hanging before it. */
function paragraphOf(b: Extract<Block, { kind: 'paragraph' }>): Paragraph {
  // A suggestion's insertions underlined and deletions struck through, as the comparison's redline (redlineDocx.ts).
  const runs = (b.runs ?? [{ text: b.text }]).map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold,
        italics: r.italic,
        ...(r.inserted ? { underline: { type: 'single' as const }, color: '0F5323' } : {}),
        ...(r.deleted ? { strike: true, color: 'A40E26' } : {}),
      }),
  );
  const inList = b.marker !== undefined;
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: b.spaceBefore ? { before: 360 } : undefined,
    indent: inList ? { left: 360 * ((b.level ?? 0) + 1), hanging: b.marker ? 360 : 0 } : undefined,
    children: b.marker ? [new TextRun({ children: [b.marker, new Tab()] }), ...runs] : runs,
  });
}

/** Every page's footer: the title and version fingerprint, and "page 2 of 7" with Word's own page fields. */
function footer(m: ExportModel): Footer {
  const { t, labelled } = exportWords(m.content.language);
  // The message's words around its two numbers, so the fields sit where the language puts them.
  const [before = '', rest = ''] = t('export.pageOf', { page: '{page}', pages: '{pages}' }).split('{page}');
  const [middle = '', after = ''] = rest.split('{pages}');
  return new Footer({
    children: [
      new Paragraph({ children: [new TextRun({ text: m.content.title, size: 15 })] }),
      new Paragraph({
        children: [
          new TextRun({ text: `${labelled(t('export.versionHash'), m.versionHash)}    `, size: 15 }),
          new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after], size: 15 }),
        ],
      }),
    ],
  });
}

/** A DOCX of the agreement for convenience; the PDF is the signed copy. `banner`, in red under the title: a copy that is not the signed one (the draft). */
export async function agreementDocx(m: ExportModel, banner?: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.content.title)] }),
    new Paragraph({ children: [new TextRun({ text: m.template.name[m.content.language === 'en' ? 'en' : 'fr'], italics: true })] }),
  ];
  if (banner) children.push(new Paragraph({ children: [new TextRun({ text: banner, bold: true, color: 'B42318' })] }));
  for (const b of agreementBlocks(m)) {
    switch (b.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] }));
        break;
      case 'subheading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
        break;
      case 'paragraph':
        children.push(paragraphOf(b));
        break;
      case 'signature':
        children.push(new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [new TextRun({ text: b.organisation, bold: true })] }));
        for (const line of b.lines) children.push(new Paragraph({ children: [new TextRun(line)] }));
        break;
      case 'table':
        children.push(docxTable(b));
        break;
    }
  }
  children.push(new Paragraph({ children: [new TextRun({ text: `SHA-256: ${m.versionHash}`, size: 16 })] }));
  return Packer.toBuffer(new Document({ creator: 'Entente', title: m.content.title, sections: [{ children, footers: { default: footer(m) } }] }));
}

import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { noneWord, type RedlineBlock, type RedlineRun } from './redline';

/** Insertions underlined (green), deletions struck through (red), as Word shows tracked changes. */
const run = (r: RedlineRun): TextRun =>
  r.op === 'ins'
    ? new TextRun({ text: r.text, underline: { type: 'single' }, color: '0F5323' })
    : r.op === 'del'
      ? new TextRun({ text: r.text, strike: true, color: 'A40E26' })
      : new TextRun(r.text);

function paragraphs(b: RedlineBlock, none: string): Paragraph[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] })];
    case 'side':
      return [
        new Paragraph({ children: [new TextRun({ text: b.label, bold: true })] }),
        ...b.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 19 })] })),
      ];
    case 'note':
      return [new Paragraph({ children: [new TextRun({ text: b.text, italics: true, color: '444444' })] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })];
    case 'runs':
      return [new Paragraph({ children: b.runs.map(run) })];
    case 'field':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: `${b.label} `, bold: true }),
            b.before === null ? new TextRun(none) : run({ op: 'del', text: b.before }),
            new TextRun(' → '),
            b.after === null ? new TextRun(none) : run({ op: 'ins', text: b.after }),
          ],
        }),
      ];
  }
}

/** The redline as a DOCX, to send to a legal office for the detailed review. */
export function redlineDocx(blocks: readonly RedlineBlock[], language: string): Promise<Buffer> {
  const none = noneWord(language);
  const title = blocks[0]?.kind === 'title' ? blocks[0].text : 'Redline';
  return Packer.toBuffer(new Document({ creator: 'Entente', title, sections: [{ children: blocks.flatMap((b) => paragraphs(b, none)) }] }));
}

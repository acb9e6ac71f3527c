import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/**
 * A PDF's text as a reader sees it, read with Mozilla's PDF.js (no poppler needed): one line
 * per printed line, top to bottom, words in reading order, pages separated by a form feed
 * ('\f', as pdftotext does). Parsing the file this way also proves it opens in a PDF reader.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy so the caller's stays usable.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(linesOf(content.items.filter((item): item is TextItem => 'str' in item)).join('\n'));
    }
    return pages.join('\f');
  } finally {
    await doc.destroy();
  }
}

interface Run {
  x: number;
  y: number;
  end: number;
  height: number;
  str: string;
}

/** Groups text runs into lines by their baseline and orders each line left to right. */
function linesOf(items: TextItem[]): string[] {
  const runs: Run[] = items
    .filter((item) => item.str.length > 0)
    .map((item) => {
      const [, , , , x = 0, y = 0] = item.transform as number[];
      return { x, y, end: x + item.width, height: item.height, str: item.str };
    });
  const lines: Run[][] = [];
  // Top of the page first; runs whose baselines are within a third of a line share a line.
  for (const run of runs.sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs((l[0]?.y ?? Infinity) - run.y) <= Math.max(run.height, 1) / 3);
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => {
    let text = '';
    let end = -Infinity;
    for (const run of line.sort((a, b) => a.x - b.x)) {
      // A visible gap between two runs is a space that the PDF draws as distance, not as a character.
      const gap = run.x - end > run.height * 0.15;
      if (text && gap && !text.endsWith(' ') && !run.str.startsWith(' ')) text += ' ';
      text += run.str;
      end = run.end;
    }
    return text.trimEnd();
  });
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Fonts embedded in the PDF. The 14 standard PDF fonts only encode
 * Windows-1252: a Polish or Vietnamese name, or a name in Inuktitut or Cree
 * syllabics, would print as wrong letters in a signed agreement. DejaVu Sans
 * covers Latin, Greek, Cyrillic and Canadian Aboriginal Syllabics; pdfkit
 * embeds only the glyphs used.
 */
const ttfDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: join(ttfDir, 'DejaVuSans.ttf'),
  bold: join(ttfDir, 'DejaVuSans-Bold.ttf'),
  italic: join(ttfDir, 'DejaVuSans-Oblique.ttf'),
  boldItalic: join(ttfDir, 'DejaVuSans-BoldOblique.ttf'),
} as const;

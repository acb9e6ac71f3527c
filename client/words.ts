import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Lang } from '../shared/template';
import { pickArea, type WordArea } from './wordAreas';

/** Part of one language's catalogue: ICU strings here, FormatJS message ASTs in a build. */
export type Words = Readonly<Record<string, string>> | Readonly<Record<string, MessageFormatElement[]>>;

/**
 * One area of one language's words (client/wordAreas.ts). This is what the
 * dev server and the tests run: the whole catalogue, cut here. A production
 * build replaces this module (vite.config.ts) with one chunk per language and
 * area, each already parsed, so a page downloads only its part.
 */
export async function loadWords(lang: Lang, area: WordArea): Promise<Words> {
  const catalogue: Readonly<Record<string, string>> = lang === 'fr' ? (await import('../shared/i18n/fr')).fr : (await import('../shared/i18n/en')).en;
  return pickArea(catalogue, area);
}

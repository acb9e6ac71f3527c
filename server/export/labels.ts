import { langOf } from '../../shared/i18n';
import { intlFor } from '../intl';
import { formatDay, formatDayTime } from '../../shared/i18n/dates';
import { translator, type Translate } from '../../shared/i18n/translate';
import type { Lang } from '../../shared/template';

/**
 * The words printed in the PDF and DOCX exports, in the agreement's language:
 * the `export.*` messages of the shared catalogue, through FormatJS. Times
 * are in UTC (the server does not know the reader's zone) and say so; they
 * are written by the same formatter as the app's ("20 h 48", "8:48 p.m.").
 */
export interface ExportWords {
  lang: Lang;
  t: Translate;
  /** "Adresse : …", "Address: …": a label and its value, with the language's colon. */
  labelled: (label: string, value: string | number) => string;
  /** "1er décembre 2025 à 20 h 48 UTC". */
  dateTime: (iso: string) => string;
  /** "1er décembre 2025" (in UTC). */
  day: (iso: string) => string;
}

const WORDS = new Map<Lang, ExportWords>();

/** The export words of an agreement's language; any language other than English prints in French. */
export function exportWords(language: string): ExportWords {
  const lang = langOf(language);
  const known = WORDS.get(lang);
  if (known) return known;
  const intl = intlFor(lang);
  const t = translator(intl);
  const words: ExportWords = {
    lang,
    t,
    labelled: (label, value) => t('common.labelValue', { label, value: String(value) }),
    dateTime: (iso) => t('export.utc', { dateTime: formatDayTime(intl, iso) }),
    day: (iso) => formatDay(intl, iso),
  };
  WORDS.set(lang, words);
  return words;
}

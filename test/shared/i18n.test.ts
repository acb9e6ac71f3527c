import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { isPluralElement, isSelectElement, isTagElement, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { exportWords } from '../../server/export/labels';
import { CloseCode } from '../../shared/closeCodes';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import { LOCALES, MESSAGES, en, fr, isMessageKey, type MessageKey } from '../../shared/i18n';
import { formatDay, formatDayTime, formatTime } from '../../shared/i18n/dates';
import { translator } from '../../shared/i18n/translate';
import type { Lang } from '../../shared/template';
import { TEMPLATES } from '../../shared/templates';

const LANGS = ['en', 'fr'] as const;
const KEYS = Object.keys(en) as MessageKey[];

const intlOf = (lang: Lang, timeZone = 'UTC') =>
  createIntl({
    locale: LOCALES[lang],
    messages: MESSAGES[lang],
    timeZone,
    onError: (e) => {
      throw e;
    },
  });
const t = (lang: Lang) => translator(intlOf(lang));

/** Each argument of a message with its kind ('plural', 'select', 'argument'…), nested branches included. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (isTagElement(el)) {
      argumentsOf(el.children, into);
      continue;
    }
    into.set(el.value, TYPE[el.type]);
    if (isPluralElement(el) || isSelectElement(el)) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** The message with placeholder values: numbers for plurals, a word otherwise. */
function sample(lang: Lang, key: MessageKey): string {
  const values = Object.fromEntries(
    [...argumentsOf(parse(MESSAGES[lang][key]))].map(([name, kind]) => [name, kind === 'plural' || kind === 'number' ? 2 : 'Nom']),
  );
  return intlOf(lang).formatMessage({ id: key }, values);
}

describe('the catalogue', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('parses every message as ICU, in both languages', () => {
    for (const lang of LANGS) for (const key of KEYS) expect(() => parse(MESSAGES[lang][key]), `${lang} ${key}`).not.toThrow();
  });

  it('uses the same argument names per key in both languages', () => {
    for (const key of KEYS) {
      const names = (lang: Lang): string[] => [...argumentsOf(parse(MESSAGES[lang][key])).keys()].sort();
      expect(names('fr'), key).toEqual(names('en'));
    }
  });

  it('writes every apostrophe as ’ (a straight one is an ICU escape, and French writes ’)', () => {
    for (const lang of LANGS) for (const key of KEYS) expect(MESSAGES[lang][key], `${lang} ${key}`).not.toContain("'");
  });

  it('puts a non-breaking space (U+00A0) before : ; ? ! and inside « » in French, and nothing else there', () => {
    for (const key of KEYS) {
      const text = sample('fr', key).replace(/https:\/\//g, '');
      expect(text, key).not.toMatch(/[^\u00a0][:;?!]/);
      expect(text, key).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
    }
  });

  it('writes the templates’ French the same way (titles, guidance and placeholders are shown and printed too)', () => {
    for (const template of TEMPLATES) {
      const texts = [template.name.fr, template.description.fr, ...template.sections.flatMap((s) => [s.title.fr, s.guidance.fr, s.placeholder?.fr ?? ''])];
      for (const text of texts) {
        expect(text).not.toContain("'");
        expect(text).not.toMatch(/[^\u00a0][:;?!]/);
      }
    }
  });

  it('sets inserted party and section names apart in French: no article or preposition glued to them', () => {
    for (const key of KEYS) expect(fr[key], key).not.toMatch(/\b(de|du|des|à|au|aux|le|la|les)\s+\{(party|section|sections)\}/);
    expect(t('fr')('editor.partyMission', { party: 'Centre francophone de Toronto' })).toBe('Mission — Centre francophone de Toronto');
    expect(t('fr')('editor.partyMission', { party: 'Le Phare' })).toBe('Mission — Le Phare');
  });

  it('has words for every error code the server sends and every close code that stops the client', () => {
    // A code added to shared/errors.ts without words fails the type check here.
    const everyCodeHasWords: `error.${ErrorCode}` extends MessageKey ? true : false = true;
    expect(everyCodeHasWords).toBe(true);
    for (const code of ERROR_CODES) expect(isMessageKey(`error.${code}`), code).toBe(true);
    for (const code of Object.values(CloseCode)) if (code >= 4000) expect(isMessageKey(`close.${code}`), String(code)).toBe(true);
  });

  it('has no key that nobody uses: each one is written in client/, server/ or shared/ (a key built at run time by its prefix)', () => {
    const ROOT = join(import.meta.dirname, '../..');
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !/shared\/i18n\/(en|fr)\.ts$/.test(path)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of ['client', 'server', 'shared']) walk(join(ROOT, dir));
    const code = sources.join('\n');
    // `role.${role}`, `error.${err.code}`: the keys one level under that prefix count as used.
    const prefixes = [...code.matchAll(/`([a-z][\w.]*\.)\$\{/g)].map((m) => m[1] ?? '');
    const unused = KEYS.filter(
      (key) => !code.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.')),
    );
    expect(unused).toEqual([]);
  });

  it('names each role in a sentence with the same word as the role itself', () => {
    for (const role of ['owner', 'editor', 'commenter', 'viewer'] as const) {
      expect(fr[`role.inSentence.${role}`]).toBe(`le rôle «\u00a0${fr[`role.${role}`]}\u00a0»`);
      expect(en[`role.inSentence.${role}`]).toMatch(new RegExp(`^(a|an|the) ${en[`role.${role}`].toLowerCase()}$`));
    }
  });
});

describe('plurals come from ICU, not "(s)"', () => {
  it('no message writes a plural by hand', () => {
    for (const lang of LANGS) for (const key of KEYS) expect(MESSAGES[lang][key], `${lang} ${key}`).not.toMatch(/\(s\)|\(e\)|·e/);
  });

  it('"1 an", "2 ans" in the duration summary and the exports', () => {
    const values = { months: 3, days: 30 };
    expect(t('fr')('editor.durationSummary', { years: 1, ...values })).toContain('pendant 1 an\u00a0;');
    expect(t('fr')('editor.durationSummary', { years: 2, ...values })).toContain('pendant 2 ans\u00a0;');
    expect(t('fr')('editor.durationSummary', { years: 2, ...values })).toContain('avis écrit de 30 jours.');
    expect(t('en')('editor.durationSummary', { years: 1, months: 1, days: 30 })).toBe(
      'In force for 1 year; the parties meet 1 month before expiry to decide on renewal; either party may terminate with 30 days’ written notice.',
    );
    expect(t('fr')('export.term', { years: 2 })).toBe('Le présent protocole est en vigueur pendant 2 ans à compter de la date de la dernière signature.');
    expect(t('en')('export.term', { years: 1 })).toBe('This memorandum is in force for 1 year from the date of the last signature.');
  });

  it('"0 signature sur 2", "2 signatures sur 2"', () => {
    expect(t('fr')('signing.signaturesCount', { signed: 0, total: 2 })).toBe('0 signature sur 2');
    expect(t('fr')('signing.signaturesCount', { signed: 1, total: 2 })).toBe('1 signature sur 2');
    expect(t('fr')('signing.signaturesCount', { signed: 2, total: 2 })).toBe('2 signatures sur 2');
    expect(t('en')('signing.signaturesCount', { signed: 0, total: 2 })).toBe('0 of 2 signed');
  });
});

describe('dates and times', () => {
  const first = new Date('2026-12-01T20:48:05Z');
  const second = new Date('2026-12-02T09:05:00Z');

  it('"le 1er décembre": French writes the first of the month as an ordinal', () => {
    expect(formatDay(intlOf('fr'), first)).toBe('1er décembre 2026');
    expect(formatDay(intlOf('fr'), second)).toBe('2 décembre 2026');
    expect(formatDay(intlOf('fr'), first, { month: 'short', year: false })).toBe('1er déc.');
    expect(formatDay(intlOf('fr'), first, { weekday: true })).toBe('mardi 1er décembre 2026');
    expect(t('fr')('list.updated', { date: formatDay(intlOf('fr'), first) })).toBe('Modifiée le 1er décembre 2026');
    // Numeric dates and English keep the plain number.
    expect(formatDay(intlOf('fr'), first, { month: '2-digit' })).toBe('2026-12-01');
    expect(formatDay(intlOf('en'), first)).toBe('December 1, 2026');
  });

  it('writes a time one way: "20 h 48" in fr-CA, "8:48 p.m." in en-CA, never "08:48"', () => {
    expect(formatTime(intlOf('fr'), first)).toBe('20 h 48');
    expect(formatTime(intlOf('en'), first)).toBe('8:48 p.m.');
    expect(formatTime(intlOf('en'), second)).toBe('9:05 a.m.');
    expect(formatDayTime(intlOf('fr'), first)).toBe('1er décembre 2026 à 20 h 48');
    expect(formatDayTime(intlOf('en'), first)).toBe('December 1, 2026 at 8:48 p.m.');
  });

  it('follows the time zone of the intl object (the reader’s in the app, UTC in the exports)', () => {
    expect(formatTime(intlOf('fr', 'America/Toronto'), first)).toBe('15 h 48');
    expect(formatDayTime(intlOf('en', 'America/Toronto'), first)).toBe('December 1, 2026 at 3:48 p.m.');
  });

  it('the exports write dates and times as the app does, in UTC and saying so', () => {
    expect(exportWords('fr').dateTime(first.toISOString())).toBe(`1er décembre 2026 à ${formatTime(intlOf('fr'), first)} UTC`);
    expect(exportWords('fr').dateTime(first.toISOString())).toBe('1er décembre 2026 à 20 h 48 UTC');
    expect(exportWords('en').dateTime(first.toISOString())).toBe('December 1, 2026 at 8:48 p.m. UTC');
    expect(exportWords('fr').t('export.inForce', { date: exportWords('fr').dateTime(first.toISOString()) })).toBe(
      'En vigueur depuis le 1er décembre 2026 à 20 h 48 UTC',
    );
    expect(exportWords('fr').labelled('Adresse', '1 rue Principale')).toBe('Adresse\u00a0: 1 rue Principale');
    expect(exportWords('de').lang).toBe('fr');
  });

  it('says nothing for a date it cannot read', () => {
    expect(formatDay(intlOf('fr'), 'not a date')).toBe('');
    expect(formatDayTime(intlOf('en'), '')).toBe('');
  });
});

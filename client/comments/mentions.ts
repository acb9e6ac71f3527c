import type { ParticipantView } from '../../shared/api';

/** Case and accents do not matter when looking for a name ("hélène" finds "Hélène"). */
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The `@word` being typed just before the caret, if any. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

/** At most `limit` people whose name, or one of its words, starts with the query. */
export function suggest(people: readonly ParticipantView[], query: string, limit = 6): ParticipantView[] {
  const q = fold(query);
  return people
    .filter(
      (p) =>
        fold(p.name).startsWith(q) ||
        fold(p.name)
          .split(/\s+/)
          .some((part) => part.startsWith(q)),
    )
    .slice(0, limit);
}

/** The people picked while writing who are still named in the text: removing "@Name" removes the mention. */
export function mentionsIn(text: string, picked: ReadonlyMap<string, string>): string[] {
  return [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}

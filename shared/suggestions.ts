import * as Y from 'yjs';
import { fragmentName, hasSharedText, isPerParty, partyIdsOf } from './schema';
import { activeSections, readIncluded } from './included';
import type { AgreementTemplate } from './template';

/** The marks suggesting mode writes (@handlewithcare/prosemirror-suggest-changes), as y-prosemirror stores them: a formatting attribute each. */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionMark = (typeof SUGGESTION_MARKS)[number];

/** The invisible character the library writes where a suggestion starts or ends a paragraph; shown as ¶. */
export const ZWSP = '\u200B';

/** One open suggestion found in the document, before its author is looked up. */
export interface FoundSuggestion {
  /** The mark's id (random, written by the suggesting client). */
  id: string;
  sectionKey: string;
  /** The party whose part of a per-party section holds it; null in a shared section. */
  partyId: string | null;
  /** Text it would add and text it would remove (¶ where a paragraph is split or joined). */
  inserted: string;
  deleted: string;
  /**
   * The Yjs item that opened the mark: its client id is bound on the server to
   * the participant who sent it, so the author comes from there, never from
   * an attribute a client wrote into the mark.
   */
  clientId: number;
  clock: number;
  /**
   * Every client id that opened a mark with this id, the first one's first.
   * Ids are visible to everyone, so anyone may write a mark reusing one: when
   * these are bound to more than one participant, the suggestion has no single author.
   */
  writers: number[];
}

const isSuggestionMark = (key: string): key is SuggestionMark => (SUGGESTION_MARKS as readonly string[]).includes(key);

/** The id a mark value carries, or null when the value is not one the library writes (anything else in it is ignored). */
function markId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as Record<string, unknown>)['id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

type Open = { id: string; item: Y.Item };

/** Walks one fragment, adding what its text holds under each suggestion id (in document order). */
export function collectSuggestions(fragment: Y.XmlFragment, where: { sectionKey: string; partyId: string | null }, out: Map<string, FoundSuggestion>): void {
  const visit = (type: Y.XmlFragment | Y.XmlElement): void => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentType) {
        const child = content.type;
        if (child instanceof Y.XmlText) text(child);
        else if (child instanceof Y.XmlElement) visit(child);
      }
    }
  };
  const text = (t: Y.XmlText): void => {
    const open = new Map<SuggestionMark, Open>();
    for (let item = t._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        if (!isSuggestionMark(content.key)) continue;
        const id = markId(content.value);
        if (id === null) open.delete(content.key);
        else open.set(content.key, { id, item });
        continue;
      }
      if (!(content instanceof Y.ContentString) || open.size === 0) continue;
      const words = content.str.replaceAll(ZWSP, '¶');
      for (const [mark, o] of open) {
        let found = out.get(o.id);
        if (!found) {
          found = { id: o.id, ...where, inserted: '', deleted: '', clientId: o.item.id.client, clock: o.item.id.clock, writers: [o.item.id.client] };
          out.set(o.id, found);
        } else if (!found.writers.includes(o.item.id.client)) found.writers.push(o.item.id.client);
        if (mark === 'insertion') found.inserted += words;
        else if (mark === 'deletion') found.deleted += words;
      }
    }
  };
  visit(fragment);
}

/** Every rich-text fragment of the agreement's included sections, with where it sits. */
export function richFragments(doc: Y.Doc, template: AgreementTemplate): { sectionKey: string; partyId: string | null; name: string }[] {
  const parties = partyIdsOf(doc);
  const out: { sectionKey: string; partyId: string | null; name: string }[] = [];
  const included = readIncluded(doc, template);
  for (const s of activeSections(template, included ? { included } : {})) {
    if (hasSharedText(s.kind)) out.push({ sectionKey: s.key, partyId: null, name: fragmentName(s.key) });
    if (isPerParty(s.kind)) for (const p of parties) out.push({ sectionKey: s.key, partyId: p, name: fragmentName(s.key, p) });
  }
  return out;
}

/** The open suggestions of a document, in document order. */
export function findSuggestions(doc: Y.Doc, template: AgreementTemplate): FoundSuggestion[] {
  const out = new Map<string, FoundSuggestion>();
  for (const f of richFragments(doc, template)) collectSuggestions(doc.getXmlFragment(f.name), f, out);
  return [...out.values()];
}

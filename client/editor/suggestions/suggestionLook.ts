import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { collectSuggestions, type FoundSuggestion } from '../../../shared/suggestions';
import type { AuthorIndex, WrittenBy } from '../authors/authorIndex';

/** Who suggested something, for its colour and words: from the server's record, or this browser's own client id. */
export type SuggestedBy = { participantId: string; name: string; partyId: string; at: string | null } | null;

export interface SuggestionLook {
  index: AuthorIndex;
  /** This browser's Yjs client id and person: its fresh suggestions are not in the server's record yet. */
  self: { clientId: number; participantId: string; name: string; partyId: string };
  partyClass(partyId: string): string;
  describe(by: SuggestedBy): string;
}

/**
 * The author of a found suggestion: the participant the server bound the
 * client id of its opening mark to. Ids are visible to everyone, so marks
 * of one id written by two participants leave it with no author (as the
 * server says, GET …/suggestions), rather than lending it one.
 */
export function suggestedBy(found: Pick<FoundSuggestion, 'clientId' | 'clock' | 'writers'>, look: SuggestionLook): SuggestedBy {
  const owner = (client: number): string =>
    look.index.lookup(client, Number.MAX_SAFE_INTEGER)?.participant.id ?? (client === look.self.clientId ? look.self.participantId : `client:${client}`);
  if (new Set(found.writers.map(owner)).size > 1) return null;
  const w: WrittenBy | null = look.index.lookup(found.clientId, found.clock);
  if (w) return { participantId: w.participant.id, name: w.participant.name, partyId: w.participant.partyId, at: w.at };
  if (found.clientId === look.self.clientId) return { participantId: look.self.participantId, name: look.self.name, partyId: look.self.partyId, at: null };
  return null;
}

/**
 * One inline decoration per marked text node: its author's party colour and
 * a title saying who suggested it and when. The marks themselves draw the
 * underline and the strike-through.
 */
export function suggestionDecorations(fragment: Y.XmlFragment, doc: PmNode, look: SuggestionLook): DecorationSet {
  const found = new Map<string, FoundSuggestion>();
  collectSuggestions(fragment, { sectionKey: '', partyId: null }, found);
  if (found.size === 0) return DecorationSet.empty;
  const attrsOf = new Map<string, Record<string, string>>();
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    const id: unknown = mark?.attrs['id'];
    if (typeof id !== 'string' && typeof id !== 'number') return false;
    const key = String(id);
    let attrs = attrsOf.get(key);
    if (!attrs) {
      const f = found.get(key);
      const by = f ? suggestedBy(f, look) : null;
      // Its own colour variable: with "Show authors" on, the same text also carries an author-party class.
      attrs = { class: `suggestion-by ${look.partyClass(by?.partyId ?? '').replace('author-party-', 'suggestion-party-')}`, title: look.describe(by) };
      attrsOf.set(key, attrs);
    }
    decorations.push(Decoration.inline(pos, pos + node.nodeSize, attrs));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

import type { Node as PmNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { AuthorIndex, WrittenBy } from './authorIndex';
import { itemRuns } from './authorRuns';

/** How a written-by range is drawn: its party's colour class and the words for hover and the caret note. */
export interface AuthorStyle {
  partyClass(partyId: string): string;
  describe(writtenBy: WrittenBy): string;
}

/** What each decoration carries, for the caret note (AuthorNote). */
export interface AuthorSpec {
  writtenBy: WrittenBy;
  label: string;
}

/**
 * One inline decoration per stretch written by one participant in one span
 * of time (a client's run, cut where the record starts a new span), in the
 * colour of the party they wrote for, titled with who and when. Text by
 * nobody (the template, the server) is left as it is.
 */
export function authorDecorations(fragment: Y.XmlFragment, doc: PmNode, index: AuthorIndex, style: AuthorStyle): DecorationSet {
  return DecorationSet.create(doc, authorDecorationList(fragment, doc, index, style));
}

/** The decorations of the top-level blocks overlapping `range` (all of them without one). */
export function authorDecorationList(
  fragment: Y.XmlFragment,
  doc: PmNode,
  index: AuthorIndex,
  style: AuthorStyle,
  range?: { from: number; to: number },
): Decoration[] {
  const decorations: Decoration[] = [];
  const size = doc.content.size;
  // One label and one attribute object per run of (client, span): formatting a date per stretch would
  // dominate, and shared attributes let ProseMirror see unchanged decorations as equal at once.
  const shared = new Map<string, { attrs: Record<string, string>; spec: AuthorSpec }>();
  for (const run of itemRuns(fragment, doc, range)) {
    let from = run.from;
    let clock = run.clock;
    while (from < run.to) {
      const cut = Math.min(run.to, from + (index.nextBreak(run.clientId, clock) - clock));
      const writtenBy = index.lookup(run.clientId, clock);
      if (writtenBy && cut <= size) {
        let look = shared.get(writtenBy.run);
        if (!look) {
          const label = style.describe(writtenBy);
          look = {
            attrs: { class: `author-mark ${style.partyClass(writtenBy.participant.partyId)}`, title: label, 'data-author': writtenBy.participant.id },
            spec: { writtenBy, label },
          };
          shared.set(writtenBy.run, look);
        }
        decorations.push(Decoration.inline(from, cut, look.attrs, look.spec));
      }
      clock += cut - from;
      from = cut;
    }
  }
  return decorations;
}

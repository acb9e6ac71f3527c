import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { bindingOf } from '../../comments/yBinding';
import { authorDecorationList } from './authorDecorations';
import type { AuthorsView } from './authorsView';
import { blocksOf, changedRange, union, type Range } from './changedRange';

import { authorHighlightsKey, type HighlightState } from './authorHighlightsKey';

const REDRAW_ALL = 'all';
const REDRAW_DIRTY = 'dirty';
const EMPTY: HighlightState = { set: DecorationSet.empty, dirty: null };

/**
 * "Show authors": colours each character by the party of the participant
 * the server bound its Yjs item's client id to (client/data/authors.ts).
 *
 * Only the blocks a change touched are redrawn, so a keystroke costs the
 * same in a one-page section as in a fifty-page one:
 * - a remote change reaches ProseMirror as a replacement of the whole
 *   document (y-prosemirror#113), so its mapping is not used: the changed
 *   stretch is found by comparing the documents (changedRange.ts), and it is
 *   redrawn from Yjs in that very transaction, when the two agree;
 * - a local edit reaches Yjs only after its transaction (in the sync
 *   plugin's view update): the decorations are mapped through it, and the
 *   blocks it touched are redrawn from Yjs at the next animation frame.
 * Turning the view on, or a change of the record or the words, redraws all.
 * Given to an open editor once the page is usable (client/editor/useAddOns.ts).
 */
export function authorHighlights(authors: AuthorsView): Plugin<HighlightState> {
  let current: EditorView | null = null;
  const draw = (doc: PmNode, set: DecorationSet, range: Range | null): DecorationSet => {
    const binding = current ? bindingOf(current.state) : null;
    if (!binding) return DecorationSet.empty;
    const { index, style } = authors.getState();
    if (range === null) return DecorationSet.create(doc, authorDecorationList(binding.fragment, doc, index, style));
    const blocks = blocksOf(doc, range);
    return set.remove(set.find(blocks.from, blocks.to)).add(doc, authorDecorationList(binding.fragment, doc, index, style, blocks));
  };
  return new Plugin<HighlightState>({
    key: authorHighlightsKey,
    state: {
      init: () => EMPTY,
      apply(tr, value, _oldState, newState): HighlightState {
        if (!authors.getState().enabled) return EMPTY;
        const meta: unknown = tr.getMeta(authorHighlightsKey);
        if (meta === REDRAW_ALL) return { set: draw(newState.doc, value.set, null), dirty: null };
        if (!tr.docChanged) return meta === REDRAW_DIRTY && value.dirty ? { set: draw(newState.doc, value.set, value.dirty), dirty: null } : value;
        const change = changedRange(tr.before, tr.doc);
        if (!change) return value;
        if (tr.getMeta(ySyncPluginKey) !== undefined) {
          const dirty = value.dirty ? { from: change.map.map(value.dirty.from, -1), to: change.map.map(value.dirty.to, 1) } : null;
          return { set: draw(newState.doc, value.set.map(change.map, tr.doc), union(dirty, change.range)), dirty: null };
        }
        const dirty = value.dirty ? { from: tr.mapping.map(value.dirty.from, -1), to: tr.mapping.map(value.dirty.to, 1) } : null;
        return { set: value.set.map(tr.mapping, tr.doc), dirty: union(dirty, change.range) };
      },
    },
    props: { decorations: (state) => authorHighlightsKey.getState(state)?.set },
    view(view) {
      current = view;
      let frame = 0;
      let pending: string = REDRAW_DIRTY;
      const run = (): void => {
        frame = 0;
        if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(authorHighlightsKey, pending).setMeta('addToHistory', false));
        pending = REDRAW_DIRTY;
      };
      const schedule = (what: string): void => {
        if (what === REDRAW_ALL) pending = REDRAW_ALL;
        if (frame === 0) frame = requestAnimationFrame(run);
      };
      const unsubscribe = authors.subscribe(() => schedule(REDRAW_ALL));
      // The binding renders the document on its first update: draw once it has.
      schedule(REDRAW_ALL);
      return {
        update() {
          // A local edit is in Yjs now: redraw the blocks it touched.
          if (authorHighlightsKey.getState(view.state)?.dirty) schedule(REDRAW_DIRTY);
        },
        destroy() {
          if (frame !== 0) cancelAnimationFrame(frame);
          unsubscribe();
          if (current === view) current = null;
        },
      };
    },
  });
}

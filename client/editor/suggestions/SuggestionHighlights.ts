import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import { bindingOf } from '../../comments/yBinding';
import { blocksOf, changedRange, type Range } from '../authors/changedRange';
import type { ExternalStore } from '../externalStore';
import { suggestionDecorations, type SuggestionLook } from './suggestionLook';

interface HighlightState {
  set: DecorationSet;
  /** A change touched a suggestion (or made one): redraw from Yjs at the next frame. */
  stale: boolean;
}

const key = new PluginKey<HighlightState>('suggestionHighlights');
const REDRAW = 'redraw';
const EMPTY: HighlightState = { set: DecorationSet.empty, stale: false };

/** Whether any text of the blocks `range` touches carries a suggestion mark. */
function marksIn(doc: PmNode, range: Range): boolean {
  const { from, to } = blocksOf(doc, range);
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found) return false;
    if (node.isInline) found = node.marks.some((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    return !node.isInline;
  });
  return found;
}

/**
 * Colours each suggestion by its author's party and titles it with who and
 * when. The author is read from Yjs (the client id of the item that opened
 * the mark), which a local edit reaches only after its transaction: so a
 * change that touches a suggestion redraws from Yjs at the next animation
 * frame. Others' typing far from any suggestion costs one comparison of the
 * documents (a remote change comes as a whole-document replacement,
 * y-prosemirror#113, so its mapping is not used) and no walk of the text.
 * Given to an open editor once the page is usable (client/editor/useAddOns.ts).
 */
export function suggestionHighlights(store: ExternalStore<SuggestionLook | null>): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key,
    state: {
      init: () => ({ set: DecorationSet.empty, stale: true }),
      apply(tr, value, _old, state): HighlightState {
        if (tr.getMeta(key) === REDRAW) {
          const binding = bindingOf(state);
          const look = store.get();
          return { set: binding && look ? suggestionDecorations(binding.fragment, state.doc, look) : DecorationSet.empty, stale: false };
        }
        if (!tr.docChanged) return value;
        const change = changedRange(tr.before, tr.doc);
        if (!change) return value;
        const touched = value.set.find(change.range.from, change.range.to).length > 0 || marksIn(tr.doc, change.range);
        if (!touched && value.set === DecorationSet.empty) return value.stale ? value : EMPTY;
        return { set: value.set.map(change.map, tr.doc), stale: value.stale || touched };
      },
    },
    props: { decorations: (state) => key.getState(state)?.set },
    view(view) {
      let frame = 0;
      const schedule = (): void => {
        if (frame === 0)
          frame = requestAnimationFrame(() => {
            frame = 0;
            if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, REDRAW).setMeta('addToHistory', false));
          });
      };
      const unsubscribe = store.subscribe(schedule);
      schedule();
      return {
        update() {
          if (key.getState(view.state)?.stale) schedule();
        },
        destroy() {
          if (frame !== 0) cancelAnimationFrame(frame);
          unsubscribe();
        },
      };
    },
  });
}

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import { bindingOf } from '../../comments/yBinding';
import type { ExternalStore } from '../externalStore';
import { suggestionDecorations, type SuggestionLook } from './suggestionLook';

const key = new PluginKey<DecorationSet>('suggestionHighlights');
const REDRAW = 'redraw';

/**
 * Colours each suggestion by its author's party and titles it with who and
 * when. The author is read from Yjs (the client id of the item that opened
 * the mark), which a local edit reaches only after its transaction: so
 * decorations are mapped through each change and redrawn from Yjs at the
 * next animation frame.
 */
export const SuggestionHighlights = Extension.create<{ look: ExternalStore<SuggestionLook | null> | null }>({
  name: 'suggestionHighlights',

  addOptions() {
    return { look: null };
  },

  addProseMirrorPlugins() {
    const store = this.options.look;
    if (!store) return [];
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set, _old, state) {
            if (tr.getMeta(key) === REDRAW) {
              const binding = bindingOf(state);
              const look = store.get();
              return binding && look ? suggestionDecorations(binding.fragment, state.doc, look) : DecorationSet.empty;
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: { decorations: (state) => key.getState(state) },
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
            update(_view, previous) {
              if (previous.doc !== view.state.doc) schedule();
            },
            destroy() {
              if (frame !== 0) cancelAnimationFrame(frame);
              unsubscribe();
            },
          };
        },
      }),
    ];
  },
});

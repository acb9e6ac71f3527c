import { keymap } from '@tiptap/pm/keymap';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { resolveAnchor } from './anchors';
import type { CommentsController } from './controller';
import { bindingOf } from './yBinding';

const key = new PluginKey<DecorationSet>('commentHighlights');
const REFRESH = 'refresh';

/** Highlights for the threads anchored in this editor's fragment, computed from the Yjs positions. */
function compute(state: EditorState, view: EditorView | null, fragment: string, controller: CommentsController): DecorationSet {
  const binding = view ? bindingOf(view.state) : null;
  if (!binding) return DecorationSet.empty;
  const { threads, focused, draft } = controller.getState();
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  const add = (anchor: { start: string; end: string }, attrs: Record<string, string>): void => {
    const range = resolveAnchor(controller.doc, binding.fragment, binding.mapping, anchor);
    if (range && range.to <= size) decorations.push(Decoration.inline(range.from, range.to, attrs, { inclusiveStart: false, inclusiveEnd: false }));
  };
  for (const thread of threads) {
    if (thread.anchor?.fragment !== fragment) continue;
    const isFocused = focused?.id === thread.id;
    if (thread.resolvedAt !== null && !isFocused) continue;
    const classes = ['comment-highlight'];
    if (thread.visibility === 'party') classes.push('is-internal');
    if (isFocused) classes.push('is-focused');
    if (thread.unread > 0) classes.push('is-unread');
    add(thread.anchor, { class: classes.join(' '), 'data-thread-id': thread.id });
  }
  if (draft?.anchor?.fragment === fragment) add(draft.anchor, { class: 'comment-highlight is-draft' });
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Comment highlights in a collaborative editor: recomputed from the threads'
 * relative positions when threads change or a remote change arrives (the
 * binding's mapping is then current), mapped through local edits otherwise.
 * Clicking a highlight opens its thread; Mod-Alt-M comments on the selection.
 * `fragment` is the one the editor is bound to (`fragmentName`). Given to
 * an open editor once the page is usable (client/editor/useAddOns.ts).
 */
export function commentHighlights(fragment: string, controller: CommentsController): Plugin[] {
  let current: EditorView | null = null;
  return [
    keymap({
      'Mod-Alt-m': () => {
        if (!controller.me.canComment || controller.getState().locked) return false;
        return controller.draftFromSelection();
      },
    }),
    new Plugin<DecorationSet>({
      key,
      state: {
        init: () => DecorationSet.empty,
        apply(tr: Transaction, old: DecorationSet, _oldState: EditorState, newState: EditorState): DecorationSet {
          if (tr.getMeta(key) === REFRESH || tr.getMeta(ySyncPluginKey) !== undefined) return compute(newState, current, fragment, controller);
          return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
        },
      },
      props: {
        decorations: (state) => key.getState(state),
        handleClick(_view, _pos, event) {
          // Overlapping highlights nest: the innermost (most specific) one wins.
          const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
          const id = target?.getAttribute('data-thread-id');
          if (id) controller.focus(id);
          return false;
        },
      },
      view(view) {
        current = view;
        let last = controller.getState();
        const refresh = (): void => {
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, REFRESH).setMeta('addToHistory', false));
        };
        const unsubscribe = controller.subscribe(() => {
          const next = controller.getState();
          const changed = next.threads !== last.threads || next.focused !== last.focused || next.draft !== last.draft;
          last = next;
          if (changed) refresh();
        });
        // Drawn at once: the binding has rendered the document by the time this is added, or draws on its first update.
        const timer = setTimeout(refresh, 0);
        return {
          destroy() {
            clearTimeout(timer);
            unsubscribe();
            if (current === view) current = null;
          },
        };
      },
    }),
  ];
}

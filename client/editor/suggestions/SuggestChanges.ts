import { Extension } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { ExternalStore } from '../externalStore';
import { DeletionMark, InsertionMark, ModificationMark } from './suggestionMarks';
import type { SuggestModeStore } from './suggestMode';

export interface SuggestChangesOptions {
  mode: SuggestModeStore | null;
  /** Told when a change was refused because it cannot be a suggestion (a block's type or attributes). */
  onRefused: () => void;
}

/** A document change of the person's (never one Yjs brought) as a suggestion; the same transaction when the library made it; null when it cannot be a suggestion. */
export type SuggestRewrite = (tr: Transaction, state: EditorState) => Transaction | null;

/**
 * The rewrite, once its chunk is loaded (suggestRewrite.ts, with the
 * library: not in the page's first load). Until then an editor in
 * Suggesting mode stays read-only (client/editor/RichText.tsx).
 */
export const suggestRewrite = new ExternalStore<SuggestRewrite | null>(null);

/** A transaction Yjs brought (someone else's change, or the first render of the document). */
function isFromYjs(tr: Transaction): boolean {
  const sync: unknown = tr.getMeta(ySyncPluginKey);
  return typeof sync === 'object' && sync !== null && 'isChangeOrigin' in sync && sync.isChangeOrigin === true;
}

/**
 * Suggesting mode, from @handlewithcare/prosemirror-suggest-changes: in
 * Suggesting mode a person's transactions are rewritten into insertion and
 * deletion marks (formatting changes become a deletion and an insertion of
 * the same words) before they reach the document. Remote updates are never
 * rewritten: y-prosemirror dispatches them as a replacement of the whole
 * document (y-prosemirror#113), and a rewrite would mark the other person's
 * text as ours. The marks are in every editor's schema from the start; the
 * rewrite and the library's plugin come with the editor's add-ons
 * (client/editor/addOns.ts).
 */
export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: 'suggestChanges',

  addOptions() {
    return { mode: null, onRefused: () => undefined };
  },

  addExtensions() {
    return [InsertionMark, DeletionMark, ModificationMark];
  },

  dispatchTransaction({ transaction, next }) {
    const mode = this.options.mode;
    if (!mode || mode.get() !== 'suggesting' || !transaction.docChanged || isFromYjs(transaction)) return next(transaction);
    const rewrite = suggestRewrite.get();
    // Not loaded yet: the editor is read-only meanwhile, so this is no keystroke; a direct edit must not slip through.
    if (!rewrite) return;
    const tracked = rewrite(transaction, this.editor.state);
    if (!tracked) return this.options.onRefused();
    next(tracked);
  },
});

import { Extension } from '@tiptap/core';
import { suggestChanges, suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { inlineBlockMarks } from './inlineBlockMarks';
import { randomId } from './randomId';
import { DeletionMark, InsertionMark, ModificationMark } from './suggestionMarks';
import type { SuggestModeStore } from './suggestMode';

export interface SuggestChangesOptions {
  mode: SuggestModeStore | null;
  /** Told when a change was refused because it cannot be a suggestion (a block's type or attributes). */
  onRefused: () => void;
}

/** A transaction the person made (not one Yjs brought, not an apply or revert of the library's own). */
function isOwnEdit(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  const sync: unknown = tr.getMeta(ySyncPluginKey);
  if (typeof sync === 'object' && sync !== null && 'isChangeOrigin' in sync && sync.isChangeOrigin === true) return false;
  const own: unknown = tr.getMeta(suggestChangesKey);
  return !(typeof own === 'object' && own !== null && 'skip' in own);
}

/**
 * Suggesting mode, from @handlewithcare/prosemirror-suggest-changes: in
 * Suggesting mode a person's transactions are rewritten into insertion and
 * deletion marks (formatting changes become a deletion and an insertion of
 * the same words) before they reach the document. Remote updates are never
 * rewritten: y-prosemirror dispatches them as a replacement of the whole
 * document (y-prosemirror#113), and a rewrite would mark the other person's
 * text as ours.
 */
export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: 'suggestChanges',

  addOptions() {
    return { mode: null, onRefused: () => undefined };
  },

  addExtensions() {
    return [InsertionMark, DeletionMark, ModificationMark];
  },

  addProseMirrorPlugins() {
    // Its state says "enabled" to the library's commands; the decision is ours (dispatchTransaction below).
    return [suggestChanges()];
  },

  dispatchTransaction({ transaction, next }) {
    const mode = this.options.mode;
    if (!mode || mode.get() !== 'suggesting' || !isOwnEdit(transaction)) return next(transaction);
    const tracked = transformToSuggestionTransaction(transaction, this.editor.state, randomId);
    if (!inlineBlockMarks(tracked)) return this.options.onRefused();
    next(tracked);
  },
});

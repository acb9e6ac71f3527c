import { suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Transaction } from '@tiptap/pm/state';
import { inlineBlockMarks } from './inlineBlockMarks';
import { randomId } from './randomId';
import { suggestRewrite, type SuggestRewrite } from './SuggestChanges';

/** An apply or revert of the library's own (its commands mark them "skip"): not to be rewritten. */
function isLibraryOwn(tr: Transaction): boolean {
  const own: unknown = tr.getMeta(suggestChangesKey);
  return typeof own === 'object' && own !== null && 'skip' in own;
}

/**
 * The library's rewrite of a person's edit into suggestion marks, with block
 * marks moved onto text (inlineBlockMarks). The gate (SuggestChanges.ts)
 * calls it only for document changes that Yjs did not bring.
 */
export const rewriteAsSuggestion: SuggestRewrite = (tr, state) => {
  if (isLibraryOwn(tr)) return tr;
  const tracked = transformToSuggestionTransaction(tr, state, randomId);
  return inlineBlockMarks(tracked) ? tracked : null;
};

// Loading this module turns the rewrite on, whoever loads it first: the editors' add-ons or the review commands.
suggestRewrite.set(rewriteAsSuggestion);

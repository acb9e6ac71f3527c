import { suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Transaction } from '@tiptap/pm/state';
import { inlineBlockMarks } from './inlineBlockMarks';
import { randomId } from './randomId';
import { isFromYjs, suggestRewrite, type SuggestRewrite } from './SuggestChanges';

/** A transaction the person made (not one Yjs brought, not an apply or revert of the library's own). */
function isOwnEdit(tr: Transaction): boolean {
  if (!tr.docChanged || isFromYjs(tr)) return false;
  const own: unknown = tr.getMeta(suggestChangesKey);
  return !(typeof own === 'object' && own !== null && 'skip' in own);
}

/** The library's rewrite of a person's edit into suggestion marks, with block marks moved onto text (inlineBlockMarks). */
export const rewriteAsSuggestion: SuggestRewrite = (tr, state) => {
  if (!isOwnEdit(tr)) return tr;
  const tracked = transformToSuggestionTransaction(tr, state, randomId);
  return inlineBlockMarks(tracked) ? tracked : null;
};

// Loading this module turns the rewrite on, whoever loads it first: the editors' add-ons or the review commands.
suggestRewrite.set(rewriteAsSuggestion);

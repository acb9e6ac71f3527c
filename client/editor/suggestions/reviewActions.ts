import { applySuggestion, revertSuggestion, selectSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import type { EditorView } from '@tiptap/pm/view';
import { fragmentName } from '../../../shared/schema';
import type { SuggestionItem } from './SuggestionsProvider';
// The review commands' transactions go through Suggesting mode's gate, which lets edits through only once the rewrite is loaded.
import './suggestRewrite';

/** Finds the editor showing a fragment (the comments controller's registry of section editors). */
export type ViewFor = (fragment: string) => EditorView | undefined;

export const fragmentOf = (s: Pick<SuggestionItem, 'sectionKey' | 'partyId'>): string => fragmentName(s.sectionKey, s.partyId ?? undefined);

/**
 * Accepts or rejects suggestions with the library's own commands, in the
 * editor of each one's section: the change is an ordinary edit of that
 * section (it goes to the server like typing, and clears the section's
 * approvals there). Returns how many were done; a suggestion whose section
 * is not on the page is left.
 */
export function review(items: readonly SuggestionItem[], accept: boolean, viewFor: ViewFor): number {
  let done = 0;
  for (const item of items) {
    const view = viewFor(fragmentOf(item));
    if (!view) continue;
    // The library's commands mark their transactions "skip", so Suggesting mode does not rewrite them.
    const command = accept ? applySuggestion(item.id) : revertSuggestion(item.id);
    if (command(view.state, view.dispatch)) done += 1;
  }
  return done;
}

/** Selects a suggestion in its editor and brings it into view. */
export function showSuggestion(item: SuggestionItem, viewFor: ViewFor): void {
  const view = viewFor(fragmentOf(item));
  if (view) {
    selectSuggestion(item.id)(view.state, view.dispatch);
    if (view.editable) view.focus();
  }
  document.querySelector(`[data-suggestion="${CSS.escape(item.id)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

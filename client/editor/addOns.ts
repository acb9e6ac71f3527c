import { suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import type { Plugin } from '@tiptap/pm/state';
import { commentHighlights } from '../comments/highlights';
import { authorHighlights } from './authors/AuthorHighlights';
import { suggestionHighlights } from './suggestions/SuggestionHighlights';
import { tablePlugins } from './tables/tableEditing';
// Turns Suggesting mode's rewrite on (SuggestChanges.ts waits for it).
import './suggestions/suggestRewrite';
import type { AddOnOptions } from './useAddOns';

/**
 * What a section editor does beyond showing and editing its text, in their
 * own chunk (client/editor/useAddOns.ts): table editing (cell selection,
 * Tab between cells), comment highlights and Mod-Alt-M, "Show authors", the
 * colours and titles of suggestions, and the suggestions library's plugin
 * (its zero-width-space arrow keys and block markers).
 */
export function addOnPlugins({ fragment, comments, authors, look }: AddOnOptions): Plugin[] {
  return [
    ...tablePlugins(),
    ...(comments ? commentHighlights(fragment, comments) : []),
    ...(authors ? [authorHighlights(authors)] : []),
    suggestChanges(),
    ...(look ? [suggestionHighlights(look)] : []),
  ];
}

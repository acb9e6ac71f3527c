import { Mark } from '@tiptap/core';
import type { SuggestionMark } from '../../../shared/suggestions';

/**
 * The suggest-changes library's three marks as Tiptap marks: same names,
 * same exclusions, an `id` attribute (a random string, see randomId). They
 * render as <ins>/<del>/<span> carrying `data-suggestion`, which the review
 * cards and the readiness checklist scroll to.
 */
function suggestionMark(name: SuggestionMark, tag: string, excludes: string) {
  return Mark.create({
    name,
    inclusive: false,
    excludes,
    addAttributes() {
      const attrs: Record<string, { default: unknown; rendered: false }> = { id: { default: null, rendered: false } };
      // A formatting change remembers what it changed, so that rejecting it can put it back.
      if (name === 'modification') for (const a of ['type', 'attrName', 'previousValue', 'newValue']) attrs[a] = { default: null, rendered: false };
      return attrs;
    },
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion]`, getAttrs: (el) => ({ id: el.getAttribute('data-suggestion') }) }];
    },
    renderHTML({ mark }) {
      const id: unknown = mark.attrs['id'];
      return [tag, { 'data-suggestion': typeof id === 'string' || typeof id === 'number' ? String(id) : '', class: `suggestion suggestion-${name}` }, 0];
    },
  });
}

export const InsertionMark = suggestionMark('insertion', 'ins', 'deletion modification insertion');
export const DeletionMark = suggestionMark('deletion', 'del', 'insertion modification deletion');
export const ModificationMark = suggestionMark('modification', 'span', 'deletion insertion');

import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { inlineBlockMarks } from '../../../client/editor/suggestions/inlineBlockMarks';
import { randomId } from '../../../client/editor/suggestions/randomId';
import { SuggestableNodes } from '../../../client/editor/suggestions/suggestableNodes';
import { TextExtensions } from '../../../client/editor/textExtensions';
import { DeletionMark, InsertionMark, ModificationMark } from '../../../client/editor/suggestions/suggestionMarks';

const schema = getSchema([...TextExtensions, ...SuggestableNodes, InsertionMark, DeletionMark, ModificationMark]);
const p = (text: string) => schema.nodes['paragraph']!.create(null, text ? schema.text(text) : null);
const stateOf = (...paragraphs: PmNode[]) => EditorState.create({ schema, doc: schema.nodes['doc']!.create(null, paragraphs), plugins: [suggestChanges()] });

/** Marks on blocks (what y-prosemirror would drop) and the marked text, after the rewrite. */
function look(doc: PmNode) {
  const blockMarks: string[] = [];
  const marked: Record<string, string> = {};
  doc.descendants((node) => {
    if (!node.isInline) {
      blockMarks.push(...node.marks.map((m) => m.type.name));
      return true;
    }
    for (const m of node.marks)
      if (m.type.name === 'insertion' || m.type.name === 'deletion') marked[m.type.name] = (marked[m.type.name] ?? '') + (node.text ?? '');
    return false;
  });
  return { blockMarks, marked };
}

describe('suggestions on whole blocks', () => {
  it('a paragraph deleted entire is struck through as text, not marked as a block y-prosemirror would lose', () => {
    const state = stateOf(p('Keep this.'), p('Drop this.'));
    const first = state.doc.child(0).nodeSize;
    const tr = state.tr.delete(first, first + state.doc.child(1).nodeSize);
    const tracked = transformToSuggestionTransaction(tr, state, randomId);
    expect(look(tracked.doc).blockMarks).toContain('deletion');
    expect(inlineBlockMarks(tracked)).toBe(true);
    expect(look(tracked.doc)).toEqual({ blockMarks: [], marked: { deletion: 'Drop this.' } });
    expect(tracked.doc.textContent).toBe('Keep this.Drop this.');
  });

  it('a paragraph inserted entire is marked as inserted text; an empty one gets an invisible anchor', () => {
    const state = stateOf(p('First.'));
    const end = state.doc.content.size;
    const tr = state.tr.insert(end, [p('Added.'), p('')]);
    const tracked = transformToSuggestionTransaction(tr, state, randomId);
    expect(inlineBlockMarks(tracked)).toBe(true);
    const after = look(tracked.doc);
    expect(after.blockMarks).toEqual([]);
    expect(after.marked['insertion']).toBe('Added.\u200B');
  });

  it('refuses a change of a block’s kind, which has no text form', () => {
    const state = stateOf(p('Title'));
    const tr = state.tr.setNodeMarkup(0, schema.nodes['heading'], { level: 2 });
    const tracked = transformToSuggestionTransaction(tr, state, randomId);
    expect(inlineBlockMarks(tracked)).toBe(false);
  });

  it('gives each suggestion a random id, so two people suggesting at once never share one', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});

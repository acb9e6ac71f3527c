import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { Table } from '@tiptap/extension-table';
import { EditorState } from '@tiptap/pm/state';
import { CellSelection } from '@tiptap/pm/tables';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { SuggestableNodes } from '../../client/editor/suggestions/suggestableNodes';
import { DeletionMark, InsertionMark, ModificationMark } from '../../client/editor/suggestions/suggestionMarks';
import { tablePlugins } from '../../client/editor/tables/tableEditing';
import { TextExtensions } from '../../client/editor/textExtensions';

const MARKS = [InsertionMark, DeletionMark, ModificationMark];
const schema = getSchema([...TextExtensions, ...SuggestableNodes, ...MARKS]);
/** The same schema with Tiptap's own Table, which the editor no longer loads up front. */
const tiptap = getSchema([
  ...TextExtensions,
  ...SuggestableNodes.map((n) => (n.name === 'table' ? Table.extend({ marks: 'insertion deletion modification' }) : n)),
  ...MARKS,
]);

const cell = (text: string, attrs: Record<string, unknown> = {}) =>
  schema.nodes['tableCell']!.create(attrs, schema.nodes['paragraph']!.create(null, text ? schema.text(text) : null));
const table = (rows: string[][]) =>
  schema.nodes['table']!.create(
    null,
    rows.map((r) =>
      schema.nodes['tableRow']!.create(
        null,
        r.map((t) => cell(t)),
      ),
    ),
  );

describe('the table node, without prosemirror-tables up front', () => {
  it("has Tiptap Table's schema: content, group, roles of every table node, marks", () => {
    for (const name of ['table', 'tableRow', 'tableCell', 'tableHeader']) {
      const ours = schema.nodes[name]!.spec;
      const theirs = tiptap.nodes[name]!.spec;
      for (const field of ['content', 'group', 'isolating', 'tableRole', 'marks'] as const) expect(ours[field], `${name}.${field}`).toEqual(theirs[field]);
    }
  });

  it("draws a table as Tiptap's Table does, column widths included", () => {
    const withWidths = schema.nodes['table']!.create(null, [
      schema.nodes['tableRow']!.create(null, [cell('a', { colwidth: [120] }), cell('b', { colwidth: [80] })]),
    ]);
    const dom = (s: typeof schema, node: typeof withWidths) => JSON.stringify(s.nodes['table']!.spec.toDOM?.(s.nodeFromJSON(node.toJSON())));
    expect(dom(schema, withWidths)).toEqual(dom(tiptap, withWidths));
    expect(dom(schema, table([['x', 'y']]))).toEqual(dom(tiptap, table([['x', 'y']])));
  });

  it('keeps the tables of a shared document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section:purpose');
    const content = schema.nodes['doc']!.create(null, [
      table([
        ['Partner', 'Task'],
        ['A', 'Writes'],
      ]),
    ]);
    prosemirrorToYXmlFragment(content, fragment);
    expect(yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON()).toEqual(content.toJSON());
  });

  it('gets cell selection and its keys once loaded: deleting every selected cell removes the table', () => {
    const content = schema.nodes['doc']!.create(null, [table([['a', 'b']]), schema.nodes['paragraph']!.create(null, schema.text('after'))]);
    let state = EditorState.create({ schema, doc: content, plugins: tablePlugins() });
    // The first and the last cell of the one row: every cell.
    const first = 1 + 1;
    const last = first + content.firstChild!.firstChild!.firstChild!.nodeSize;
    state = state.apply(state.tr.setSelection(CellSelection.create(state.doc, first, last)));
    const keymap = state.plugins[0]!;
    // No DOM here: the fields of a keydown the keymap reads.
    const event = { type: 'keydown', key: 'Backspace', keyCode: 8, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false } as KeyboardEvent;
    let next = state;
    const handled = keymap.props.handleKeyDown?.call(keymap, { state, dispatch: (tr: typeof state.tr) => (next = state.apply(tr)) } as never, event);
    expect(handled).toBe(true);
    expect(next.doc.textContent).toBe('after');
  });
});

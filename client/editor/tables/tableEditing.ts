import { keymap } from '@tiptap/pm/keymap';
import type { Command, Plugin } from '@tiptap/pm/state';
import { addRowAfter, CellSelection, deleteTable, goToNextCell, tableEditing } from '@tiptap/pm/tables';

/**
 * What Tiptap's Table extension does in a table besides holding it, loaded
 * with an open editor's add-ons (client/editor/addOns.ts): prosemirror-tables' editing
 * (selecting cells, deleting and pasting them, repairing a table that
 * concurrent edits left uneven) and its keys. As Tiptap's defaults: Tab to
 * the next cell (a new row after the last), Shift-Tab to the previous one,
 * Backspace or Delete with every cell selected removes the table.
 */

/** Backspace/Delete on a selection of every cell of a table: the table goes (as in Tiptap's Table). */
const deleteWhenAllCellsSelected: Command = (state, dispatch) => {
  const selection = state.selection;
  if (!(selection instanceof CellSelection)) return false;
  const $cell = selection.$anchorCell;
  const table = $cell.node(-1);
  let cells = 0;
  table.descendants((node) => {
    if (node.type.name === 'table') return false;
    if (node.type.name === 'tableCell' || node.type.name === 'tableHeader') cells += 1;
    return true;
  });
  if (cells !== selection.ranges.length) return false;
  return deleteTable(state, dispatch);
};

/** Tab: the next cell, or, in the last one, a new row and its first cell. */
const nextCellOrNewRow: Command = (state, dispatch, view) => {
  if (goToNextCell(1)(state, dispatch)) return true;
  if (!addRowAfter(state)) return false;
  if (!dispatch || !view) return true;
  addRowAfter(state, dispatch);
  return goToNextCell(1)(view.state, view.dispatch);
};

export function tablePlugins(): Plugin[] {
  return [
    keymap({
      Tab: nextCellOrNewRow,
      'Shift-Tab': goToNextCell(-1),
      Backspace: deleteWhenAllCellsSelected,
      'Mod-Backspace': deleteWhenAllCellsSelected,
      Delete: deleteWhenAllCellsSelected,
      'Mod-Delete': deleteWhenAllCellsSelected,
    }),
    tableEditing({ allowTableNodeSelection: false }),
  ];
}

import { callOrReturn, getExtensionField, mergeAttributes, Node } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';

/** Tiptap Table's default narrowest column, in pixels. */
const CELL_MIN_WIDTH = 25;

/** A column's width as Tiptap's Table writes it: its own width (at least the minimum), else the minimum as min-width. */
function colStyle(width: number | undefined): [string, string] {
  return width ? ['width', `${Math.max(width, CELL_MIN_WIDTH)}px`] : ['min-width', `${CELL_MIN_WIDTH}px`];
}

/** The widths of the first row's columns (a cell spanning n columns gives n), from the cells' `colwidth`. */
function columnWidths(table: PmNode): (number | undefined)[] {
  const widths: (number | undefined)[] = [];
  const row = table.firstChild;
  if (!row) return widths;
  row.forEach((cell) => {
    const colspan = typeof cell.attrs['colspan'] === 'number' ? cell.attrs['colspan'] : 1;
    const colwidth: unknown = cell.attrs['colwidth'];
    for (let j = 0; j < colspan; j++) {
      const width: unknown = Array.isArray(colwidth) ? colwidth[j] : undefined;
      widths.push(typeof width === 'number' && width > 0 ? width : undefined);
    }
  });
  return widths;
}

/** The table's own width: fixed when every column has one, else a minimum. */
function tableWidth(widths: (number | undefined)[]): [string, string] {
  const total = widths.reduce<number>((sum, w) => sum + (w ?? CELL_MIN_WIDTH), 0);
  return widths.every((w) => w !== undefined) ? ['width', `${total}px`] : ['min-width', `${total}px`];
}

/** As Tiptap's TableView (not resizable): a wrapper, the table, a <colgroup> kept to the columns' widths, the rows in <tbody>. */
class TableView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly colgroup: HTMLTableColElement;

  constructor(
    private node: PmNode,
    attributes: Record<string, unknown>,
  ) {
    this.dom = document.createElement('div');
    this.dom.className = 'tableWrapper';
    this.table = this.dom.appendChild(document.createElement('table'));
    for (const [key, value] of Object.entries(attributes))
      if (typeof value === 'string' || typeof value === 'number') this.table.setAttribute(key, String(value));
    this.colgroup = this.table.appendChild(document.createElement('colgroup'));
    this.contentDOM = this.table.appendChild(document.createElement('tbody'));
    this.drawColumns();
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.drawColumns();
    return true;
  }

  /** The wrapper and the colgroup are ours, not content: ProseMirror leaves their changes alone. */
  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return this.dom.contains(mutation.target) && !this.contentDOM.contains(mutation.target);
  }

  private drawColumns(): void {
    const widths = columnWidths(this.node);
    while (this.colgroup.childElementCount > widths.length) this.colgroup.lastElementChild?.remove();
    widths.forEach((width, i) => {
      const col = (this.colgroup.children[i] as HTMLElement | undefined) ?? this.colgroup.appendChild(document.createElement('col'));
      col.removeAttribute('style');
      col.style.setProperty(...colStyle(width));
    });
    this.table.style.removeProperty('width');
    this.table.style.removeProperty('min-width');
    this.table.style.setProperty(...tableWidth(widths));
  }
}

type ViewMutationRecord = MutationRecord | { type: 'selection'; target: globalThis.Node };

/**
 * The `table` node as Tiptap's Table extension (not resizable) puts it in
 * the schema and draws it, without its editing behaviour: cell selection,
 * Tab between cells, table repair (prosemirror-tables, about 17 kB gzip),
 * which client/editor/tables/tableEditing.ts adds to each editor once it is
 * open (client/editor/useAddOns.ts). The node must be in the schema from the start:
 * y-prosemirror deletes from the shared document what the schema cannot
 * hold, and Word drafts bring tables (server/import).
 */
export const TableNode = Node.create({
  name: 'table',
  content: 'tableRow+',
  tableRole: 'table',
  isolating: true,
  group: 'block',
  parseHTML() {
    return [{ tag: 'table' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const widths = columnWidths(node);
    const [property, value] = tableWidth(widths);
    const cols = widths.map((width) => ['col', { style: colStyle(width).join(': ') }]);
    return ['table', mergeAttributes(HTMLAttributes, { style: `${property}: ${value}` }), ['colgroup', {}, ...cols], ['tbody', 0]];
  },
  addNodeView() {
    return ({ node, HTMLAttributes }) => new TableView(node, HTMLAttributes);
  },
  // As Tiptap's Table: every node's `tableRole` (rows, cells, headers) goes into its schema spec, where prosemirror-tables reads it.
  extendNodeSchema(extension) {
    return {
      tableRole: callOrReturn(getExtensionField(extension, 'tableRole', { name: extension.name, options: extension.options, storage: extension.storage })),
    };
  },
});

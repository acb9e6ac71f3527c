import Blockquote from '@tiptap/extension-blockquote';
import Document from '@tiptap/extension-document';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';

const SUGGESTION_MARKS = 'insertion deletion modification';

/**
 * The nodes that hold blocks, allowed to carry the suggestion marks on their
 * children. The library marks a block inserted or deleted entire with a node
 * mark, which ProseMirror refuses (a TransformError) where the parent's
 * `marks` spec leaves it out; inlineBlockMarks.ts then moves each such mark
 * onto the block's text, which y-prosemirror keeps. The rest of the
 * schema (client/editor/textExtensions.ts) leaves these out.
 */
export const SuggestableNodes = [
  Document.extend({ marks: SUGGESTION_MARKS }),
  Blockquote.extend({ marks: SUGGESTION_MARKS }),
  BulletList.extend({ marks: SUGGESTION_MARKS }),
  OrderedList.extend({ marks: SUGGESTION_MARKS }),
  ListItem.extend({ marks: SUGGESTION_MARKS }),
  Table.extend({ marks: SUGGESTION_MARKS }),
  TableRow.extend({ marks: SUGGESTION_MARKS }),
  TableCell.extend({ marks: SUGGESTION_MARKS }),
  TableHeader.extend({ marks: SUGGESTION_MARKS }),
];

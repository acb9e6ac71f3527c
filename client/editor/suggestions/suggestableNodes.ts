import Blockquote from '@tiptap/extension-blockquote';
import Document from '@tiptap/extension-document';
import { BulletList } from '@tiptap/extension-list/bullet-list';
import { ListItem } from '@tiptap/extension-list/item';
import { OrderedList } from '@tiptap/extension-list/ordered-list';
// The rows and cells from their own entries: the package's main one brings Tiptap's Table, and with it prosemirror-tables.
import { TableCell } from '@tiptap/extension-table/cell';
import { TableHeader } from '@tiptap/extension-table/header';
import { TableRow } from '@tiptap/extension-table/row';
import { TableNode } from '../tables/tableNode';

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
  TableNode.extend({ marks: SUGGESTION_MARKS }),
  TableRow.extend({ marks: SUGGESTION_MARKS }),
  TableCell.extend({ marks: SUGGESTION_MARKS }),
  TableHeader.extend({ marks: SUGGESTION_MARKS }),
];

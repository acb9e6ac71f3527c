import type { EditorState } from '@tiptap/pm/state';
import { ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { PmMapping } from './anchors';

/**
 * The y-tiptap binding of an editor: the fragment it shows and its Y type →
 * ProseMirror node mapping, which anchors need to convert positions.
 *
 * y-tiptap has no getter for these. Its public pieces are the sync plugin's
 * key and the `ProsemirrorBinding` class; the plugin's state (`{ type,
 * binding, … }`) is untyped. This is the one place that reads it, the way
 * Tiptap's Collaboration extension does (`getYRelativePosition`), and
 * test/client/yBinding.test.ts fails if an upgrade changes its shape.
 */
export function bindingOf(state: EditorState): { fragment: Y.XmlFragment; mapping: PmMapping } | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync)) return null;
  const binding = sync.binding;
  return binding instanceof ProsemirrorBinding ? { fragment: binding.type, mapping: binding.mapping } : null;
}

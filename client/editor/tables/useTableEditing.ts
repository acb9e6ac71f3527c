import { useEffect } from 'react';
import type { Editor } from '@tiptap/core';
import { whenIdle } from '../../messages';

const loadTablePlugins = () => import('./tableEditing').then((m) => m.tablePlugins);

/**
 * Gives an open editor its table editing (tableEditing.ts) once the page is
 * idle, so the chunk is not in the agreement page's first load: until then a
 * table is shown and its cells' text can be edited, but cells cannot be
 * selected as cells or walked with Tab.
 */
export function useTableEditing(editor: Editor): void {
  useEffect(() => {
    let live = true;
    whenIdle(() => {
      loadTablePlugins().then(
        (tablePlugins) => {
          if (!live || editor.isDestroyed) return;
          for (const plugin of tablePlugins()) editor.registerPlugin(plugin);
        },
        // The chunk could not be fetched (offline before it was): tables stay as they are, editable as text.
        (error: unknown) => console.warn('entente: table editing could not be loaded', error),
      );
    });
    return () => {
      live = false;
    };
  }, [editor]);
}

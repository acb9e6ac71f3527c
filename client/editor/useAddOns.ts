import { useEffect } from 'react';
import { Extension, type Editor } from '@tiptap/core';
import type { Plugin } from '@tiptap/pm/state';
import type { CommentsController } from '../comments/controller';
import { whenIdle } from '../messages';
import type { AuthorsView } from './authors/authorsView';
import type { ExternalStore } from './externalStore';
import { whenPageReady } from './pageReady';
import type { SuggestionLook } from './suggestions/suggestionLook';

export interface AddOnOptions {
  /** The fragment the editor is bound to (`fragmentName`). */
  fragment: string;
  comments: CommentsController | null;
  authors: AuthorsView | null;
  look: ExternalStore<SuggestionLook | null> | null;
}

type AddOns = typeof import('./addOns');
let loaded: AddOns | null = null;
let loading: Promise<AddOns> | null = null;

function loadAddOns(): Promise<AddOns> {
  loading ??= import('./addOns').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null; // asked again by the next editor
      throw error;
    },
  );
  return loading;
}

/** The add-ons as part of an editor from its creation: its plugins are made when the editor is. */
const EditorAddOns = Extension.create<{ options: AddOnOptions | null }>({
  name: 'editorAddOns',
  addOptions() {
    return { options: null };
  },
  addProseMirrorPlugins() {
    return loaded && this.options.options ? loaded.addOnPlugins(this.options.options) : [];
  },
});

/**
 * The add-ons for an editor about to be created, when their chunk is
 * already there (every editor built after the first ones): then they are
 * part of it from the start, and useAddOns has nothing to add.
 */
export const addOnsIfLoaded = (options: AddOnOptions): Extension[] => (loaded ? [EditorAddOns.configure({ options })] : []);

const hasAddOns = (editor: Editor): boolean => editor.extensionManager.extensions.some((e) => e.name === EditorAddOns.name);

/**
 * Gives an open editor its add-ons (client/editor/addOns.ts: table editing,
 * highlights of comments, authors and suggestions, and Suggesting mode's
 * rewrite) from their own chunk, so they are not in the agreement page's
 * first load. The chunk is asked for once the page is usable; the editors
 * built after it came have them from their creation (addOnsIfLoaded), the
 * ones built before get them when the browser is idle, all in one
 * reconfiguration: each change of an editor's plugins rebuilds every plugin
 * view, and y-tiptap's sync view then renders the whole document again.
 * Until then the text shows without highlights, and a table's cells are
 * edited as text. `suggesting`: this person is in Suggesting mode, so the
 * chunk is asked for at once, for the rewrite (their editor stays read-only
 * until it is there, RichText.tsx).
 */
export function useAddOns(editor: Editor, { fragment, comments, authors, look }: AddOnOptions, suggesting: boolean): void {
  useEffect(() => {
    if (suggesting) loadAddOns().catch(() => undefined); // a failure shows when the add-ons are asked for below
  }, [suggesting]);

  useEffect(() => {
    if (hasAddOns(editor)) return;
    let live = true;
    let added: Plugin[] = [];
    const add = ({ addOnPlugins }: AddOns): void => {
      if (!live || editor.isDestroyed) return;
      added = addOnPlugins({ fragment, comments, authors, look });
      editor.view.updateState(editor.state.reconfigure({ plugins: [...editor.state.plugins, ...added] }));
    };
    whenPageReady(() =>
      loadAddOns().then(
        (addOns) => whenIdle(() => add(addOns)),
        // The chunk could not be fetched (offline before it was): the text stays editable, without highlights or table keys.
        (error: unknown) => console.warn('entente: editor add-ons could not be loaded', error),
      ),
    );
    return () => {
      live = false;
      if (added.length === 0 || editor.isDestroyed) return;
      editor.view.updateState(editor.state.reconfigure({ plugins: editor.state.plugins.filter((p) => !added.includes(p)) }));
    };
  }, [editor, fragment, comments, authors, look]);
}

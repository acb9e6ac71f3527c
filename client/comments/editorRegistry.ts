import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * The rich-text editors on the page, by the fragment each is bound to. Each
 * editor registers its view (RegisterEditor below), so a thread can find the
 * editor showing its text, and a DOM selection the editor it is in.
 */
export class EditorRegistry {
  private readonly views = new Map<string, Set<EditorView>>();

  register(fragment: string, view: EditorView): void {
    let set = this.views.get(fragment);
    if (!set) this.views.set(fragment, (set = new Set()));
    set.add(view);
  }

  unregister(fragment: string, view: EditorView): void {
    const set = this.views.get(fragment);
    set?.delete(view);
    if (set?.size === 0) this.views.delete(fragment);
  }

  /**
   * The live editor bound to a fragment. React may create an editor twice
   * (and destroy one later): the one shown is the one in the page.
   */
  viewFor(fragment: string): EditorView | undefined {
    const set = this.views.get(fragment);
    if (!set) return undefined;
    let fallback: EditorView | undefined;
    for (const view of set) {
      if (view.isDestroyed) continue;
      if (view.dom.isConnected) return view;
      fallback ??= view;
    }
    return fallback;
  }

  /** The editor a DOM node is inside of, if any. */
  viewContaining(node: Node): { fragment: string; view: EditorView } | null {
    for (const [fragment, set] of this.views) for (const view of set) if (!view.isDestroyed && view.dom.contains(node)) return { fragment, view };
    return null;
  }
}

/**
 * Registers an editor's view with the page's registry while it lives. Part
 * of every editor from the start, apart from the highlights (which come once
 * the page is usable), so a suggestion or a thread always finds its editor.
 */
export const RegisterEditor = Extension.create<{ fragment: string; registry: EditorRegistry | null }>({
  name: 'registerEditor',

  addOptions() {
    return { fragment: '', registry: null };
  },

  addProseMirrorPlugins() {
    const { fragment, registry } = this.options;
    if (!registry) return [];
    return [
      new Plugin({
        view(view) {
          registry.register(fragment, view);
          return { destroy: () => registry.unregister(fragment, view) };
        },
      }),
    ];
  },
});

import type { EditorView } from '@tiptap/pm/view';

/**
 * The rich-text editors on the page, by the fragment each is bound to. Each
 * editor's highlight plugin registers its view, so a thread can find the
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

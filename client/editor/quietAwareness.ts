import type { WebsocketProvider } from 'y-websocket';

type Awareness = WebsocketProvider['awareness'];

const quiet = new WeakMap<Awareness, Awareness>();

/** Whether two awareness values are the same (plain JSON: names, colours, ids). */
const same = (a: unknown, b: unknown): boolean => a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/**
 * The provider as each editor's caret extension sees it: setting a field to
 * the value it already holds sends nothing. Tiptap's caret extension sets
 * `user` whenever an editor's plugin views are built (when the editor is
 * created, and again when its add-ons are added), y-tiptap's cursor plugin
 * sets `cursor` to null whenever one is taken down, and y-websocket sends
 * every awareness update to every peer: a page of seven sections announced
 * the same person 28 times as it opened. The awareness's own renewal (every
 * 15 s) does not go through here and still keeps the person present.
 */
export function quietProvider(provider: WebsocketProvider): { awareness: Awareness } {
  const awareness = provider.awareness;
  let wrapped = quiet.get(awareness);
  if (!wrapped) {
    const setQuietly = (field: string, value: unknown): void => {
      if (same(awareness.getLocalState()?.[field], value)) return;
      awareness.setLocalStateField(field, value);
    };
    // Methods bound once, not on every read: the cursor plugin reads them on each selection change.
    const bound = new Map<PropertyKey, unknown>();
    wrapped = new Proxy(awareness, {
      get(target, prop) {
        if (prop === 'setLocalStateField') return setQuietly;
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        let method = bound.get(prop);
        if (method === undefined) bound.set(prop, (method = (value as (...args: unknown[]) => unknown).bind(target)));
        return method;
      },
    });
    quiet.set(awareness, wrapped);
  }
  return { awareness: wrapped };
}

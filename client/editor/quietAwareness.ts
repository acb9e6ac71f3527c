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
 * the same person 28 times as it opened. The
 * awareness's own renewal (every 15 s) does not go through here and still
 * keeps the person present.
 */
export function quietProvider(provider: WebsocketProvider): { awareness: Awareness } {
  const awareness = provider.awareness;
  let wrapped = quiet.get(awareness);
  if (!wrapped) {
    wrapped = new Proxy(awareness, {
      get(target, prop) {
        if (prop === 'setLocalStateField')
          return (field: string, value: unknown): void => {
            if (same(target.getLocalState()?.[field], value)) return;
            target.setLocalStateField(field, value);
          };
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    quiet.set(awareness, wrapped);
  }
  return { awareness: wrapped };
}

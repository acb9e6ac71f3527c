import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { RequireWords } from './intl';
import { needWords, whenIdle } from './messages';
import { usePageReady, whenPageReady } from './editor/pageReady';

/**
 * Parts of the agreement page that are not needed to read or edit the text
 * (the status and signing card with its dialogs, the comments column and
 * its composer, the participants panel, the header's bell): each is its own chunk, asked for
 * when first rendered, so the document becomes editable without waiting
 * for them. They are asked for once the page is usable (an editor is there
 * and synced, client/editor/pageReady.ts), so their download and set-up do
 * not compete with the text's, and appear a moment later, in place (nothing
 * is shown meanwhile). Then preloadDeferred() fetches every one of them in
 * idle time, so a dialog first opened while the server cannot be reached
 * still opens.
 */
const loaders: (() => Promise<unknown>)[] = [];

/**
 * Tries `load` until it succeeds, a few seconds apart: a chunk that could not
 * be fetched (the server away for a moment just as the page became usable)
 * is asked for again rather than leaving its place empty until a reload.
 * Chromium and Firefox fetch a failed dynamic import again when asked again.
 */
function untilLoaded<T>(load: () => Promise<T>, wait = 1000): Promise<T> {
  return load().catch(() => new Promise<T>((resolve) => setTimeout(() => resolve(untilLoaded(load, Math.min(wait * 2, 10_000))), wait)));
}

/** Loads a deferred part: its chunk, and the words it shows (the `later` area, client/wordAreas.ts). */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const get = (): Promise<ComponentType<P>> => (loading ??= untilLoaded(async () => (await Promise.all([load(), needWords('later')]))[0]));
  loaders.push(get);
  const Lazy = lazy(async () => ({ default: await get() }));
  return function Deferred(props: P) {
    if (!usePageReady()) return null;
    return (
      <NothingOnError>
        <Suspense fallback={null}>
          <RequireWords area="later">
            <Lazy {...props} />
          </RequireWords>
        </Suspense>
      </NothingOnError>
    );
  };
}

/** A chunk that could not be fetched (server unreachable before it was preloaded) leaves its place empty instead of the page. */
class NothingOnError extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/** Fetches every deferred part when the browser is idle once the page is usable (each once; a failure is tried again, untilLoaded). */
export function preloadDeferred(): void {
  whenPageReady(() =>
    whenIdle(() => {
      for (const load of loaders) void load();
    }),
  );
}

export const StatusPanel = deferred(async () => (await import('./signing/StatusPanel')).StatusPanel);
export const StatusDialogs = deferred(async () => (await import('./signing/StatusDialogs')).StatusDialogs);
export const CommentsSidebar = deferred(async () => (await import('./comments/CommentsSidebar')).CommentsSidebar);
export const ParticipantsPanel = deferred(async () => (await import('./access/ParticipantsPanel')).ParticipantsPanel);
// The header's bell (and its mail settings): what one was told can wait until the text is editable.
export const Bell = deferred(async () => (await import('./notifications/Bell')).Bell);

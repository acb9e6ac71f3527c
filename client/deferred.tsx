import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { RequireWords } from './intl';
import { needWords, whenIdle } from './messages';

/**
 * Parts of the agreement page that are not needed to read or edit the text
 * (the status and signing card with its dialogs, the comments column and
 * its composer, the participants panel): each is its own chunk, asked for
 * when first rendered, so the document becomes editable without waiting
 * for them. They appear a moment later, in place (nothing is shown meanwhile).
 * Once the editor is open, preloadDeferred() fetches every one of them in
 * idle time, so a dialog first opened while the server cannot be reached
 * still opens.
 */
const loaders: (() => Promise<unknown>)[] = [];

/** Loads a deferred part: its chunk, and the words it shows (the `later` area, client/wordAreas.ts). */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const withWords = async () => (await Promise.all([load(), needWords('later')]))[0];
  loaders.push(withWords);
  const Lazy = lazy(async () => ({ default: await withWords() }));
  return function Deferred(props: P) {
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

/** Fetches every deferred part when the browser is idle (each import is fetched once; a failure is left for the render to meet). */
export function preloadDeferred(): void {
  whenIdle(() => {
    for (const load of loaders) load().catch(() => undefined);
  });
}

export const StatusPanel = deferred(async () => (await import('./signing/StatusPanel')).StatusPanel);
export const StatusDialogs = deferred(async () => (await import('./signing/StatusDialogs')).StatusDialogs);
export const CommentsSidebar = deferred(async () => (await import('./comments/CommentsSidebar')).CommentsSidebar);
export const ParticipantsPanel = deferred(async () => (await import('./access/ParticipantsPanel')).ParticipantsPanel);

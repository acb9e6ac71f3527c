import { ExternalStore } from '../externalStore';
import type { AuthorIndex } from './authorIndex';
import type { AuthorStyle } from './authorDecorations';

export interface AuthorsViewState {
  /** The reader asked to see who wrote what ("Show authors"). */
  enabled: boolean;
  index: AuthorIndex;
  style: AuthorStyle;
}

/**
 * What the section editors read to colour text by author, outside React:
 * each editor's plugin subscribes, so turning the view on, a new binding or
 * the reader's language redraws the decorations without rebuilding editors.
 */
export class AuthorsView extends ExternalStore<AuthorsViewState> {
  readonly getState = this.get;

  /** A new state object with the same three parts is no change (React effects hand a fresh object each time). */
  override set(next: AuthorsViewState): void {
    const current = this.get();
    if (next.enabled === current.enabled && next.index === current.index && next.style === current.style) return;
    super.set(next);
  }
}

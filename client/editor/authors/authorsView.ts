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
export class AuthorsView {
  private listeners = new Set<() => void>();

  constructor(private state: AuthorsViewState) {}

  readonly getState = (): AuthorsViewState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  set(next: AuthorsViewState): void {
    if (next.enabled === this.state.enabled && next.index === this.state.index && next.style === this.state.style) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

import { PluginKey } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import type { Range } from './changedRange';

export interface HighlightState {
  set: DecorationSet;
  /** Where local edits made the decorations approximate, until they are redrawn from Yjs. */
  dirty: Range | null;
}

/** The author highlights' plugin (AuthorHighlights.ts), apart so the note under an editor reads it without loading the plugin. */
export const authorHighlightsKey = new PluginKey<HighlightState>('authorHighlights');

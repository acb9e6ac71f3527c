import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { useT } from '../../intl';
import type { AuthorSpec } from './authorDecorations';
import { authorHighlightsKey } from './authorHighlightsKey';
import { useAuthorsView } from './AuthorsProvider';

/** Who wrote the text at the caret, from the editor's author decorations; null when nothing is decorated there. */
function labelAt(editor: Editor): string | null {
  const set = authorHighlightsKey.getState(editor.state)?.set;
  if (!set) return null;
  const pos = editor.state.selection.from;
  // The character after the caret, else the one before it (end of a paragraph).
  const found = set.find(pos, pos + 1).concat(set.find(Math.max(0, pos - 1), pos));
  const spec = found[0]?.spec as Partial<AuthorSpec> | undefined;
  return spec?.label ?? null;
}

/**
 * Says who wrote the text at the caret while "Show authors" is on, in a
 * polite live region under the editor: keyboard and screen-reader users get
 * what the colours and the hover title show.
 */
export function AuthorNote({ editor }: { editor: Editor }) {
  const t = useT();
  const authors = useAuthorsView();
  const [label, setLabel] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const enabled = authors?.enabled ?? false;

  useEffect(() => {
    if (!enabled) return;
    const update = (): void => setLabel(editor.isDestroyed ? null : labelAt(editor));
    const focus = (): void => setFocused(true);
    const blur = (): void => setFocused(false);
    editor.on('selectionUpdate', update);
    editor.on('transaction', update);
    editor.on('focus', focus);
    editor.on('blur', blur);
    update();
    setFocused(editor.isFocused);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('transaction', update);
      editor.off('focus', focus);
      editor.off('blur', blur);
    };
  }, [editor, enabled]);

  if (!enabled) return null;
  return (
    <p className="author-note" aria-live="polite" data-testid="author-note">
      {focused ? (label ?? t('authors.nobody')) : ''}
    </p>
  );
}

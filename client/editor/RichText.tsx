import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions/placeholder';
import { useIdentity } from '../identity';
import { useCanEdit } from '../session';
import type { Collab } from './useCollab';
import { useCommentsController } from '../comments/CommentsProvider';
import { RegisterEditor } from '../comments/editorRegistry';
import { AuthorNote } from './authors/AuthorNote';
import { useAuthorsView } from './authors/AuthorsProvider';
import { SuggestChanges, suggestRewrite } from './suggestions/SuggestChanges';
import { SuggestableNodes } from './suggestions/suggestableNodes';
import { TextExtensions } from './textExtensions';
import { addOnsIfLoaded, useAddOns } from './useAddOns';
import { quietProvider } from './quietAwareness';
import { useSuggestions } from './suggestions/SuggestionsProvider';
import { noteEditorShown } from './pageReady';
import { useEditorTurn } from './editorTurns';
import { fragmentToText } from '../../shared/render';

interface RichTextProps {
  collab: Collab;
  /** The Yjs fragment this editor is bound to (see `fragmentName`). */
  fragment: string;
  label: string;
  placeholder?: string;
}

/** Draws a remote caret: a coloured bar with the person's name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user['color'] === 'string' ? user['color'] : '#57606a';
  const name = typeof user['name'] === 'string' ? user['name'] : '';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

/**
 * One collaborative rich-text area, bound to one fragment of the shared doc.
 * The wrapper's `data-fragment` is a stable hook for tests and tooling.
 * Until its editor's turn comes (client/editor/editorTurns.ts: at once for
 * the page's first, after the page is usable for the others), the area
 * shows its text as it stands.
 */
export function RichText(props: RichTextProps) {
  const { granted, hurry } = useEditorTurn();
  // Pressed while waiting: the editor takes the focus when it comes, so the reader can type at once.
  const [pressed, setPressed] = useState(false);
  if (granted) return <CollabRichText {...props} focusWhenBuilt={pressed} />;
  return (
    <PendingText
      {...props}
      onPress={() => {
        setPressed(true);
        hurry();
      }}
    />
  );
}

/** The fragment's text, one paragraph per block, in the box the editor will take. */
function PendingText({ collab, fragment, label, placeholder, onPress }: RichTextProps & { onPress: () => void }) {
  const yFragment = useMemo(() => collab.doc.getXmlFragment(fragment), [collab.doc, fragment]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      yFragment.observeDeep(onChange);
      return () => yFragment.unobserveDeep(onChange);
    },
    [yFragment],
  );
  // Live: someone else's edits show while the editor waits.
  const text = useSyncExternalStore(subscribe, () => fragmentToText(yFragment));
  return (
    <div className="rich-text" data-fragment={fragment}>
      <div className="rich-text-pending" aria-label={label} aria-busy="true" onPointerDown={onPress}>
        {text === '' ? <p className="is-editor-empty" data-placeholder={placeholder ?? ''} /> : text.split('\n').map((line, i) => <p key={i}>{line}</p>)}
      </div>
    </div>
  );
}

function CollabRichText({ collab, fragment, label, placeholder, focusWhenBuilt = false }: RichTextProps & { focusWhenBuilt?: boolean }) {
  // The whole presence user (name, colour, party, role): the caret extension writes it to awareness.
  const user = useIdentity();
  const canEdit = useCanEdit();
  const placeholderRef = useRef(placeholder ?? '');
  placeholderRef.current = placeholder ?? '';
  const yFragment = useMemo(() => collab.doc.getXmlFragment(fragment), [collab.doc, fragment]);
  // Comment threads anchored in this fragment: highlights, click to open, Mod-Alt-M (client/comments/highlights.ts, an add-on).
  const comments = useCommentsController();
  // "Show authors": who wrote each character, from the server's record (client/editor/authors).
  const authors = useAuthorsView()?.view ?? null;
  // Suggesting mode and the colours of suggestions (client/editor/suggestions).
  const suggestions = useSuggestions();
  const modeStore = suggestions?.modeStore ?? null;
  const lookStore = suggestions?.look ?? null;
  const onRefused = suggestions?.onRefused;
  // In Suggesting mode, read-only until the rewrite into suggestions has loaded (useAddOns): no keystroke may become a direct edit.
  const suggesting = suggestions?.mode === 'suggesting';
  const rewriteLoaded = useSyncExternalStore(suggestRewrite.subscribe, () => suggestRewrite.get() !== null);
  const editable = canEdit && (!suggesting || rewriteLoaded);

  const editor = useEditor(
    {
      extensions: [
        // StarterKit's marks and nodes, less undo/redo (Yjs keeps its own) and link autolinking.
        ...TextExtensions,
        // The block nodes, tables included (so a Word draft's tables survive the import: y-prosemirror
        // drops nodes the schema lacks), allowed to carry suggestion marks on their children.
        ...SuggestableNodes,
        Collaboration.configure({ fragment: yFragment }),
        // Through quietProvider: the same person announced again sends nothing.
        CollaborationCaret.configure({ provider: quietProvider(collab.provider), user, render: renderCaret }),
        Placeholder.configure({ placeholder: () => placeholderRef.current }),
        RegisterEditor.configure({ fragment, registry: comments?.editors ?? null }),
        SuggestChanges.configure({ mode: modeStore, onRefused: onRefused ?? (() => undefined) }),
        // Table editing and highlights, when their chunk came before this editor (else useAddOns adds them).
        ...addOnsIfLoaded({ fragment, comments, authors, look: lookStore }),
      ],
      editable,
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' } },
    },
    // Name and colour changes go through updateUser below, not a new editor.
    [yFragment, collab.provider, comments, authors, modeStore, lookStore, onRefused],
  );

  useEffect(noteEditorShown, []);
  // Once, for the press that built it (not again when the editor is rebuilt).
  const focusOnce = useRef(focusWhenBuilt);
  useEffect(() => {
    if (!focusOnce.current || editor.isDestroyed) return;
    focusOnce.current = false;
    editor.commands.focus('end');
  }, [editor]);

  // Table editing, highlights of comments, authors and suggestions, and Suggesting mode's rewrite, loaded once the page is usable.
  useAddOns(editor, { fragment, comments, authors, look: lookStore }, suggesting);

  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user]);

  // Read-only for viewers and commenters, and whenever useCanEdit says so (e.g. locked).
  useEffect(() => {
    if (!editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dom.setAttribute('aria-label', label);
    // Redraw the placeholder in the new language.
    editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
  }, [editor, label, placeholder]);

  return (
    <div className="rich-text" data-fragment={fragment}>
      <EditorContent editor={editor} />
      <AuthorNote editor={editor} />
    </div>
  );
}

/**
 * The reference of bench/pageload.ts: the least page that does what the
 * agreement page must do before someone can type, built with the same
 * libraries and versions as the client (React, Tiptap's StarterKit with
 * Collaboration and CollaborationCaret, Yjs, y-websocket, y-indexeddb), and
 * nothing else: no routing, no words catalogue, no data layer, no access
 * checks. One rich-text editor bound to one fragment of a Y.Doc that is kept
 * in IndexedDB and synced with a y-websocket server at /sync/<room>.
 * `?room=` names the document. When the editor is editable and the first
 * sync is done, <body> gets data-ready="true".
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';

interface Shared {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const room = new URLSearchParams(window.location.search).get('room') ?? 'minimal';

function Editor({ doc, provider }: Shared) {
  const [synced, setSynced] = useState(provider.synced);
  useEffect(() => {
    const onSync = (isSynced: boolean): void => setSynced(isSynced);
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [provider]);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ fragment: doc.getXmlFragment('body') }),
      CollaborationCaret.configure({ provider, user: { name: 'Reference', color: '#0969da' } }),
    ],
  });
  const ready = synced && editor.isEditable;
  useEffect(() => {
    document.body.dataset['ready'] = String(ready);
  }, [ready]);
  return <EditorContent editor={editor} />;
}

function App() {
  const [shared, setShared] = useState<Shared | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(`minimal:${room}`, doc);
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const provider = new WebsocketProvider(`${protocol}//${window.location.host}/sync`, room, doc);
    setShared({ doc, provider });
    return () => {
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    };
  }, []);
  return shared ? <Editor {...shared} /> : null;
}

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

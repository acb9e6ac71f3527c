import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { syncBase } from '../api/sync';
import { SyncMonitor } from './syncMonitor';
import { localCopyName } from './authors/localCopy';

/** Everything one open agreement shares: one doc, one socket, one local copy. */
export interface Collab {
  id: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  monitor: SyncMonitor;
}

/**
 * Opens an agreement: a Y.Doc kept in IndexedDB, one copy per participant
 * (`entente:<id>:<participant>`, see authors/localCopy.ts), and synced over the
 * websocket. Torn down on unmount. The socket opens on the next tick, so React
 * StrictMode's throwaway first mount never opens one.
 */
export function useCollab(id: string, participantId: string): Collab | null {
  const [collab, setCollab] = useState<Collab | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(localCopyName(id, participantId), doc);
    // No BroadcastChannel between tabs: a tab of someone else in this browser would pass us edits the
    // server has not stored yet, which we would send on under their client ids (refused, 4409).
    // The server relays between tabs as between anyone.
    const provider = new WebsocketProvider(syncBase(), id, doc, { connect: false, disableBc: true });
    const monitor = new SyncMonitor(provider, doc);
    const leave = (): void => removeAwarenessStates(provider.awareness, [doc.clientID], 'leave');
    window.addEventListener('pagehide', leave);
    // y-websocket drops everyone else's presence when the socket closes but keeps their clocks, so on
    // reconnect (a restart, a role change) the server's snapshot of who is here would be ignored until
    // each peer renews its state (up to 15 s). Forget the dropped ones so the snapshot applies.
    const forgetDropped = ({ status }: { status: string }): void => {
      if (status !== 'connected') return;
      const { awareness } = provider;
      for (const clientId of [...awareness.meta.keys()]) if (clientId !== doc.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
    };
    provider.on('status', forgetDropped);
    const timer = setTimeout(() => provider.connect(), 0);
    setCollab({ id, doc, provider, persistence, monitor });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', leave);
      provider.off('status', forgetDropped);
      leave();
      monitor.destroy();
      provider.destroy();
      provider.awareness.destroy();
      void persistence.destroy();
      doc.destroy();
    };
  }, [id, participantId]);

  return collab?.id === id ? collab : null;
}

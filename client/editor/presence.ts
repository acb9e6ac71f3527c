import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** One person connected to the agreement, from the awareness protocol. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** Their party’s legal name and their role (owner, editor, commenter, viewer), as the server stamped them from their session. */
  party: string;
  role: string;
  /** Key of the section they are in, if any. */
  section: string | null;
  self: boolean;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user: Record<string, unknown> = typeof state['user'] === 'object' && state['user'] !== null ? (state['user'] as Record<string, unknown>) : {};
    const name = str(user['name']).slice(0, 60);
    if (!name) continue;
    const color = /^#[0-9a-fA-F]{6}$/.test(str(user['color'])) ? str(user['color']) : '#57606a';
    const section = str(state['section']) || null;
    const party = str(user['party']).slice(0, 120);
    const role = str(user['role']).slice(0, 20);
    peers.push({ clientId, name, color, party, role, section, self: clientId === awareness.clientID });
  }
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Everyone connected, the local user first; re-renders when anyone joins, leaves or moves. */
export function usePeers(awareness: Awareness): Peer[] {
  const [peers, setPeers] = useState<Peer[]>(() => readPeers(awareness));
  useEffect(() => {
    let live = true;
    const refresh = (): void => setPeers(readPeers(awareness));
    // Awareness can change while another component renders (Tiptap creates an editor, whose
    // caret plugin announces the user, during render): update after that render, not inside it.
    const later = (): void => queueMicrotask(() => live && refresh());
    refresh();
    awareness.on('change', later);
    return () => {
      live = false;
      awareness.off('change', later);
    };
  }, [awareness]);
  return peers;
}

/** Announces which section the local user is in (null when none). */
export function setSection(awareness: Awareness, section: string | null): void {
  const current = awareness.getLocalState()?.['section'] ?? null;
  if (current !== section) awareness.setLocalStateField('section', section);
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { colorFor, type PresenceUser } from '../../shared/presence';
import type { Room } from './room';

/** A browser tab announces one awareness id; a few more leave room for reloads and odd clients. */
export const MAX_PRESENCE_IDS = 4;
/** A caret and a section fit in a few hundred bytes; every state is sent to everyone in the room. */
export const MAX_PRESENCE_STATE_BYTES = 4096;

/** Who a connection belongs to, as the session says. */
export interface PresenceOwner {
  participantId: string;
  name: string;
  partyId: string;
  role: string;
  /** Awareness ids this connection announced. */
  readonly awarenessIds: Set<number>;
}

interface Entry {
  clientId: number;
  clock: number;
  state: string;
}

/**
 * Keeps what a connection may say about presence from an awareness update,
 * re-encoded: only its own ids (or ids of another connection of the same
 * participant, e.g. after a reconnect), at most MAX_PRESENCE_IDS, states that
 * are small JSON objects, with `user` replaced by the session's identity.
 * Returns null when nothing is left. Throws on an undecodable update.
 */
export function filterPresence(update: Uint8Array, from: PresenceOwner, room: Room): Uint8Array | null {
  const kept: Entry[] = [];
  for (const entry of decodeEntries(update)) {
    const owner = ownerOf(room, entry.clientId);
    if (owner && owner !== from && owner.participantId !== from.participantId) continue;
    if (!from.awarenessIds.has(entry.clientId) && from.awarenessIds.size >= MAX_PRESENCE_IDS) continue;
    const state = stampedState(entry.state, from, room);
    if (state === undefined) continue;
    if (owner && owner !== from) owner.awarenessIds.delete(entry.clientId);
    if (state === 'null') from.awarenessIds.delete(entry.clientId);
    else from.awarenessIds.add(entry.clientId);
    kept.push({ ...entry, state });
  }
  return kept.length > 0 ? encodeEntries(kept) : null;
}

function ownerOf(room: Room, clientId: number): PresenceOwner | undefined {
  for (const c of room.conns) if (c.awarenessIds.has(clientId)) return c;
  return undefined;
}

/** The state as JSON with the session's `user`, 'null' for a departure, undefined to drop it. */
function stampedState(json: string, from: PresenceOwner, room: Room): string | undefined {
  if (Buffer.byteLength(json) > MAX_PRESENCE_STATE_BYTES) return undefined;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) return undefined;
  return JSON.stringify({ ...state, user: userOf(from, room) });
}

function userOf(from: PresenceOwner, room: Room): PresenceUser {
  return { name: from.name, color: colorFor(from.participantId), partyId: from.partyId, party: room.facts.partyName(from.partyId), role: from.role };
}

function decodeEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
  return entries;
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

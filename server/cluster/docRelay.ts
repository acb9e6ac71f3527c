import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocStore } from '../store/docs';
import type { Room } from '../sync/room';
import type { Bus } from './bus';
import { decodeDocMessage, docChannel, encodeDocMessage, type DocMessage } from './docMessages';
import { REMOTE_ORIGIN } from './origin';

/** What Rooms tells the relay (server/sync/rooms.ts); without Redis there is none. */
export interface RoomRelay {
  /** A room was loaded, its `appliedSeq` set from the store: follow the other instances' updates. */
  opened(room: Room): void;
  /** These updates of the room were stored under these sequence numbers (in order): tell the other instances. */
  stored(room: Room, updates: readonly { update: Uint8Array; seq: number }[]): void;
  /** Reads what the room missed from the store (before compacting: the snapshot then covers every seq up to `appliedSeq`). */
  catchUp(room: Room): void;
  /** The room unloads. */
  closed(room: Room): void;
}

/** A gap may only be a message still on its way (another instance published later than it stored): wait this long before reading the store. */
export const GAP_WAIT_MS = 100;

interface Follow {
  /** Sequence numbers above `appliedSeq + 1` seen already: the update to apply, or null for this instance's own (already in the document). */
  ahead: Map<number, Uint8Array | null>;
  gapTimer: NodeJS.Timeout | null;
  onAwareness: (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;
}

/**
 * Document updates and presence across instances, over one Redis channel per
 * loaded document. An update is published only once stored, with its
 * per-document sequence number; a room applies `appliedSeq + 1` when it
 * comes, keeps later ones until the gap fills, and reads the store
 * (`since(appliedSeq)`) when a gap stays, when it has just subscribed and when
 * Redis is back: pub/sub is at most once (hocuspocus#800), the store is the truth,
 * and re-applying a Yjs update is harmless.
 */
export class DocRelay implements RoomRelay {
  private readonly follows = new Map<Room, Follow>();

  constructor(
    private readonly bus: Bus,
    private readonly docs: DocStore,
    private readonly log: (message: string) => void,
  ) {
    bus.onRecovered(() => {
      for (const room of [...this.follows.keys()]) this.guard(room, 'recovering', () => this.recover(room));
    });
  }

  opened(room: Room): void {
    const follow: Follow = {
      ahead: new Map(),
      gapTimer: null,
      onAwareness: (change, origin) => {
        // Another instance's, or the server's own expiry of a silent client (every instance expires them): not ours to tell.
        if (origin === REMOTE_ORIGIN || origin === 'timeout') return;
        // Inside the awareness' own emit, called from a connection's message: a throw would close that client.
        this.guard(room, 'publishing presence', () => this.publishAwareness(room, [...change.added, ...change.updated, ...change.removed]));
      },
    };
    this.follows.set(room, follow);
    room.awareness.on('update', follow.onAwareness);
    this.bus
      .subscribe(docChannel(room.id), (message) => this.receive(room, message))
      // What was stored between the load and the subscription came over no channel.
      .then(() => this.guard(room, 'catching up', () => this.recover(room)))
      .catch((error: unknown) => this.log(`redis: subscribing to ${room.id} failed (caught up when Redis is back): ${String(error)}`));
  }

  stored(room: Room, updates: readonly { update: Uint8Array; seq: number }[]): void {
    const channel = docChannel(room.id);
    for (const { update, seq } of updates) this.bus.publish(channel, encodeDocMessage({ kind: 'update', from: this.bus.instanceId, seq, update }));
    // Our own are in the document already; one that is not appliedSeq + 1 means another instance stored in between.
    for (const { seq } of updates) this.offer(room, seq, null);
  }

  catchUp(room: Room): void {
    const follow = this.follows.get(room);
    if (!follow) return;
    this.clearGapTimer(follow);
    const missed = this.docs.since(room.id, room.appliedSeq);
    if (missed.snapshot || missed.updates.length > 0) {
      // One update: the room's clients get one message for all of it.
      const all = [...(missed.snapshot ? [missed.snapshot] : []), ...missed.updates.map((u) => u.data)];
      room.applyRemote(all.length === 1 && all[0] ? all[0] : Y.mergeUpdates(all));
    }
    room.appliedSeq = Math.max(room.appliedSeq, missed.lastSeq);
    for (const seq of follow.ahead.keys()) if (seq <= room.appliedSeq) follow.ahead.delete(seq);
    this.drain(room, follow);
  }

  closed(room: Room): void {
    const follow = this.follows.get(room);
    if (!follow) return;
    this.follows.delete(room);
    this.clearGapTimer(follow);
    room.awareness.off('update', follow.onAwareness);
    this.bus.unsubscribe(docChannel(room.id));
  }

  private receive(room: Room, bytes: Buffer): void {
    const message = decodeDocMessage(bytes);
    if (!message) return this.log(`redis: an unreadable message on ${docChannel(room.id)} was ignored`);
    if (message.from === this.bus.instanceId || !this.follows.has(room)) return;
    this.handle(room, message);
  }

  private handle(room: Room, message: DocMessage): void {
    switch (message.kind) {
      case 'update':
        return this.offer(room, message.seq, message.update);
      case 'head':
        if (message.seq > room.appliedSeq) this.catchUp(room);
        return;
      case 'awareness':
        return awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, REMOTE_ORIGIN);
      case 'query':
        return this.publishAwareness(room, localAwarenessIds(room));
    }
  }

  /** Sequence number `seq` is stored: apply it (and what it unblocks) if it is next, keep it if it is ahead. */
  private offer(room: Room, seq: number, update: Uint8Array | null): void {
    const follow = this.follows.get(room);
    if (!follow || seq <= room.appliedSeq || follow.ahead.has(seq)) return;
    follow.ahead.set(seq, update);
    this.drain(room, follow);
    if (follow.ahead.size > 0 && !follow.gapTimer) {
      follow.gapTimer = setTimeout(() => {
        follow.gapTimer = null;
        if (follow.ahead.size > 0) this.guard(room, 'catching up', () => this.catchUp(room));
      }, GAP_WAIT_MS);
    } else if (follow.ahead.size === 0) this.clearGapTimer(follow);
  }

  private drain(room: Room, follow: Follow): void {
    for (let next = follow.ahead.get(room.appliedSeq + 1); next !== undefined; next = follow.ahead.get(room.appliedSeq + 1)) {
      follow.ahead.delete(room.appliedSeq + 1);
      if (next) room.applyRemote(next);
      room.appliedSeq++;
    }
  }

  /** After (re)subscribing: read what was missed, tell the others how far we stored (what we published meanwhile was lost) and who is here. */
  private recover(room: Room): void {
    if (!this.follows.has(room)) return;
    this.catchUp(room);
    const channel = docChannel(room.id);
    this.bus.publish(channel, encodeDocMessage({ kind: 'head', from: this.bus.instanceId, seq: room.appliedSeq }));
    this.bus.publish(channel, encodeDocMessage({ kind: 'query', from: this.bus.instanceId }));
    this.publishAwareness(room, localAwarenessIds(room));
  }

  private publishAwareness(room: Room, all: number[]): void {
    // An id a connection announced with a stale clock was never taken in: it has no state to send.
    const ids = all.filter((id) => room.awareness.meta.has(id));
    if (ids.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, ids);
    this.bus.publish(docChannel(room.id), encodeDocMessage({ kind: 'awareness', from: this.bus.instanceId, update }));
  }

  private clearGapTimer(follow: Follow): void {
    if (follow.gapTimer) clearTimeout(follow.gapTimer);
    follow.gapTimer = null;
  }

  /** Runs from Redis and timer callbacks, with no caller to catch: logged, and the room carries on (the next gap catches up again). */
  private guard(room: Room, what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.log(`${what} on ${room.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/** The awareness ids this instance's own connections announced (the others' instances speak for theirs). */
function localAwarenessIds(room: Room): number[] {
  return [...room.conns].flatMap((c) => [...c.awarenessIds]);
}

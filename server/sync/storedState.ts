import * as Y from 'yjs';
import { CloseCode, LIMITS } from '../../shared/closeCodes';
import type { Connection } from './connection';
import { MessageType, SyncType } from './protocol';

/**
 * Longest a room waits before building its document anyway: for a first
 * sync step 1, or after answering one, for a message that needs the document.
 */
const BUILD_AFTER_MS = 1000;
/** What one connection may send while its document is being built: more than any honest client's first messages. */
const MAX_HELD_BYTES = LIMITS.maxDocumentBytes;

export interface StoredStateHooks {
  /** Reads the state into the room (its indexes; see DocState) and prepares it; throws if it is unreadable. */
  build(state: Uint8Array): void;
  /** The state could not be applied (the room closes and unloads without storing anything). */
  failed(error: unknown): void;
}

/**
 * The compacted state of a room that nobody has needed the document of yet.
 * Opening an agreement is one read of these bytes; the first sync step 1 is
 * answered with them as they are (an empty state vector gets the whole
 * state, another the part it lacks, by `Y.diffUpdate`), with nothing to
 * index or encode first. Once that answer is written out, the connections
 * are greeted with the state vector stored beside the bytes (reading it out
 * of them would compete with the client applying its answer). The room's indexes are
 * built when a message needs it (the client's reply to that greeting comes
 * after it has applied the answer, so on a shared machine the two do not
 * compete for a core), or when anything on the server reads it; then the
 * held messages are handled, in the order they came. Presence messages
 * wait for the build too (they name the sender's party from the document).
 *
 * The bytes are what compaction wrote from a live document, so they are a
 * valid update; should building fail anyway, every connection is closed
 * with 4422 and nothing is stored.
 */
export class StoredState {
  private state: Uint8Array | null;
  /** The state vector of `state` (to greet before the build). */
  private vector: Uint8Array | null;
  /** A first answer was written out: from then on, new connections are greeted at once. */
  private answered = false;
  private readonly toGreet = new Set<Connection>();
  private readonly held = new Map<Connection, { messages: Uint8Array[]; bytes: number }>();
  private timer: NodeJS.Timeout | null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    state: Uint8Array,
    /** Stored with the state at compaction; read out of the state if it was compacted before they were kept. */
    vector: Uint8Array | null,
    private readonly hooks: StoredStateHooks,
  ) {
    this.state = state;
    this.vector = vector;
    this.timer = setTimeout(() => this.applyLogged(), BUILD_AFTER_MS);
  }

  get isApplied(): boolean {
    return this.state === null;
  }

  /** Builds the document now if it is not yet. Throws if the stored state is unreadable. */
  apply(): void {
    const state = this.state;
    if (state === null) return;
    this.state = null;
    this.cancelTimers();
    try {
      this.hooks.build(state);
    } catch (error) {
      this.hooks.failed(error);
      throw new Error(`the stored document could not be loaded: ${String(error)}`, { cause: error });
    }
    const greet = [...this.toGreet];
    this.toGreet.clear();
    for (const conn of greet) conn.greet(null);
    const held = [...this.held];
    this.held.clear();
    for (const [conn, { messages }] of held) for (const message of messages) conn.handleHeld(message);
  }

  /**
   * The answer to `conn`'s sync step 1 from the stored bytes, or null once
   * the document is built. The build waits until the answer is written out:
   * the kernel takes a large write in parts, and the rest would otherwise
   * wait for the event loop while the build holds it.
   */
  answer(conn: Connection, stateVector: Uint8Array): Uint8Array | null {
    const state = this.state;
    if (state === null) return null;
    if (this.timer) clearTimeout(this.timer);
    // Should the client not read its answer, the document is built anyway.
    this.timer = setTimeout(() => this.applyLogged(), BUILD_AFTER_MS);
    conn.whenWritten(() => this.greetFromBytes());
    return Y.decodeStateVector(stateVector).size === 0 ? state : Y.diffUpdate(state, stateVector);
  }

  /**
   * Whether `message` waits for the document. A sync step 1 does not (it is
   * answered from the stored bytes) unless earlier messages of `conn` wait.
   */
  hold(conn: Connection, message: Uint8Array): boolean {
    if (this.state === null) return false;
    const queue = this.held.get(conn);
    if (!queue && isSyncStep1(message)) return false;
    const entry = queue ?? { messages: [], bytes: 0 };
    entry.messages.push(message);
    entry.bytes += message.byteLength;
    this.held.set(conn, entry);
    if (entry.bytes > MAX_HELD_BYTES) conn.close(CloseCode.RateLimited, 'too much sent before the document loaded');
    else if (!isPresence(message)) this.buildSoon();
    return true;
  }

  /** `conn` is greeted once the state vector is read from the bytes, or once the document is built. */
  greetLater(conn: Connection): void {
    if (this.state === null) conn.greet(null);
    else if (this.vector && this.answered) conn.greet(this.vector);
    else this.toGreet.add(conn);
  }

  /** After the first answer is written: greets everyone waiting, from the bytes' state vector. */
  private greetFromBytes(): void {
    if (this.state === null) return;
    this.answered = true;
    this.vector ??= Y.encodeStateVectorFromUpdate(this.state);
    const greet = [...this.toGreet];
    this.toGreet.clear();
    for (const conn of greet) conn.greet(this.vector);
  }

  forget(conn: Connection): void {
    this.toGreet.delete(conn);
    this.held.delete(conn);
  }

  cancel(): void {
    this.cancelTimers();
    this.toGreet.clear();
    this.held.clear();
  }

  /** After the current turn, so that what is being sent leaves before the build takes the event loop. */
  private buildSoon(): void {
    this.immediate ??= setImmediate(() => this.applyLogged());
  }

  /** From a timer: a failure was already handled (connections closed, room unloaded); nothing to throw to. */
  private applyLogged(): void {
    try {
      this.apply();
    } catch {
      // reported through hooks.failed
    }
  }

  private cancelTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}

/** Awareness updates and queries: held, but they do not build the document. */
function isPresence(message: Uint8Array): boolean {
  return message[0] === MessageType.Awareness || message[0] === MessageType.QueryAwareness;
}

function isSyncStep1(message: Uint8Array): boolean {
  // Both are single-byte varUints: [0 sync, 0 step 1, …].
  return message.length >= 2 && message[0] === MessageType.Sync && message[1] === SyncType.Step1;
}

import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, LIMITS } from '../../shared/closeCodes';
import { MessageType, SyncType, awarenessMessage, syncStep1Message, syncStep2Message } from './protocol';
import { filterPresence, type PresenceOwner } from './presence';
import type { Room } from './room';
import { TokenBucket } from './rateLimit';
import { checkUpdate } from './schemaGuard';
import type { Authorship } from './authorship';

/** A socket whose send buffer grows past this is not reading: drop it. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface ConnectionOptions {
  /** Whose connection this is: to close it when their rights change, and to stamp their presence. */
  participantId: string;
  name: string;
  partyId: string;
  role: string;
  /** Viewers and commenters: document writes are dropped, never stored or broadcast. */
  readOnly: boolean;
  /** Refuses updates under a client id bound to someone else, and records who wrote what. */
  authorship: Authorship;
  log?: (message: string) => void;
}

/**
 * One client on one room, speaking the y-websocket protocol. Enforces the
 * per-connection limits; any malformed input closes this socket only.
 */
export class Connection implements PresenceOwner {
  readonly awarenessIds = new Set<number>();
  private readonly rate = new TokenBucket(LIMITS.messageBurst, LIMITS.maxMessagesPerSecond);
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    /** The raw socket under `ws`, for writing pre-framed broadcasts. */
    private readonly socket: Duplex,
    readonly room: Room,
    private readonly options: ConnectionOptions,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => this.close(CloseCode.BadMessage, 'protocol error'));
    // The room greets us now, or once its document is built (see StoredState).
    room.join(this);
  }

  /** Like the reference server: our state vector (given, or the document's), then who is already here. */
  greet(stateVector: Uint8Array | null): void {
    this.send(syncStep1Message(stateVector ?? this.room.state.encodedStateVector()));
    const states = this.room.awareness.getStates();
    if (states.size > 0) {
      this.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...states.keys()])));
    }
  }

  /** A message the room held while its document was being built (already size- and rate-checked). */
  handleHeld(message: Uint8Array): void {
    if (this.closed) return;
    try {
      this.handle(message);
    } catch {
      this.close(CloseCode.BadMessage, 'malformed message');
    }
  }

  get participantId(): string {
    return this.options.participantId;
  }

  get name(): string {
    return this.options.name;
  }

  get partyId(): string {
    return this.options.partyId;
  }

  get role(): string {
    return this.options.role;
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.isOpen) this.ws.send(message, { binary: true });
  }

  /** Runs `fn` once what this turn sends has been handed to the kernel: after the turn, or at the socket's next 'drain'. */
  whenWritten(fn: () => void): void {
    setImmediate(() => {
      if (this.socket.writableLength === 0 || !this.isOpen) fn();
      else this.socket.once('drain', fn);
    });
  }

  /** Writes an already framed message straight to the socket. */
  writeFrame(frame: Buffer): void {
    if (!this.isOpen) return;
    if (this.socket.writableLength > MAX_BUFFERED_BYTES) {
      this.closed = true;
      this.ws.terminate();
      return;
    }
    this.socket.write(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    this.leave();
  }

  private onClose(): void {
    this.closed = true;
    this.leave();
  }

  /**
   * Runs from socket events ('close', 'error') with no caller to catch for
   * them; leaving tells the others (presence) and may schedule an unload.
   */
  private leave(): void {
    try {
      this.room.leave(this);
    } catch (error) {
      (this.options.log ?? console.error)(`leaving ${this.room.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary || !(data instanceof Buffer)) return this.close(CloseCode.BadMessage, 'binary frames only');
    if (data.byteLength > LIMITS.maxFrameBytes) return this.close(CloseCode.FrameTooLarge, 'frame too large');
    if (!this.rate.take()) return this.close(CloseCode.RateLimited, 'too many messages');
    try {
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!this.room.hold(this, message)) this.handle(message);
    } catch {
      this.close(CloseCode.BadMessage, 'malformed message');
    }
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        return this.handleSync(decoder);
      case MessageType.Awareness: {
        const update = filterPresence(decoding.readVarUint8Array(decoder), this, this.room);
        if (update) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
        return;
      }
      case MessageType.QueryAwareness: {
        if (!this.rate.take(LIMITS.fullStateCost)) return this.close(CloseCode.RateLimited, 'too many messages');
        const ids = [...this.room.awareness.getStates().keys()];
        this.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids)));
        return;
      }
      case MessageType.Auth:
        return; // Authentication happens at the HTTP upgrade, not in-band.
      default:
        this.close(CloseCode.BadMessage, `unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sub === SyncType.Step1) {
      if (!this.rate.take(LIMITS.fullStateCost)) return this.close(CloseCode.RateLimited, 'too many messages');
      this.send(syncStep2Message(this.room.stateAsUpdate(this, payload)));
      return;
    }
    if (sub !== SyncType.Step2 && sub !== SyncType.Update) {
      this.close(CloseCode.BadMessage, `unknown sync message ${sub}`);
      return;
    }
    // Dropped at the protocol level: never stored, never broadcast.
    if (this.options.readOnly) return;
    if (this.room.locked) return this.room.droppedWhileLocked();
    if (this.room.byteSize + payload.byteLength > LIMITS.maxDocumentBytes) {
      this.close(CloseCode.DocumentTooLarge, 'document too large');
      return;
    }
    this.applyUpdate(payload);
  }

  /**
   * Applies a client's update. An update that does not decode, or whose
   * dependencies are missing (never the case for an honest client, which
   * only builds on what the server sent), is refused and left unstored.
   */
  private applyUpdate(update: Uint8Array): void {
    const verdict = checkUpdate(this.room.state, update, this.room.template);
    if (!verdict.ok) {
      const outside = verdict.reason === 'outside_schema';
      // An honest client never sends one: worth an operator's look.
      (this.options.log ?? console.error)(`refused an update of ${this.options.participantId} on ${this.room.id}: ${verdict.reason}, ${verdict.detail}`);
      // The reason says what was refused (close reasons are capped at 123 bytes).
      this.close(
        outside ? CloseCode.OutsideSchema : CloseCode.BadMessage,
        `${outside ? 'outside the schema' : 'missing dependencies'}: ${verdict.detail}`.slice(0, 100),
      );
      return;
    }
    const claim = this.options.authorship.claim(this.room.id, this.room.state, this.options.participantId, verdict.clients, this.options.partyId);
    if (!claim.ok) {
      (this.options.log ?? console.error)(
        `refused an update of ${this.options.participantId} on ${this.room.id}: client id ${claim.clientId} is someone else's`,
      );
      this.close(CloseCode.ClientIdTaken, `client id ${claim.clientId} belongs to another participant`);
      return;
    }
    this.room.takeIn(update, verdict, this);
  }
}

import { z } from 'zod';
import { CloseCode } from '../../shared/closeCodes';
import type { Bus } from './bus';
import { jsonMessage, readJsonMessage } from './jsonMessage';

export const CONTROL_CHANNEL = 'entente:control';

/** What Rooms tells the other instances (server/sync/rooms.ts). */
export interface RoomsControl {
  locked(id: string, locked: boolean, code: number, reason: string): void;
  disconnected(id: string, participantId: string, code: number, reason: string): void;
}

/** What this instance's rooms do when told (the same as their own `setLocked` and `disconnect`, without telling anyone). */
export interface ControlledRooms {
  setLockedHere(id: string, locked: boolean, code: number, reason: string): void;
  disconnectHere(id: string, participantId: string, code: number, reason: string): void;
  /** Reads every loaded room's lock from the database again, closing the connections of those that changed with `code`. */
  refreshLocks(code: number, reason: string): void;
}

const Base = { from: z.string(), id: z.string(), code: z.number().int().min(1000).max(4999), reason: z.string().max(123) };
const ControlMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lock'), locked: z.boolean(), ...Base }),
  z.object({ kind: z.literal('disconnect'), participantId: z.string(), ...Base }),
]);
type ControlMessage = z.infer<typeof ControlMessage>;

/**
 * Lock, unlock and disconnections across instances: a lock taken on one
 * instance closes the live sockets of every other at once. The database
 * decides the lock (an append after it is refused on any instance, see
 * PgDocLog), so a lost message costs at most an edit refused and its
 * sockets closed then; an unlock missed while Redis was away is read again
 * from the database when Redis is back (`refreshLocks`).
 */
export class Control implements RoomsControl {
  private rooms: ControlledRooms | null = null;

  constructor(
    private readonly bus: Bus,
    private readonly log: (message: string) => void,
  ) {
    void bus
      .subscribe(CONTROL_CHANNEL, (message) => this.receive(message))
      .catch((error: unknown) => log(`redis: subscribing to control failed (again when Redis is back): ${String(error)}`));
    bus.onRecovered(() => this.rooms?.refreshLocks(CloseCode.RightsChanged, 'the agreement was locked or unlocked'));
  }

  /** The rooms that act on what other instances say (set once they exist: they are built with this as their control). */
  attach(rooms: ControlledRooms): void {
    this.rooms = rooms;
  }

  locked(id: string, locked: boolean, code: number, reason: string): void {
    this.send({ kind: 'lock', from: this.bus.instanceId, id, locked, code, reason });
  }

  disconnected(id: string, participantId: string, code: number, reason: string): void {
    this.send({ kind: 'disconnect', from: this.bus.instanceId, id, participantId, code, reason });
  }

  private send(message: ControlMessage): void {
    this.bus.publish(CONTROL_CHANNEL, jsonMessage(message));
  }

  private receive(bytes: Buffer): void {
    const m = readJsonMessage(ControlMessage, bytes, 'control', this.log);
    if (!m || m.from === this.bus.instanceId || !this.rooms) return;
    if (m.kind === 'lock') this.rooms.setLockedHere(m.id, m.locked, m.code, m.reason);
    else this.rooms.disconnectHere(m.id, m.participantId, m.code, m.reason);
  }
}

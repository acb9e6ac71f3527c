import type { Db } from '../store/db';
import { DocStore } from '../store/docs';
import { ParticipantStore } from '../store/participants';
import type { EventHub } from '../events/hub';
import type { Rooms } from '../sync/rooms';
import { Bus } from './bus';
import { Control } from './control';
import { DocRelay } from './docRelay';
import { EventRelay } from './eventRelay';

export interface Cluster {
  bus: Bus;
  /** Leaves Redis (after the rooms closed, so the others hear who left). */
  close(): Promise<void>;
}

/**
 * Joins the other instances over Redis (REDIS_URL): document updates and
 * presence (DocRelay), events (EventRelay), locks and disconnections
 * (Control). Called before any room is loaded or any stream opened. The
 * relay only reads the store (what it missed); writing stays with Rooms.
 */
export async function startCluster(url: string, db: Db, services: { rooms: Rooms; hub: EventHub }, log: (message: string) => void): Promise<Cluster> {
  const bus = await Bus.connect(url, log);
  const control = new Control(bus, log);
  services.rooms.attachCluster(new DocRelay(bus, new DocStore(db), log), control);
  control.attach(services.rooms);
  const participants = new ParticipantStore(db);
  services.hub.relay = new EventRelay(bus, services.hub, (id) => participants.list(id).flatMap((p) => (p.revokedAt === null ? [p.id] : [])), log);
  return { bus, close: () => bus.close() };
}

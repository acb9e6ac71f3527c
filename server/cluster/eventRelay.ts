import { z } from 'zod';
import { EVENT_NAMES, type EventName, type EventPayloads } from '../../shared/events';
import type { EventHub, HubRelay, Payload } from '../events/hub';
import type { Bus } from './bus';
import { jsonMessage, readJsonMessage } from './jsonMessage';

/** One channel for every agreement's events: streams open and close too often to follow a channel each. */
export const EVENTS_CHANNEL = 'entente:events';

const EventMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    from: z.string(),
    agreementId: z.string(),
    name: z.enum(EVENT_NAMES),
    /** The same payload for everyone … */
    all: z.unknown().optional(),
    /** … or one per participant id (those absent get nothing). */
    each: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ kind: z.literal('close'), from: z.string(), agreementId: z.string(), participantId: z.string() }),
]);
type EventMessage = z.infer<typeof EventMessage>;

/**
 * The event stream across instances: what one instance publishes reaches
 * the streams open on every other. A payload that depends on the subscriber
 * (a thread as each participant may see it, a notification for one person)
 * is evaluated here, on the publishing instance, for each participant of the
 * agreement who is not revoked (`participantsOf`): the receiving instance
 * then hands each of its streams its participant's payload, as if published there.
 */
export class EventRelay implements HubRelay {
  constructor(
    private readonly bus: Bus,
    private readonly hub: EventHub,
    private readonly participantsOf: (agreementId: string) => string[],
    private readonly log: (message: string) => void,
  ) {
    void bus
      .subscribe(EVENTS_CHANNEL, (message) => this.receive(message))
      .catch((error: unknown) => log(`redis: subscribing to events failed (again when Redis is back): ${String(error)}`));
    // What the others published meanwhile is lost: the streams here refetch, as after their own reconnection.
    bus.onRecovered(() => hub.missed());
  }

  published<K extends EventName>(agreementId: string, name: K, payload: Payload<K>): void {
    if (name === 'ping' || name === 'ready') return; // per stream, never published
    let message: EventMessage;
    if (typeof payload === 'function') {
      const each: Record<string, unknown> = {};
      for (const participantId of this.participantsOf(agreementId)) {
        const data = payload({ participantId });
        if (data !== undefined) each[participantId] = data;
      }
      if (Object.keys(each).length === 0) return;
      message = { kind: 'event', from: this.bus.instanceId, agreementId, name, each };
    } else message = { kind: 'event', from: this.bus.instanceId, agreementId, name, all: payload };
    this.send(message);
  }

  closedFor(agreementId: string, participantId: string): void {
    this.send({ kind: 'close', from: this.bus.instanceId, agreementId, participantId });
  }

  private send(message: EventMessage): void {
    this.bus.publish(EVENTS_CHANNEL, jsonMessage(message));
  }

  private receive(bytes: Buffer): void {
    const message = readJsonMessage(EventMessage, bytes, 'event', this.log);
    if (!message || message.from === this.bus.instanceId) return;
    if (message.kind === 'close') return this.hub.closeHere(message.agreementId, message.participantId);
    this.deliver(message.agreementId, message.name, message);
  }

  /** Payloads are written by the instances themselves (this class), from the same shared/events.ts types. */
  private deliver<K extends EventName>(agreementId: string, name: K, message: { all?: unknown; each?: Record<string, unknown> }): void {
    const { each } = message;
    if (each) this.hub.deliver(agreementId, name, (sub) => each[sub.participantId] as EventPayloads[K] | undefined);
    else if (message.all !== undefined) this.hub.deliver(agreementId, name, message.all as EventPayloads[K]);
  }
}

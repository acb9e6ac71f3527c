import type { EventName, EventPayloads } from '../../shared/events';

/**
 * Live server events (server-sent events) per agreement: comment threads and
 * participant changes. Each subscriber is one participant's open stream; what
 * it may receive is decided by whoever publishes, per subscriber.
 */
export interface Subscriber {
  participantId: string;
  send<K extends EventName>(event: K, data: EventPayloads[K]): void;
  close(): void;
}

/**
 * One payload for everyone, or one per subscriber (undefined: this one gets nothing). A function
 * may read only the participant id: with several instances it is also asked for those of other
 * instances' streams (server/cluster/eventRelay.ts).
 */
export type Payload<K extends EventName> = EventPayloads[K] | ((subscriber: Pick<Subscriber, 'participantId'>) => EventPayloads[K] | undefined);

/** The other instances (server/cluster/eventRelay.ts): told what is published and closed here. */
export interface HubRelay {
  published<K extends EventName>(agreementId: string, name: K, payload: Payload<K>): void;
  closedFor(agreementId: string, participantId: string): void;
}

export class EventHub {
  private readonly byAgreement = new Map<string, Set<Subscriber>>();
  /** Set when several instances share the work (REDIS_URL). */
  relay: HubRelay | null = null;

  subscribe(agreementId: string, subscriber: Subscriber): () => void {
    let set = this.byAgreement.get(agreementId);
    if (!set) this.byAgreement.set(agreementId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byAgreement.delete(agreementId);
    };
  }

  /** Sends `name` to every stream open on the agreement, on every instance; a function payload is asked per subscriber. */
  publish<K extends EventName>(agreementId: string, name: K, payload: Payload<K>): void {
    this.deliver(agreementId, name, payload);
    this.relay?.published(agreementId, name, payload);
  }

  /** Sends `name` to this instance's streams only (what another instance published). */
  deliver<K extends EventName>(agreementId: string, name: K, payload: Payload<K>): void {
    for (const sub of this.subscribers(agreementId)) {
      const data = typeof payload === 'function' ? payload(sub) : payload;
      if (data !== undefined) sub.send(name, data);
    }
  }

  /** Tells every stream here that it may have missed events (another instance's, while Redis was away): like a new stream, they refetch. */
  missed(): void {
    for (const agreementId of [...this.byAgreement.keys()]) this.deliver(agreementId, 'ready', {});
  }

  /** Ends a participant's streams (revoked, or their rights changed), on every instance. */
  closeFor(agreementId: string, participantId: string): void {
    this.closeHere(agreementId, participantId);
    this.relay?.closedFor(agreementId, participantId);
  }

  /** Ends a participant's streams on this instance only. */
  closeHere(agreementId: string, participantId: string): void {
    for (const s of this.subscribers(agreementId)) if (s.participantId === participantId) s.close();
  }

  closeAll(): void {
    for (const set of this.byAgreement.values()) for (const s of set) s.close();
    this.byAgreement.clear();
  }

  private subscribers(agreementId: string): Subscriber[] {
    return [...(this.byAgreement.get(agreementId) ?? [])];
  }
}

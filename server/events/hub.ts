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

/** One payload for everyone, or one per subscriber (undefined: this one gets nothing). */
export type Payload<K extends EventName> = EventPayloads[K] | ((subscriber: Subscriber) => EventPayloads[K] | undefined);

export class EventHub {
  private readonly byAgreement = new Map<string, Set<Subscriber>>();

  subscribe(agreementId: string, subscriber: Subscriber): () => void {
    let set = this.byAgreement.get(agreementId);
    if (!set) this.byAgreement.set(agreementId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byAgreement.delete(agreementId);
    };
  }

  /** Sends `name` to every stream open on the agreement; a function payload is asked per subscriber. */
  publish<K extends EventName>(agreementId: string, name: K, payload: Payload<K>): void {
    for (const sub of this.subscribers(agreementId)) {
      const data = typeof payload === 'function' ? payload(sub) : payload;
      if (data !== undefined) sub.send(name, data);
    }
  }

  /** Ends a participant's streams (revoked, or their rights changed). */
  closeFor(agreementId: string, participantId: string): void {
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

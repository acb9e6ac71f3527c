/**
 * Live server events (server-sent events) per agreement: comment threads and
 * participant changes. Each subscriber is one participant's open stream; what
 * it may receive is decided by whoever publishes, per subscriber.
 */
export interface Subscriber {
  participantId: string;
  send(event: string, data: unknown): void;
  close(): void;
}

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

  subscribers(agreementId: string): Subscriber[] {
    return [...(this.byAgreement.get(agreementId) ?? [])];
  }

  /** Ends a participant's streams (revoked, or their rights changed). */
  closeFor(agreementId: string, participantId: string): void {
    for (const s of this.subscribers(agreementId)) if (s.participantId === participantId) s.close();
  }

  closeAll(): void {
    for (const set of this.byAgreement.values()) for (const s of set) s.close();
    this.byAgreement.clear();
  }
}

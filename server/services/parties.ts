import type { z } from 'zod';
import type { AddPartySchema, PartyView } from '../../shared/api';
import { newId, partiesOf, unlistParty, writeParty } from '../../shared/schema';
import type { AgreementTemplate } from '../../shared/template';
import { HttpError, notFound } from '../errors';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { Participant, ParticipantStore } from '../store/participants';
import type { PartyStore } from '../store/parties';
import type { AgreementStatus } from '../store/versions';
import type { Rooms } from '../sync/rooms';

export interface PartyServiceDeps {
  parties: PartyStore;
  participants: ParticipantStore;
  rooms: Rooms;
  audit: AuditLog;
  hub: EventHub;
  templateOf: (agreementId: string) => AgreementTemplate;
  statusOf: (agreementId: string) => AgreementStatus;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Adding and removing parties. Parties are server data: only this service
 * changes the list (the document's `partyIds` mirrors it and clients may not
 * write to it), so who the parties are cannot be changed by an edit.
 */
export class PartyService {
  constructor(private readonly d: PartyServiceDeps) {}

  list(agreementId: string): PartyView[] {
    const counts = new Map<string, number>();
    for (const p of this.d.participants.list(agreementId)) if (p.revokedAt === null) counts.set(p.partyId, (counts.get(p.partyId) ?? 0) + 1);
    const names = this.d.rooms.read(agreementId, (doc) => new Map(partiesOf(doc).map((p) => [p.id, text(p.map.get('legalName'))])));
    return this.d.parties.list(agreementId).map((id, index) => ({ id, index, legalName: names.get(id) ?? '', participants: counts.get(id) ?? 0 }));
  }

  add(by: Participant, input: z.output<typeof AddPartySchema>): PartyView {
    const agreementId = by.agreementId;
    this.expectDraft(agreementId);
    const template = this.d.templateOf(agreementId);
    const id = newId();
    this.d.parties.transaction(() => {
      this.d.parties.add(agreementId, id);
      this.d.audit.append(agreementId, by.id, 'party_added', { partyId: id, legalName: input.legalName });
    });
    this.d.rooms.change(agreementId, (doc) => writeParty(doc, id, { ...input, mission: '' }, template));
    return this.changed(agreementId, id);
  }

  remove(by: Participant, partyId: string): PartyView[] {
    const agreementId = by.agreementId;
    if (!this.d.parties.has(agreementId, partyId)) throw notFound('party');
    this.expectDraft(agreementId);
    const template = this.d.templateOf(agreementId);
    const before = this.list(agreementId);
    if (before.length <= template.minParties) {
      throw new HttpError(409, 'min_parties', `This kind of agreement needs at least ${template.minParties} parties.`);
    }
    const ties = this.d.parties.ties(agreementId, partyId);
    if (ties.participants > 0) throw new HttpError(409, 'party_has_participants', 'This party still has participants: move or revoke them first.');
    if (ties.approvals > 0) throw new HttpError(409, 'party_has_signed', 'This party has approved sections: it cannot be removed.');
    if (ties.signatures > 0) throw new HttpError(409, 'party_has_signed', 'This party has signed a version: it cannot be removed.');
    const legalName = before.find((p) => p.id === partyId)?.legalName ?? '';
    this.d.parties.transaction(() => {
      this.d.parties.remove(agreementId, partyId);
      this.d.audit.append(agreementId, by.id, 'party_removed', { partyId, legalName });
    });
    this.d.rooms.change(agreementId, (doc) => unlistParty(doc, partyId, template));
    this.announce(agreementId);
    return this.list(agreementId);
  }

  private expectDraft(agreementId: string): void {
    const status = this.d.statusOf(agreementId);
    if (status !== 'draft') throw new HttpError(409, status, `The agreement is ${status}: unlock or cancel first.`);
  }

  private changed(agreementId: string, id: string): PartyView {
    const view = this.announce(agreementId).find((p) => p.id === id);
    if (!view) throw notFound('party');
    return view;
  }

  /** Every participant may see the parties: one payload for all subscribers. */
  private announce(agreementId: string): PartyView[] {
    const parties = this.list(agreementId);
    this.d.hub.publish(agreementId, 'parties', { parties });
    return parties;
  }
}

import type { z } from 'zod';
import type { InviteSchema, Me, ParticipantView, UpdateParticipantSchema } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { assertOwnerKept, assertSignersKept, rightsOf } from '../auth/policy';
import type { Authenticator } from '../auth/sessions';
import { newLinkToken, newRowId } from '../auth/tokens';
import { HttpError, notFound } from '../errors';
import type { Participant, ParticipantStore } from '../store/participants';
import type { Rooms } from '../sync/rooms';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { PartyStore } from '../store/parties';
import type { VersionSigner } from '../store/versions';

export const linkOf = (token: string): string => `/join/${token}`;

/** A participant just created or given a new link, with the token: known only in this answer, never stored. */
export type WithToken = Participant & { token: string };

/** What everyone may see of a participant; `link` only in the one answer that issues it. */
export function toView(p: Participant, link?: string): ParticipantView {
  const view: ParticipantView = {
    id: p.id,
    name: p.name,
    email: p.email,
    partyId: p.partyId,
    role: p.role,
    signatory: p.signatory,
    createdAt: p.createdAt,
    revokedAt: p.revokedAt,
  };
  if (link !== undefined) view.link = link;
  return view;
}

/**
 * Inviting people, changing their rights, revoking them — and applying that
 * to live connections. Routes ask the policy whether the caller may manage;
 * what may change (the owner, who signs a locked version) the policy says too.
 */
export class ParticipantService {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly auth: Authenticator,
    private readonly rooms: Rooms,
    private readonly hub: EventHub,
    private readonly audit: AuditLog,
    private readonly parties: PartyStore,
    /** While the agreement is locked, who was recorded to sign it (null otherwise). */
    private readonly lockedSigners: (agreementId: string) => VersionSigner[] | null,
    /** The id of the template an agreement was drafted from (its record's). */
    private readonly templateIdOf: (agreementId: string) => string,
    /** After an invitation is stored: the invited person is told, with their personal link. */
    private readonly invited?: (participant: Participant, link: string) => void,
  ) {}

  me(p: Participant): Me {
    return { participant: toView(p), agreementId: p.agreementId, templateId: this.templateIdOf(p.agreementId), can: rightsOf(p) };
  }

  /** Everyone on the agreement. No links: the server keeps only their hashes. */
  list(viewer: Participant): ParticipantView[] {
    return this.participants.list(viewer.agreementId).map((p) => toView(p));
  }

  createOwner(agreementId: string, owner: { name: string; email: string; partyId: string }): WithToken {
    return this.insert(agreementId, { ...owner, role: 'owner', signatory: false });
  }

  invite(by: Participant, input: z.output<typeof InviteSchema>): ParticipantView {
    this.assertParty(by.agreementId, input.partyId);
    assertSignersKept(this.lockedSigners(by.agreementId), null, { signatory: input.signatory, partyId: input.partyId, revoked: false });
    const invited = this.insert(by.agreementId, input);
    const view = toView(invited, linkOf(invited.token));
    this.audit.append(by.agreementId, by.id, 'invited', {
      participantId: view.id,
      name: view.name,
      email: view.email,
      partyId: view.partyId,
      role: view.role,
      signatory: view.signatory,
    });
    this.announce(by.agreementId);
    this.invited?.(invited, linkOf(invited.token));
    return view;
  }

  update(by: Participant, id: string, input: z.output<typeof UpdateParticipantSchema>): ParticipantView {
    const target = this.target(by, id);
    if (input.role !== undefined) assertOwnerKept(target, 'role');
    if (input.partyId !== undefined) this.assertParty(by.agreementId, input.partyId);
    const next = {
      role: input.role ?? target.role,
      signatory: input.signatory ?? target.signatory,
      partyId: input.partyId ?? target.partyId,
    };
    assertSignersKept(this.lockedSigners(by.agreementId), target, { ...next, revoked: false });
    this.participants.update(id, next);
    this.audit.append(by.agreementId, by.id, 'role_changed', {
      participantId: id,
      from: { role: target.role, signatory: target.signatory, partyId: target.partyId },
      to: next,
    });
    if (next.role !== target.role || next.partyId !== target.partyId) {
      // Live connections still carry the old rights: make them reconnect with the new ones.
      this.disconnect(by.agreementId, id, CloseCode.RightsChanged, 'your role changed');
    }
    this.announce(by.agreementId);
    return toView({ ...target, ...next });
  }

  revoke(by: Participant, id: string): ParticipantView {
    const target = this.target(by, id);
    assertOwnerKept(target, 'revoke');
    assertSignersKept(this.lockedSigners(by.agreementId), target, { signatory: target.signatory, partyId: target.partyId, revoked: true });
    this.participants.revoke(id);
    this.audit.append(by.agreementId, by.id, 'revoked', { participantId: id, name: target.name });
    this.auth.endSessions(id);
    this.disconnect(by.agreementId, id, CloseCode.Revoked, 'access revoked');
    const revoked = this.participants.get(id);
    if (!revoked) throw notFound('participant');
    this.announce(by.agreementId);
    return toView(revoked);
  }

  /**
   * A new personal link for someone whose link leaked or was lost: the old
   * one stops working at once (/join, bearer, websocket), and so does every
   * session opened with it — they need the new link, as they would after a
   * password reset. Their live sockets close with 4401 (stop, then the client
   * asks them to open their link); the owner renewing their own link keeps
   * the session (or person) making the request, and their sockets reconnect (4001).
   */
  reissueLink(by: Participant, id: string, keepSession?: string, keepPerson?: string): ParticipantView {
    const target = this.target(by, id);
    const { token, tokenHash } = newLinkToken();
    if (!this.participants.replaceTokenHash(id, tokenHash)) throw notFound('participant');
    const self = target.id === by.id;
    this.auth.endSessions(id, self ? keepSession : undefined);
    // Browsers signed in as a person who opened the old link lose it too (server/auth/persons.ts).
    this.auth.detachFromPersons(id, self ? keepPerson : undefined);
    this.audit.append(by.agreementId, by.id, 'link_reissued', { participantId: id, name: target.name });
    if (self) this.disconnect(by.agreementId, id, CloseCode.RightsChanged, 'your personal link was renewed');
    else this.disconnect(by.agreementId, id, CloseCode.Unauthenticated, 'your personal link was replaced');
    return toView(target, linkOf(token));
  }

  private insert(agreementId: string, p: { name: string; email: string; partyId: string; role: Participant['role']; signatory: boolean }): WithToken {
    const { token, tokenHash } = newLinkToken();
    return { ...this.participants.insert({ id: newRowId(), agreementId, ...p, tokenHash }), token };
  }

  private target(by: Participant, id: string): Participant {
    const target = this.participants.get(id);
    if (!target || target.agreementId !== by.agreementId) throw notFound('participant');
    if (target.revokedAt !== null) throw new HttpError(409, 'revoked', 'This participant was revoked.');
    return target;
  }

  private assertParty(agreementId: string, partyId: string): void {
    if (!this.parties.has(agreementId, partyId)) throw new HttpError(400, 'invalid_request', 'partyId: no such party in this agreement');
  }

  /** Tells everyone connected that the participant list changed; each fetches what they may see. */
  private announce(agreementId: string): void {
    this.hub.publish(agreementId, 'participants', {});
  }

  private disconnect(agreementId: string, participantId: string, code: number, reason: string): void {
    // Their event stream carries what their old rights allowed: end it too.
    this.hub.closeFor(agreementId, participantId);
    this.rooms.disconnect(agreementId, participantId, code, reason);
  }
}

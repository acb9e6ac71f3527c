import type { z } from 'zod';
import type { InviteSchema, Me, ParticipantView, UpdateParticipantSchema } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { can, rightsOf } from '../auth/policy';
import type { Authenticator } from '../auth/sessions';
import { hashToken, newRowId, newToken } from '../auth/tokens';
import { HttpError, notFound } from '../errors';
import type { Participant, ParticipantStore } from '../store/participants';
import type { Rooms } from '../sync/rooms';
import type { EventHub } from '../events/hub';
import type { AuditLog } from '../store/audit';
import type { PartyStore } from '../store/parties';

export const linkOf = (token: string): string => `/join/${token}`;

export function toView(p: Participant, withLink: boolean): ParticipantView {
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
  if (withLink) view.link = linkOf(p.token);
  return view;
}

/** Inviting people, changing their rights, revoking them — and applying that to live connections. */
export class ParticipantService {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly auth: Authenticator,
    private readonly rooms: Rooms,
    private readonly hub: EventHub,
    private readonly audit: AuditLog,
    private readonly parties: PartyStore,
  ) {}

  me(p: Participant): Me {
    return { participant: toView(p, true), agreementId: p.agreementId, can: rightsOf(p) };
  }

  /** Everyone on the agreement; only a manager sees the others' links. */
  list(viewer: Participant): ParticipantView[] {
    const manager = can(viewer, 'manage');
    return this.participants.list(viewer.agreementId).map((p) => toView(p, manager || p.id === viewer.id));
  }

  createOwner(agreementId: string, owner: { name: string; email: string; partyId: string }): Participant {
    return this.insert(agreementId, { ...owner, role: 'owner', signatory: false });
  }

  invite(by: Participant, input: z.output<typeof InviteSchema>): ParticipantView {
    this.assertParty(by.agreementId, input.partyId);
    const view = toView(this.insert(by.agreementId, input), true);
    this.audit.append(by.agreementId, by.id, 'invited', { participantId: view.id, name: view.name, email: view.email, partyId: view.partyId, role: view.role, signatory: view.signatory });
    this.announce(by.agreementId);
    return view;
  }

  update(by: Participant, id: string, input: z.output<typeof UpdateParticipantSchema>): ParticipantView {
    const target = this.target(by, id);
    if (target.role === 'owner' && input.role !== undefined) {
      throw new HttpError(400, 'invalid_request', "The owner's role cannot be changed.");
    }
    if (input.partyId !== undefined) this.assertParty(by.agreementId, input.partyId);
    const next = {
      role: input.role ?? target.role,
      signatory: input.signatory ?? target.signatory,
      partyId: input.partyId ?? target.partyId,
    };
    this.participants.update(id, next);
    this.audit.append(by.agreementId, by.id, 'role_changed', { participantId: id, from: { role: target.role, signatory: target.signatory, partyId: target.partyId }, to: next });
    if (next.role !== target.role || next.partyId !== target.partyId) {
      // Live connections still carry the old rights: make them reconnect with the new ones.
      this.disconnect(by.agreementId, id, CloseCode.RightsChanged, 'your role changed');
    }
    this.announce(by.agreementId);
    return toView({ ...target, ...next }, true);
  }

  revoke(by: Participant, id: string): ParticipantView {
    const target = this.target(by, id);
    if (target.role === 'owner') throw new HttpError(400, 'invalid_request', 'The owner cannot be revoked.');
    this.participants.revoke(id);
    this.audit.append(by.agreementId, by.id, 'revoked', { participantId: id, name: target.name });
    this.auth.endSessions(id);
    this.disconnect(by.agreementId, id, CloseCode.Revoked, 'access revoked');
    const revoked = this.participants.get(id);
    if (!revoked) throw notFound('participant');
    this.announce(by.agreementId);
    return toView(revoked, true);
  }

  private insert(agreementId: string, p: { name: string; email: string; partyId: string; role: Participant['role']; signatory: boolean }): Participant {
    const token = newToken();
    return this.participants.insert({ id: newRowId(), agreementId, ...p, token, tokenHash: hashToken(token) });
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
    for (const sub of this.hub.subscribers(agreementId)) sub.send('participants', {});
  }

  private disconnect(agreementId: string, participantId: string, code: number, reason: string): void {
    // Their event stream carries what their old rights allowed: end it too.
    this.hub.closeFor(agreementId, participantId);
    const room = this.rooms.loaded(agreementId);
    if (!room) return;
    for (const conn of [...room.conns]) if (conn.participantId === participantId) conn.close(code, reason);
  }
}

/** Who the session is, and who else takes part in an agreement (server/routes/participants.ts). */
import type { InviteInput, UpdateParticipantInput } from '../../shared/api';
import { MeSchema, ParticipantListSchema, ParticipantViewSchema } from '../../shared/schemas/participants';
import { get, json, request, under } from './http';

/** Who the session is on this agreement: participant, party, role and rights. 401/403 if none. */
export const getMe = (id: string, signal?: AbortSignal) => get(under(id, '/me'), MeSchema, signal);

export const listParticipants = async (id: string, signal?: AbortSignal) => (await get(under(id, '/participants'), ParticipantListSchema, signal)).participants;
export const inviteParticipant = (id: string, input: InviteInput) => request(under(id, '/participants'), ParticipantViewSchema, json('POST', input));
export const updateParticipant = (id: string, pid: string, input: UpdateParticipantInput) =>
  request(under(id, `/participants/${pid}`), ParticipantViewSchema, json('PATCH', input));
export const revokeParticipant = (id: string, pid: string) => request(under(id, `/participants/${pid}`), ParticipantViewSchema, json('DELETE'));
/** A new personal link for the participant (in `link`, this once); their old link stops working. */
export const reissueLink = (id: string, pid: string) => request(under(id, `/participants/${pid}/link`), ParticipantViewSchema, json('POST'));

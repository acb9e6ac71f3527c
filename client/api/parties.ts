/** The parties to an agreement (server/routes/parties.ts). */
import type { AddPartyInput } from '../../shared/api';
import { PartyListSchema, PartyViewSchema } from '../../shared/schemas/parties';
import { get, json, request, under } from './http';

export const listParties = async (id: string, signal?: AbortSignal) => (await get(under(id, '/parties'), PartyListSchema, signal)).parties;
export const addParty = (id: string, input: AddPartyInput = {}) => request(under(id, '/parties'), PartyViewSchema, json('POST', input));
export const removeParty = async (id: string, partyId: string) => (await request(under(id, `/parties/${partyId}`), PartyListSchema, json('DELETE'))).parties;

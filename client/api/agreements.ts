/** The agreements this session can open, and creating one (server/routes/agreements.ts). */
import type { CreateAgreementInput } from '../../shared/api';
import { AgreementListSchema, CreatedAgreementSchema } from '../../shared/schemas/agreements';
import { get, json, request } from './http';

export const listAgreements = async () => (await get('/api/agreements', AgreementListSchema)).agreements;

/** Creates an agreement; the server also opens the creator's (owner's) session cookie. */
export const createAgreement = (input: CreateAgreementInput) => request('/api/agreements', CreatedAgreementSchema, json('POST', input));

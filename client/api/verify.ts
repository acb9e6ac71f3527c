/** Checking a copy against what was signed (POST /api/verify, public). */
import { VerifyResultSchema } from '../../shared/schemas/verify';
import { checked, failureOf, json, request } from './http';

export const verifyHash = (hash: string) => request('/api/verify', VerifyResultSchema, json('POST', { hash }));
/** The signed JSON copy (GET …/export.json), as downloaded. */
export async function verifyJsonCopy(file: Blob) {
  const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failureOf(response.status, body);
  return checked(VerifyResultSchema, body, 'POST /api/verify', response.status);
}
export async function verifyPdf(file: Blob) {
  const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json' }, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failureOf(response.status, body);
  return checked(VerifyResultSchema, body, 'POST /api/verify', response.status);
}

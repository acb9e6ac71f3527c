/** Checking a copy against what was signed (POST /api/verify, public). */
import { VerifyResultSchema } from '../../shared/schemas/verify';
import { checked, failureOf, json, request } from './http';

export const verifyHash = (hash: string) => request('/api/verify', VerifyResultSchema, json('POST', { hash }));

/** A downloaded copy sent as it is, with its type. */
async function verifyFile(file: Blob, contentType: 'application/json' | 'application/pdf') {
  const response = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json' }, body: file });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failureOf(response.status, body);
  return checked(VerifyResultSchema, body, 'POST /api/verify', response.status);
}

/** The signed JSON copy (GET …/export.json), as downloaded. */
export const verifyJsonCopy = (file: Blob) => verifyFile(file, 'application/json');
export const verifyPdf = (file: Blob) => verifyFile(file, 'application/pdf');

import type { CreateAgreementInput } from '../../shared/api';
import { ApiErrorSchema } from '../../shared/schemas/errors';
import { ImportedAgreementSchema, type ImportedAgreement } from '../../shared/importSchemas';
import { ApiFailure } from '../apiFailure';
import { checked } from '../api/http';

/**
 * Creates an agreement from a Word draft (POST /api/agreements/import, a
 * multipart form: the browser sets its content type and boundary). Like
 * createAgreement, the server opens the owner's session cookie.
 */
export async function importAgreement(input: CreateAgreementInput, file: File): Promise<ImportedAgreement> {
  const form = new FormData();
  form.set('agreement', JSON.stringify(input));
  form.set('file', file, file.name);
  const response = await fetch('/api/agreements/import', { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiErrorSchema.safeParse(body);
    throw error.success
      ? new ApiFailure(response.status, error.data.error, error.data.message)
      : new ApiFailure(response.status, 'http_error', `HTTP ${response.status}`);
  }
  return checked(ImportedAgreementSchema, body, 'POST /api/agreements/import', response.status);
}

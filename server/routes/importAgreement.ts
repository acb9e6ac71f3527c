import { Hono } from 'hono';
import { CreateAgreementSchema } from '../../shared/api';
import type { ImportedAgreement } from '../../shared/importSchemas';
import { findTemplate } from '../../shared/templates';
import { HttpError } from '../errors';
import { convertDocx } from '../import/importDocx';
import type { AgreementService } from '../services/agreements';
import { setSessionCookie } from './access';

/**
 * POST /api/agreements/import: creates an agreement from a Word draft, as
 * POST /api/agreements does (anyone may; the creator becomes the owner).
 * The file is checked and converted before anything is stored, so a bad file
 * creates nothing.
 */
export function importRoutes(service: AgreementService): Hono {
  return new Hono().post('/', async (c) => {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new HttpError(400, 'invalid_request', 'Send a multipart form with "agreement" (JSON) and "file" (.docx).');
    }
    const meta = form.get('agreement');
    const file = form.get('file');
    if (typeof meta !== 'string') throw new HttpError(400, 'invalid_request', 'agreement: the JSON of a new agreement is required');
    if (!(file instanceof File)) throw new HttpError(400, 'invalid_request', 'file: a .docx file is required');
    let json: unknown;
    try {
      json = JSON.parse(meta);
    } catch {
      throw new HttpError(400, 'invalid_json', 'agreement: not JSON');
    }
    const parsed = CreateAgreementSchema.safeParse(json);
    if (!parsed.success) throw new HttpError(400, 'invalid_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const template = findTemplate(parsed.data.templateId);
    if (!template) throw new HttpError(400, 'invalid_request', `templateId: unknown template "${parsed.data.templateId}"`);
    const converted = await convertDocx(Buffer.from(await file.arrayBuffer()), template);
    const { created, sessionToken } = service.create(parsed.data, converted.apply);
    setSessionCookie(c, created.id, sessionToken);
    return c.json<ImportedAgreement>({ ...created, imported: converted.summary }, 201);
  });
}

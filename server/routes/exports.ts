import { Hono } from 'hono';
import { z } from 'zod';
import { SIGNED_COPY_SCHEMA } from '../../shared/lifecycleSchemas';
import type { SignedCopies } from '../lifecycle/copies';
import { VerifyHashSchema } from '../../shared/api';
import { authorize } from '../auth/policy';
import type { ExportService } from '../export/service';
import { HttpError } from '../errors';
import type { AuthEnv } from './access';
import { readBody } from './validate';

/** Mounted under /api/agreements/:id: the signed copy, and the locked version for review. */
export function exportRoutes(exports: ExportService): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/export.pdf', (c) => {
      authorize(c.var.participant, 'read');
      const { pdf, hash, filename } = exports.signedPdf(c.var.participant);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      c.header('X-Content-SHA256', hash);
      return c.body(new Uint8Array(pdf));
    })
    .get('/review.pdf', async (c) => {
      authorize(c.var.participant, 'read');
      const { pdf, filename } = await exports.reviewPdf(c.var.participant);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      return c.body(new Uint8Array(pdf));
    })
    .get('/export.docx', async (c) => {
      authorize(c.var.participant, 'read');
      const { docx, filename } = await exports.signedDocx(c.var.participant);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      return c.body(new Uint8Array(docx));
    });
}

/**
 * POST /api/verify: a PDF (application/pdf body) or `{hash}` → does it match
 * a signed version? Public (no policy): it tells nothing to someone without
 * the copy. The body's size is bounded for every route in bodyLimits.ts.
 */
export function verifyRoutes(exports: ExportService, copies: SignedCopies): Hono {
  return new Hono().post('/', async (c) => {
    if ((c.req.header('content-type') ?? '').startsWith('application/pdf')) {
      const pdf = new Uint8Array(await c.req.arrayBuffer());
      if (pdf.byteLength === 0) throw new HttpError(400, 'invalid_request', 'The file is empty.');
      return c.json(exports.verify({ pdf }));
    }
    const body = await readBody(c, z.unknown());
    // The signed JSON copy names its schema; anything else is a `{hash}`.
    if (isSignedCopy(body)) return c.json(copies.verifyCopy(body));
    const { hash } = VerifyHashSchema.parse(body);
    const result = exports.verify({ hash });
    return c.json(result.match ? result : (copies.verifyHash(hash) ?? result));
  });
}

const isSignedCopy = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && (body as Record<string, unknown>).schema === SIGNED_COPY_SCHEMA;

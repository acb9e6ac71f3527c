import { Hono } from 'hono';
import { CompareQuerySchema, HistoryIdSchema, NameVersionSchema, RestoreSchema } from '../../shared/historySchemas';
import { authorize } from '../auth/policy';
import { HttpError } from '../errors';
import type { HistoryService } from '../services/history';
import type { HistoryCompare } from '../services/historyCompare';
import type { HistoryRedline } from '../services/historyRedline';
import type { HistoryRestorer } from '../services/historyRestorer';
import type { AuthEnv } from './access';
import { readBody, readParam } from './validate';

export interface HistoryRouteDeps {
  service: HistoryService;
  compare: HistoryCompare;
  restorer: HistoryRestorer;
  redline: HistoryRedline;
}

/** `?from=&to=` of a comparison; a malformed side is a 400, an unknown one a 404 (from the service). */
export function compareQuery(query: Record<string, string>): { from: string; to: string } {
  const parsed = CompareQuerySchema.safeParse(query);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', 'from and to: a version id or "current"');
  return parsed.data;
}

/** Mounted under /api/agreements/:id: the drafting history, comparisons, restore and the redline exports. */
export function historyRoutes({ service: history, compare, restorer, redline }: HistoryRouteDeps): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/history', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(history.list(c.var.participant));
    })
    .post('/history', async (c) => {
      const { name } = await readBody(c, NameVersionSchema);
      authorize(c.var.participant, 'edit');
      return c.json(history.name(c.var.participant, name), 201);
    })
    .get('/history/:vid', (c) => {
      const vid = readParam(c, 'vid', HistoryIdSchema, 'version');
      authorize(c.var.participant, 'read');
      return c.json(history.version(c.var.agreementId, vid));
    })
    .get('/history/:vid/state', (c) => {
      const vid = readParam(c, 'vid', HistoryIdSchema, 'version');
      authorize(c.var.participant, 'read');
      const state = history.state(c.var.agreementId, vid);
      return c.body(new Uint8Array(state), 200, { 'content-type': 'application/octet-stream' });
    })
    .post('/history/:vid/restore', async (c) => {
      const vid = readParam(c, 'vid', HistoryIdSchema, 'version');
      const { section } = await readBody(c, RestoreSchema);
      authorize(c.var.participant, 'edit');
      return c.json(restorer.restore(c.var.participant, vid, section), 201);
    })
    .get('/compare', (c) => {
      const { from, to } = compareQuery(c.req.query());
      authorize(c.var.participant, 'read');
      return c.json(compare.compare(c.var.agreementId, from, to));
    })
    .get('/compare.pdf', async (c) => {
      const { from, to } = compareQuery(c.req.query());
      authorize(c.var.participant, 'read');
      const file = await redline.pdf(c.var.agreementId, from, to);
      return c.body(new Uint8Array(file.bytes), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${file.name}"` });
    })
    .get('/compare.docx', async (c) => {
      const { from, to } = compareQuery(c.req.query());
      authorize(c.var.participant, 'read');
      const file = await redline.docx(c.var.agreementId, from, to);
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${file.name}"`,
      });
    });
}

import { Hono, type Context } from 'hono';
import { LifecycleSettingsSchema, LinkedCompareQuerySchema, NoticeInputSchema, RecordInputSchema, RenewalDecisionSchema } from '../../shared/lifecycleSchemas';
import { authorize, authorizeNotice, authorizeRecord } from '../auth/policy';
import type { SignedCopies } from '../lifecycle/copies';
import type { AfterSigningService } from '../lifecycle/service';
import type { FollowUps } from '../lifecycle/followUps';
import type { HistoryRedline, RedlineFile } from '../services/historyRedline';
import { setSessionCookie, type AuthEnv } from './access';
import { HttpError } from '../errors';
import { readBody } from './validate';

/**
 * Mounted under /api/agreements/:id: after signing. The dates, notice and
 * record (GET/PATCH …/lifecycle, POST …/notice, POST …/records) and the
 * signed JSON copy (GET …/export.json); amendments and renewals (…/links,
 * …/amendments, …/renewal) and what one changes (GET …/original-compare,
 * and as a redline, …/original-compare.pdf and .docx).
 */
export function lifecycleRoutes(service: AfterSigningService, copies: SignedCopies, followUps: FollowUps, redline: HistoryRedline): Hono<AuthEnv> {
  const linkedQuery = (query: Record<string, string>) => {
    const parsed = LinkedCompareQuerySchema.safeParse(query);
    if (!parsed.success) throw new HttpError(400, 'invalid_request', 'original: an agreement id; to: a version id or "current"');
    return parsed.data;
  };
  const send = (c: Context<AuthEnv>, file: RedlineFile, type: string): Response =>
    c.body(new Uint8Array(file.bytes), 200, { 'content-type': type, 'content-disposition': `attachment; filename="${file.name}"` });
  return new Hono<AuthEnv>()
    .get('/lifecycle', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(service.view(c.var.participant));
    })
    .patch('/lifecycle', async (c) => {
      const { reviewMeetings } = await readBody(c, LifecycleSettingsSchema);
      authorize(c.var.participant, 'manage');
      return c.json(service.setReviewMeetings(c.var.participant, reviewMeetings));
    })
    .post('/notice', async (c) => {
      const { reason } = await readBody(c, NoticeInputSchema);
      authorizeNotice(c.var.participant);
      return c.json(service.giveNotice(c.var.participant, reason), 201);
    })
    .post('/records', async (c) => {
      const { body } = await readBody(c, RecordInputSchema);
      authorizeRecord(c.var.participant);
      return c.json(service.addRecord(c.var.participant, body), 201);
    })
    .get('/links', (c) => {
      authorize(c.var.participant, 'read');
      return c.json(followUps.links(c.var.agreementId));
    })
    .get('/original-compare', (c) => {
      const { original, to } = linkedQuery(c.req.query());
      authorize(c.var.participant, 'read');
      return c.json(followUps.changes(c.var.agreementId, original, to).cmp);
    })
    .get('/original-compare.pdf', async (c) => {
      const { original, to } = linkedQuery(c.req.query());
      authorize(c.var.participant, 'read');
      return send(c, await redline.linkedPdf(c.var.agreementId, followUps.changes(c.var.agreementId, original, to)), 'application/pdf');
    })
    .get('/original-compare.docx', async (c) => {
      const { original, to } = linkedQuery(c.req.query());
      authorize(c.var.participant, 'read');
      const file = await redline.linkedDocx(c.var.agreementId, followUps.changes(c.var.agreementId, original, to));
      return send(c, file, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    })
    .post('/amendments', (c) => {
      authorize(c.var.participant, 'manage');
      const { id, sessionToken } = followUps.amend(c.var.participant);
      // The owner's browser opens the new draft at once: its session, like a created agreement's.
      setSessionCookie(c, id, sessionToken);
      return c.json({ id }, 201);
    })
    .post('/renewal', async (c) => {
      const { decision } = await readBody(c, RenewalDecisionSchema);
      authorize(c.var.participant, 'manage');
      const { id, sessionToken } = followUps.decideRenewal(c.var.participant, decision);
      if (id && sessionToken) setSessionCookie(c, id, sessionToken);
      return c.json({ id }, 201);
    })
    .get('/export.json', (c) => {
      authorize(c.var.participant, 'read');
      const { json, hash, filename } = copies.download(c.var.participant);
      c.header('Content-Type', 'application/json; charset=UTF-8');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      c.header('X-Content-SHA256', hash);
      return c.body(json);
    });
}

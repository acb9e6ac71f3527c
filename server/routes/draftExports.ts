import { Hono } from 'hono';
import { authorize } from '../auth/policy';
import type { DraftExports } from '../export/draft';
import type { AuthEnv } from './access';

/** Mounted under /api/agreements/:id: the draft as it stands, open suggestions as a redline, for everyone on the agreement. */
export function draftExportRoutes(drafts: DraftExports): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/draft.pdf', async (c) => {
      authorize(c.var.participant, 'read');
      const { pdf, filename } = await drafts.pdf(c.var.participant);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      return c.body(new Uint8Array(pdf));
    })
    .get('/draft.docx', async (c) => {
      authorize(c.var.participant, 'read');
      const { docx, filename } = await drafts.docx(c.var.participant);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      return c.body(new Uint8Array(docx));
    });
}

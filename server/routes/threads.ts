import { Hono } from 'hono';
import { CommentIdSchema, CreateCommentSchema, CreateThreadSchema, EditCommentSchema, ThreadIdSchema } from '../../shared/api';
import { authorize } from '../auth/policy';
import type { CommentService } from '../comments/service';
import type { AuthEnv } from './access';
import { readBody, readParam } from './validate';

/**
 * Mounted under /api/agreements/:id, after `requireParticipant`. The author is
 * always the session's participant; author rules (own comment, thread author
 * or editor) are the policy's, applied by the service to the stored thread.
 */
export function threadRoutes(comments: CommentService): Hono<AuthEnv> {
  const threadId = (c: Parameters<typeof readParam>[0]): string => readParam(c, 'tid', ThreadIdSchema, 'thread');
  const commentId = (c: Parameters<typeof readParam>[0]): string => readParam(c, 'cid', CommentIdSchema, 'comment');
  return new Hono<AuthEnv>()
    .get('/threads', (c) => {
      authorize(c.var.participant, 'read');
      return c.json({ threads: comments.list(c.var.participant) });
    })
    .post('/threads', async (c) => {
      const input = await readBody(c, CreateThreadSchema);
      authorize(c.var.participant, 'comment');
      return c.json(comments.createThread(c.var.participant, input), 201);
    })
    .post('/threads/:tid/comments', async (c) => {
      const id = threadId(c);
      const input = await readBody(c, CreateCommentSchema);
      authorize(c.var.participant, 'comment');
      return c.json(comments.reply(c.var.participant, id, input), 201);
    })
    .post('/threads/:tid/resolve', (c) => {
      const id = threadId(c);
      authorize(c.var.participant, 'comment');
      return c.json(comments.setResolved(c.var.participant, id, true));
    })
    .post('/threads/:tid/reopen', (c) => {
      const id = threadId(c);
      authorize(c.var.participant, 'comment');
      return c.json(comments.setResolved(c.var.participant, id, false));
    })
    .post('/threads/:tid/read', (c) => {
      const id = threadId(c);
      authorize(c.var.participant, 'read');
      return c.json(comments.markRead(c.var.participant, id));
    })
    .patch('/comments/:cid', async (c) => {
      const id = commentId(c);
      const input = await readBody(c, EditCommentSchema);
      authorize(c.var.participant, 'comment');
      return c.json(comments.edit(c.var.participant, id, input));
    })
    .delete('/comments/:cid', (c) => {
      const id = commentId(c);
      authorize(c.var.participant, 'comment');
      return c.json(comments.remove(c.var.participant, id));
    });
}

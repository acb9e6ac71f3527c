import { Hono } from 'hono';
import { CommentIdSchema, CreateCommentSchema, CreateThreadSchema, EditCommentSchema, ThreadIdSchema } from '../../shared/api';
import type { CommentService } from '../comments/service';
import type { AuthEnv } from './access';
import { readBody, readParam } from './validate';

/** Mounted under /api/agreements/:id, after `requireParticipant`. The author is always the session's participant. */
export function threadRoutes(comments: CommentService): Hono<AuthEnv> {
  const threadId = (c: Parameters<typeof readParam>[0]): string => readParam(c, 'tid', ThreadIdSchema, 'thread');
  const commentId = (c: Parameters<typeof readParam>[0]): string => readParam(c, 'cid', CommentIdSchema, 'comment');
  return new Hono<AuthEnv>()
    .get('/threads', (c) => c.json({ threads: comments.list(c.var.participant) }))
    .post('/threads', async (c) => c.json(comments.createThread(c.var.participant, await readBody(c, CreateThreadSchema)), 201))
    .post('/threads/:tid/comments', async (c) => c.json(comments.reply(c.var.participant, threadId(c), await readBody(c, CreateCommentSchema)), 201))
    .post('/threads/:tid/resolve', (c) => c.json(comments.setResolved(c.var.participant, threadId(c), true)))
    .post('/threads/:tid/reopen', (c) => c.json(comments.setResolved(c.var.participant, threadId(c), false)))
    .post('/threads/:tid/read', (c) => c.json(comments.markRead(c.var.participant, threadId(c))))
    .patch('/comments/:cid', async (c) => c.json(comments.edit(c.var.participant, commentId(c), await readBody(c, EditCommentSchema))))
    .delete('/comments/:cid', (c) => c.json(comments.remove(c.var.participant, commentId(c))));
}

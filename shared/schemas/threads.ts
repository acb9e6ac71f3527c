import { z } from 'zod/mini';
import { at } from './common';

/** Where a thread points: a whole section, or a text range inside one of its fragments (also a request field: shared/api.ts). */
export const AnchorSchema = z.object({
  /** The Yjs fragment holding the text (see `fragmentName`). */
  fragment: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Y.encodeRelativePosition of the range start (association 0) and end (association -1), base64. */
  start: z.base64().check(z.maxLength(400)),
  end: z.base64().check(z.maxLength(400)),
  /** The text the range covered when the thread was opened: shown if the text goes away. */
  quote: z.string().check(z.minLength(1), z.maxLength(2000)),
});

/** Who sees a thread: every party ('shared'), or the author's party only. */
export const VISIBILITIES = ['shared', 'party'] as const;

export const CommentViewSchema = z.object({
  id: z.string(),
  /** Sent by the server (its stored row); the client does not need it. */
  threadId: z.optional(z.string()),
  authorId: z.string(),
  authorName: z.string(),
  /** Empty once deleted; the comment stays as a marker so replies keep their place. */
  body: z.string(),
  mentions: z.array(z.string()),
  createdAt: at,
  editedAt: z.nullable(at),
  deletedAt: z.nullable(at),
});

export const ThreadEventSchema = z.object({
  action: z.enum(['resolved', 'reopened']),
  by: z.string(),
  byName: z.string(),
  at,
});

export const ThreadViewSchema = z.object({
  id: z.string(),
  /** Sent by the server (its stored row); the client does not need it. */
  agreementId: z.optional(z.string()),
  section: z.string(),
  anchor: z.nullable(AnchorSchema),
  /** The anchored text is gone; the quote is all that is left of it. */
  orphaned: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  /** The party an internal thread belongs to (and the author's party for shared ones). */
  partyId: z.string(),
  authorId: z.string(),
  createdAt: at,
  resolvedAt: z.nullable(at),
  resolvedBy: z.nullable(z.string()),
  /** The suggestion this thread replies to (shared/suggestions.ts), or null for a comment thread. */
  suggestionId: z.nullable(z.string()),
  history: z.array(ThreadEventSchema),
  comments: z.array(CommentViewSchema),
  /** Comments by others the current participant has not read yet. */
  unread: z.int(),
});
export const ThreadListSchema = z.object({ threads: z.array(ThreadViewSchema) });

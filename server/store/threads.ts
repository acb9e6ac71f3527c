import type { Db } from './db';
import type { Anchor, Visibility } from '../../shared/api';

export interface ThreadRow {
  id: string;
  agreementId: string;
  section: string;
  anchor: Anchor | null;
  visibility: Visibility;
  partyId: string;
  authorId: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** The suggestion this thread replies to (its id in the document), or null for a comment thread. */
  suggestionId: string | null;
}

export interface CommentRow {
  id: string;
  threadId: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface ThreadEventRow {
  threadId: string;
  action: 'resolved' | 'reopened';
  participantId: string;
  at: string;
}

interface RawThread {
  id: string;
  agreement_id: string;
  section_key: string;
  anchor: string | null;
  visibility: Visibility;
  party_id: string;
  author_id: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  suggestion_id: string | null;
}
interface RawComment {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  mentions: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

const toThread = (r: RawThread): ThreadRow => ({
  id: r.id,
  agreementId: r.agreement_id,
  section: r.section_key,
  anchor: r.anchor === null ? null : (JSON.parse(r.anchor) as Anchor),
  visibility: r.visibility,
  partyId: r.party_id,
  authorId: r.author_id,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  suggestionId: r.suggestion_id,
});
const toComment = (r: RawComment): CommentRow => ({
  id: r.id,
  threadId: r.thread_id,
  authorId: r.author_id,
  body: r.body,
  mentions: JSON.parse(r.mentions) as string[],
  createdAt: r.created_at,
  editedAt: r.edited_at,
  deletedAt: r.deleted_at,
});

/** Comment threads, their comments, resolve/reopen history and read marks. */
export class ThreadStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insertThread: db.prepare(
        `INSERT INTO threads (id, agreement_id, section_key, anchor, visibility, party_id, author_id, created_at, suggestion_id)
         VALUES (@id, @agreementId, @section, @anchor, @visibility, @partyId, @authorId, @createdAt, @suggestionId)`,
      ),
      thread: db.prepare<[string], RawThread>('SELECT * FROM threads WHERE id = ?'),
      threads: db.prepare<[string], RawThread>('SELECT * FROM threads WHERE agreement_id = ? ORDER BY created_at, rowid'),
      setResolved: db.prepare<[string | null, string | null, string]>('UPDATE threads SET resolved_at = ?, resolved_by = ? WHERE id = ?'),
      insertComment: db.prepare(
        `INSERT INTO comments (id, thread_id, author_id, body, mentions, created_at)
         VALUES (@id, @threadId, @authorId, @body, @mentions, @createdAt)`,
      ),
      comment: db.prepare<[string], RawComment>('SELECT * FROM comments WHERE id = ?'),
      commentsOfAgreement: db.prepare<[string], RawComment>(
        'SELECT c.* FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.agreement_id = ? ORDER BY c.created_at, c.rowid',
      ),
      editComment: db.prepare<[string, string, string, string]>('UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?'),
      deleteComment: db.prepare<[string, string]>("UPDATE comments SET body = '', mentions = '[]', deleted_at = ? WHERE id = ?"),
      insertEvent: db.prepare<[string, string, string, string]>('INSERT INTO thread_events (thread_id, action, participant_id, at) VALUES (?, ?, ?, ?)'),
      eventsOfAgreement: db.prepare<[string], { thread_id: string; action: 'resolved' | 'reopened'; participant_id: string; at: string }>(
        'SELECT e.* FROM thread_events e JOIN threads t ON t.id = e.thread_id WHERE t.agreement_id = ? ORDER BY e.at, e.rowid',
      ),
      markRead: db.prepare<[string, string, string]>(
        'INSERT INTO thread_reads (participant_id, thread_id, read_at) VALUES (?, ?, ?) ON CONFLICT (participant_id, thread_id) DO UPDATE SET read_at = excluded.read_at',
      ),
      readsOf: db.prepare<[string], { thread_id: string; read_at: string }>('SELECT thread_id, read_at FROM thread_reads WHERE participant_id = ?'),
    };
  }

  createThread(thread: Omit<ThreadRow, 'resolvedAt' | 'resolvedBy'>, first: Omit<CommentRow, 'threadId' | 'editedAt' | 'deletedAt'>): void {
    this.db.transaction(() => {
      this.s.insertThread.run({ ...thread, anchor: thread.anchor === null ? null : JSON.stringify(thread.anchor) });
      this.addComment({ ...first, threadId: thread.id });
    })();
  }

  thread(id: string): ThreadRow | undefined {
    const r = this.s.thread.get(id);
    return r && toThread(r);
  }

  threads(agreementId: string): ThreadRow[] {
    return this.s.threads.all(agreementId).map(toThread);
  }

  addComment(c: Omit<CommentRow, 'editedAt' | 'deletedAt'>): void {
    this.s.insertComment.run({ ...c, mentions: JSON.stringify(c.mentions) });
  }

  comment(id: string): CommentRow | undefined {
    const r = this.s.comment.get(id);
    return r && toComment(r);
  }

  commentsOfAgreement(agreementId: string): CommentRow[] {
    return this.s.commentsOfAgreement.all(agreementId).map(toComment);
  }

  editComment(id: string, body: string, mentions: string[], now: string): void {
    this.s.editComment.run(body, JSON.stringify(mentions), now, id);
  }

  deleteComment(id: string, now: string): void {
    this.s.deleteComment.run(now, id);
  }

  setResolved(threadId: string, by: string, resolved: boolean, now: string): void {
    this.db.transaction(() => {
      this.s.setResolved.run(resolved ? now : null, resolved ? by : null, threadId);
      this.s.insertEvent.run(threadId, resolved ? 'resolved' : 'reopened', by, now);
    })();
  }

  eventsOfAgreement(agreementId: string): ThreadEventRow[] {
    return this.s.eventsOfAgreement.all(agreementId).map((e) => ({ threadId: e.thread_id, action: e.action, participantId: e.participant_id, at: e.at }));
  }

  markRead(participantId: string, threadId: string, now: string): void {
    this.s.markRead.run(participantId, threadId, now);
  }

  readsOf(participantId: string): Map<string, string> {
    return new Map(this.s.readsOf.all(participantId).map((r) => [r.thread_id, r.read_at]));
  }
}

import type { z } from 'zod';
import type { CommentView, CreateCommentSchema, CreateThreadSchema, EditCommentSchema, ThreadView } from '../../shared/api';
import { findTemplate } from '../../shared/templates';
import { authorizeCommentAuthor, authorizeResolve, can, canSeeThread } from '../auth/policy';
import { newRowId } from '../auth/tokens';
import { HttpError, notFound } from '../errors';
import type { EventHub } from '../events/hub';
import type { AgreementStore } from '../store/agreements';
import type { Participant, ParticipantStore } from '../store/participants';
import type { CommentRow, ThreadRow, ThreadStore } from '../store/threads';
import type { Rooms } from '../sync/rooms';
import { isOrphaned } from './anchors';
import { findSuggestions } from '../../shared/suggestions';

export interface CommentServiceDeps {
  threads: ThreadStore;
  participants: ParticipantStore;
  agreements: AgreementStore;
  rooms: Rooms;
  hub: EventHub;
  /** Comments are closed once the agreement is locked. */
  isDraft: (agreementId: string) => boolean;
  /** After a comment naming people is stored (they are told). */
  mentioned?: (author: Participant, mentions: readonly string[]) => void;
}

/**
 * Comment threads. Every write takes its author from the session (the route
 * has asked the policy whether they may comment), checks the author rules
 * with the policy, stores, then pushes the changed thread to each connected
 * participant allowed to see it.
 */
export class CommentService {
  constructor(private readonly d: CommentServiceDeps) {}

  list(viewer: Participant): ThreadView[] {
    return this.views(viewer.agreementId, viewer, () => true);
  }

  createThread(author: Participant, input: z.output<typeof CreateThreadSchema>): ThreadView {
    this.assertOpen(author);
    this.assertSection(author.agreementId, input.section);
    if (input.suggestionId !== undefined) this.assertSuggestion(author.agreementId, input.section, input.suggestionId);
    const mentions = this.validMentions(author, input.mentions, { visibility: input.visibility, partyId: author.partyId });
    const now = new Date().toISOString();
    const thread = {
      id: newRowId(),
      agreementId: author.agreementId,
      section: input.section,
      anchor: input.anchor ?? null,
      visibility: input.visibility,
      partyId: author.partyId,
      authorId: author.id,
      createdAt: now,
      suggestionId: input.suggestionId ?? null,
    };
    this.d.threads.createThread(thread, { id: newRowId(), authorId: author.id, body: input.body, mentions, createdAt: now });
    this.d.threads.markRead(author.id, thread.id, now);
    if (mentions.length > 0) this.d.mentioned?.(author, mentions);
    return this.changed(author, thread.id);
  }

  reply(author: Participant, threadId: string, input: z.output<typeof CreateCommentSchema>): ThreadView {
    this.assertOpen(author);
    const thread = this.visibleThread(author, threadId);
    const mentions = this.validMentions(author, input.mentions, thread);
    const now = new Date().toISOString();
    this.d.threads.addComment({ id: newRowId(), threadId, authorId: author.id, body: input.body, mentions, createdAt: now });
    this.d.threads.markRead(author.id, threadId, now);
    if (mentions.length > 0) this.d.mentioned?.(author, mentions);
    return this.changed(author, threadId);
  }

  edit(author: Participant, commentId: string, input: z.output<typeof EditCommentSchema>): ThreadView {
    this.assertOpen(author);
    const { comment, thread } = this.ownComment(author, commentId);
    this.d.threads.editComment(comment.id, input.body, this.validMentions(author, input.mentions, thread), new Date().toISOString());
    return this.changed(author, thread.id);
  }

  remove(author: Participant, commentId: string): ThreadView {
    this.assertOpen(author);
    const { comment, thread } = this.ownComment(author, commentId);
    this.d.threads.deleteComment(comment.id, new Date().toISOString());
    return this.changed(author, thread.id);
  }

  /** The thread's author or any editor resolves and reopens (see the policy). */
  setResolved(by: Participant, threadId: string, resolved: boolean): ThreadView {
    this.assertOpen(by);
    const thread = this.visibleThread(by, threadId);
    authorizeResolve(by, thread.authorId);
    if ((thread.resolvedAt !== null) === resolved) return this.view(by, threadId);
    this.d.threads.setResolved(threadId, by.id, resolved, new Date().toISOString());
    return this.changed(by, threadId);
  }

  markRead(reader: Participant, threadId: string): ThreadView {
    this.visibleThread(reader, threadId);
    this.d.threads.markRead(reader.id, threadId, new Date().toISOString());
    return this.view(reader, threadId);
  }

  private assertOpen(p: Participant): void {
    if (!this.d.isDraft(p.agreementId)) throw new HttpError(409, 'locked', 'The agreement is locked: comments are closed.');
  }

  private view(viewer: Participant, threadId: string): ThreadView {
    const [view] = this.views(viewer.agreementId, viewer, (t) => t.id === threadId);
    if (!view) throw notFound('thread');
    return view;
  }

  /** Stores are done: push the thread to everyone connected who may see it, each with their own unread count. */
  private changed(actor: Participant, threadId: string): ThreadView {
    this.d.hub.publish(actor.agreementId, 'thread', (sub) => {
      const viewer = this.d.participants.get(sub.participantId);
      if (!viewer || !can(viewer, 'read')) return undefined;
      return this.views(actor.agreementId, viewer, (t) => t.id === threadId)[0];
    });
    return this.view(actor, threadId);
  }

  private views(agreementId: string, viewer: Participant, pick: (t: ThreadRow) => boolean): ThreadView[] {
    const threads = this.d.threads.threads(agreementId).filter((t) => canSeeThread(viewer, t) && pick(t));
    if (threads.length === 0) return [];
    const names = new Map(this.d.participants.list(agreementId).map((p) => [p.id, p.name]));
    const ids = new Set(threads.map((t) => t.id));
    const comments = new Map<string, CommentRow[]>();
    for (const c of this.d.threads.commentsOfAgreement(agreementId)) {
      if (!ids.has(c.threadId)) continue;
      const list = comments.get(c.threadId);
      if (list) list.push(c);
      else comments.set(c.threadId, [c]);
    }
    const events = this.d.threads.eventsOfAgreement(agreementId).filter((e) => ids.has(e.threadId));
    const reads = this.d.threads.readsOf(viewer.id);
    const orphaned = this.orphans(agreementId, threads);
    return threads.map((t): ThreadView => {
      const list = comments.get(t.id) ?? [];
      const readAt = reads.get(t.id);
      return {
        ...t,
        orphaned: orphaned.has(t.id),
        history: events
          .filter((e) => e.threadId === t.id)
          .map((e) => ({ action: e.action, by: e.participantId, byName: names.get(e.participantId) ?? '', at: e.at })),
        comments: list.map((c): CommentView => ({ ...c, authorName: names.get(c.authorId) ?? '' })),
        unread: list.filter((c) => c.authorId !== viewer.id && c.deletedAt === null && (readAt === undefined || c.createdAt > readAt)).length,
      };
    });
  }

  /** A reply thread is anchored to a suggestion that is open now, in the section it names. */
  private assertSuggestion(agreementId: string, section: string, suggestionId: string): void {
    const template = findTemplate(this.d.agreements.get(agreementId)?.templateId ?? '');
    const found = template ? this.d.rooms.read(agreementId, (doc) => findSuggestions(doc, template).find((s) => s.id === suggestionId)) : undefined;
    if (!found) throw new HttpError(404, 'not_found', 'No open suggestion with this id.');
    if (found.sectionKey !== section) throw new HttpError(400, 'invalid_request', `The suggestion is in section "${found.sectionKey}".`);
  }

  private orphans(agreementId: string, threads: ThreadRow[]): Set<string> {
    const anchored = threads.filter((t) => t.anchor !== null);
    if (anchored.length === 0) return new Set();
    try {
      return this.d.rooms.read(agreementId, (doc) => new Set(anchored.filter((t) => t.anchor && isOrphaned(doc, t.anchor)).map((t) => t.id)));
    } catch {
      return new Set(); // an unreadable document is reported elsewhere; threads still list
    }
  }

  private visibleThread(viewer: Participant, threadId: string): ThreadRow {
    const thread = this.d.threads.thread(threadId);
    // Another party's internal thread is reported exactly like a missing one.
    if (!thread || thread.agreementId !== viewer.agreementId || !canSeeThread(viewer, thread)) throw notFound('thread');
    return thread;
  }

  private ownComment(author: Participant, commentId: string): { comment: CommentRow; thread: ThreadRow } {
    const comment = this.d.threads.comment(commentId);
    if (!comment) throw notFound('comment');
    const thread = this.visibleThread(author, comment.threadId);
    authorizeCommentAuthor(author, comment.authorId);
    if (comment.deletedAt !== null) throw new HttpError(409, 'deleted', 'This comment was deleted.');
    return { comment, thread };
  }

  private assertSection(agreementId: string, section: string): void {
    const agreement = this.d.agreements.get(agreementId);
    const template = agreement && findTemplate(agreement.templateId);
    if (!template?.sections.some((s) => s.key === section)) throw new HttpError(400, 'invalid_request', `section: no section "${section}"`);
  }

  /** Mentions must name participants who can see the thread. */
  private validMentions(author: Participant, mentions: string[], thread: Pick<ThreadRow, 'visibility' | 'partyId'>): string[] {
    const unique = [...new Set(mentions)];
    for (const id of unique) {
      const p = this.d.participants.get(id);
      if (!p || p.agreementId !== author.agreementId || p.revokedAt !== null || !canSeeThread(p, thread)) {
        throw new HttpError(400, 'invalid_request', `mentions: ${id} is not a participant who can see this thread`);
      }
    }
    return unique;
  }
}

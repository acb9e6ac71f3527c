import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { CommentView, ParticipantView, ThreadView, Visibility } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import { createThread, deleteComment, editComment, replyToThread, setThreadResolved } from '../api';
import type { CommentsController, CommentsState, Tab } from './controller';
import { Composer, failureText } from './Composer';
import { markRead, useCommentsController, useCommentsState } from './CommentsProvider';
import { roleName, useDates, useT } from '../intl';
import { useLanguage } from '../language';
import { LockIcon } from './icons';
import { usePartyNames } from '../editor/usePartyNames';

interface Ctx {
  controller: CommentsController;
  state: CommentsState;
  template: AgreementTemplate | undefined;
  parties: ReadonlyMap<string, string>;
  /** Comments can be written now (rights, and the agreement is not locked). */
  writable: boolean;
  /** A person in the mention suggestions: party and role. */
  describe: (person: ParticipantView) => string;
}

const sectionTitle = (ctx: Ctx, key: string, lang: 'fr' | 'en', other: string): string => ctx.template?.sections.find((s) => s.key === key)?.title[lang] ?? other;

/** Participants who can see a thread of this visibility, other than me, for @mentions. */
function mentionable(people: ParticipantView[], meId: string, visibility: Visibility, partyId: string): ParticipantView[] {
  return people.filter((p) => p.revokedAt === null && p.id !== meId && (visibility === 'shared' || p.partyId === partyId));
}

/**
 * A mouse press on a button here leaves the focus where it is. Moving it out
 * of a section changes the presence shown above this card, which moves the
 * card between the press and the release, and the click would be lost.
 */
function keepFocus(event: MouseEvent<HTMLElement>): void {
  if (event.button === 0 && event.target instanceof Element && event.target.closest('button')) event.preventDefault();
}

/** The comment threads beside the sections: filters, the new-thread composer, the threads. */
export function CommentsSidebar({ template }: { template: AgreementTemplate | undefined }) {
  const controller = useCommentsController();
  const state = useCommentsState();
  const t = useT();
  const parties = usePartyNames(controller?.doc ?? null);
  if (!controller || !state) {
    return (
      <section className="side-card comments-card" aria-labelledby="comments-heading" data-testid="comments-sidebar">
        <h2 id="comments-heading">{t('comments.heading')}</h2>
        <p className="muted small">{t('comments.loading')}</p>
      </section>
    );
  }
  const describe = (p: ParticipantView): string => [parties.get(p.partyId), roleName(t, p.role)].filter(Boolean).join(' · ');
  const ctx: Ctx = { controller, state, template, parties, writable: controller.me.canComment && !state.locked, describe };
  return <Sidebar ctx={ctx} />;
}

function Sidebar({ ctx }: { ctx: Ctx }) {
  const { controller, state, template } = ctx;
  const t = useT();
  const { lang } = useLanguage();
  // "2 minutes ago" moves on by itself.
  const [, setMinute] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setMinute((m) => m + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  const threads = state.threads;
  const counts = useMemo(() => {
    const count = (pick: (t: ThreadView) => boolean): { n: number; unread: number } => {
      const list = threads.filter(pick);
      return { n: list.length, unread: list.reduce((sum, t) => sum + t.unread, 0) };
    };
    return { open: count((t) => t.resolvedAt === null), resolved: count((t) => t.resolvedAt !== null), mine: count((t) => controller.isMine(t)) };
  }, [threads, controller]);
  const totalUnread = threads.reduce((n, t) => n + t.unread, 0);
  const shown = threads.filter(
    (t) => (state.tab === 'open' ? t.resolvedAt === null : state.tab === 'resolved' ? t.resolvedAt !== null : controller.isMine(t)) && (state.section === null || t.section === state.section),
  );
  // Grouped by section, in the template's order.
  const order = template?.sections.map((s) => s.key) ?? [];
  const groups = new Map<string, ThreadView[]>();
  for (const key of order) groups.set(key, []);
  for (const t of shown) {
    const list = groups.get(t.section);
    if (list) list.push(t);
    else groups.set(t.section, [t]);
  }
  const tabs: { tab: Tab; label: string; count: { n: number; unread: number } }[] = [
    { tab: 'open', label: t('comments.tabOpen'), count: counts.open },
    { tab: 'resolved', label: t('comments.tabResolved'), count: counts.resolved },
    { tab: 'mine', label: t('comments.tabMine'), count: counts.mine },
  ];

  return (
    <section className="side-card comments-card" aria-labelledby="comments-heading" data-testid="comments-sidebar" onMouseDown={keepFocus}>
      <div className="comments-heading">
        <h2 id="comments-heading">{t('comments.heading')}</h2>
        {totalUnread > 0 && (
          <span className="unread-badge" data-testid="total-unread" title={t('comments.unread', { n: totalUnread })}>
            {totalUnread}
          </span>
        )}
      </div>
      {state.locked && (
        <p className="comments-notice" role="status" data-testid="comments-locked">
          {t('comments.locked')}
        </p>
      )}
      {!controller.me.canComment && (
        <p className="comments-notice muted" data-testid="comments-read-only">
          {t('comments.readOnly')}
        </p>
      )}
      <div className="comment-tabs" role="group" aria-label={t('comments.filterLabel')}>
        {tabs.map(({ tab, label, count }) => (
          <button key={tab} type="button" className={`comment-tab${state.tab === tab ? ' active' : ''}`} aria-pressed={state.tab === tab} data-tab={tab} onClick={() => controller.set({ tab })}>
            {label} <span className="tab-count">{count.n}</span>
            {count.unread > 0 && <span className="tab-unread" title={t('comments.unread', { n: count.unread })} aria-label={t('comments.unread', { n: count.unread })} />}
          </button>
        ))}
      </div>
      {template && (
        <label className="comment-section-filter">
          <span className="visually-hidden">{t('comments.sectionFilter')}</span>
          <select value={state.section ?? ''} onChange={(e) => controller.set({ section: e.target.value || null })} data-testid="comment-section-filter">
            <option value="">{t('comments.allSections')}</option>
            {template.sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
      {state.draft && ctx.writable && <NewThread ctx={ctx} />}
      <div className="thread-list">
        {state.status === 'loading' && <p className="muted small">{t('comments.loading')}</p>}
        {state.status === 'error' && (
          <p className="error small">
            {t('comments.loadFailed')}{' '}
            <button type="button" className="button link" onClick={() => controller.reload()}>
              {t('common.retry')}
            </button>
          </p>
        )}
        {state.status === 'ready' && shown.length === 0 && !state.draft && (
          <div className="muted small empty-threads">
            <p>{t('comments.noThreads')}</p>
            {ctx.writable && state.tab === 'open' && <p>{t('comments.noThreadsHint')}</p>}
          </div>
        )}
        {[...groups].map(([key, list]) =>
          list.length === 0 ? null : (
            <div key={key} className="thread-group" data-section-group={key}>
              <h3 className="thread-group-title">{sectionTitle(ctx, key, lang, t('comments.otherSection'))}</h3>
              <ol className="threads">
                {list.map((t) => (
                  <ThreadCard key={t.id} ctx={ctx} thread={t} />
                ))}
              </ol>
            </div>
          ),
        )}
      </div>
    </section>
  );
}

function VisibilityBadge({ ctx, thread }: { ctx: Ctx; thread: Pick<ThreadView, 'visibility' | 'partyId'> }) {
  const t = useT();
  if (thread.visibility === 'shared') {
    return (
      <span className="visibility-badge shared" title={t('comments.sharedLong')} data-visibility="shared">
        {t('comments.shared')}
      </span>
    );
  }
  const party = ctx.parties.get(thread.partyId) || '';
  return (
    <span className="visibility-badge internal" title={`${t('comments.internalLong', { party })}. ${t('comments.internalHint')}`} data-visibility="party">
      <LockIcon /> {t('comments.internal')}
    </span>
  );
}

/** The composer of a new thread, on a section or on the selected text. */
function NewThread({ ctx }: { ctx: Ctx }) {
  const { controller, state } = ctx;
  const t = useT();
  const { lang } = useLanguage();
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const draft = state.draft;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    ref.current?.querySelector('textarea')?.focus();
  }, [draft]);
  if (!draft) return null;
  const myParty = ctx.parties.get(controller.me.partyId) || '';
  const people = mentionable(state.participants, controller.me.id, visibility, controller.me.partyId);
  return (
    <div className="new-thread" ref={ref} data-testid="new-thread">
      <p className="new-thread-title">
        <strong>{t('comments.newComment')}</strong> · {sectionTitle(ctx, draft.section, lang, t('comments.otherSection'))}
      </p>
      {draft.anchor ? <blockquote className="thread-quote static">{draft.anchor.quote}</blockquote> : <p className="muted small">{t('comments.wholeSection')}</p>}
      {/* Not keyed on the draft: choosing other text keeps what was typed. */}
      <Composer
        people={people}
        describe={ctx.describe}
        placeholder={t('comments.placeholder')}
        submitLabel={t('comments.post')}
        autoFocus
        testId="new-thread-composer"
        onCancel={() => controller.set({ draft: null })}
        onSubmit={async (body, mentions) => {
          const thread = await createThread(controller.agreementId, { section: draft.section, anchor: draft.anchor ?? undefined, visibility, body, mentions });
          controller.upsert(thread);
          controller.set({ draft: null });
          controller.focus(thread.id);
        }}
      >
        <fieldset className="visibility-choice">
          <legend>{t('comments.visibility')}</legend>
          <label>
            <input type="radio" name="visibility" value="shared" checked={visibility === 'shared'} onChange={() => setVisibility('shared')} data-testid="visibility-shared" />
            {t('comments.sharedLong')}
          </label>
          <label>
            <input type="radio" name="visibility" value="party" checked={visibility === 'party'} onChange={() => setVisibility('party')} data-testid="visibility-party" />
            {t('comments.internalLong', { party: myParty || '…' })}
          </label>
        </fieldset>
      </Composer>
    </div>
  );
}

/** One thread: collapsed to its first comment, or open with replies and actions. */
function ThreadCard({ ctx, thread }: { ctx: Ctx; thread: ThreadView }) {
  const { controller, state } = ctx;
  const t = useT();
  const { lang } = useLanguage();
  const dates = useDates();
  const open = state.focused?.id === thread.id;
  const orphaned = controller.isOrphaned(thread);
  const ref = useRef<HTMLLIElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const seq = open ? state.focused?.seq : undefined;

  // Shown on request (a highlight was clicked): bring it into view.
  useEffect(() => {
    if (seq !== undefined) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [seq]);

  // Opening a thread reads it; so does a new comment arriving while it is open.
  useEffect(() => {
    if (!open || thread.unread === 0) return;
    const read = (): void => {
      if (document.visibilityState === 'visible') void markRead(controller, thread.id);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [open, thread.unread, thread.id, controller]);

  useEffect(() => {
    if (!open) setReplying(false);
  }, [open]);

  const first = thread.comments[0];
  const author = first?.authorName ?? '';
  const canResolve = ctx.writable && (thread.authorId === controller.me.id || controller.me.canEdit);
  const last = thread.history[thread.history.length - 1];
  const people = mentionable(state.participants, controller.me.id, thread.visibility, thread.partyId);
  const act = async (action: () => Promise<ThreadView>): Promise<void> => {
    setError(null);
    try {
      controller.upsert(await action());
    } catch (err) {
      setError(failureText(err, t));
    }
  };

  const classes = ['thread', open ? 'is-open' : '', thread.resolvedAt ? 'is-resolved' : '', orphaned ? 'is-orphaned' : '', thread.visibility === 'party' ? 'is-internal' : '', thread.unread > 0 ? 'has-unread' : ''];
  return (
    <li
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      data-testid="thread"
      data-thread-id={thread.id}
      data-orphaned={orphaned ? 'true' : 'false'}
      data-resolved={thread.resolvedAt ? 'true' : 'false'}
      aria-label={t('comments.threadLabel', { author, section: sectionTitle(ctx, thread.section, lang, t('comments.otherSection')) })}
    >
      <div className="thread-top">
        {thread.anchor ? (
          orphaned ? (
            <div className="thread-orphan" data-testid="orphaned">
              <span className="orphan-note">{t('comments.textDeleted')}</span>
              <blockquote className="thread-quote static">{thread.anchor.quote}</blockquote>
            </div>
          ) : (
            <button
              type="button"
              className="thread-quote"
              title={t('comments.goToText')}
              data-testid="thread-quote"
              onClick={() => {
                controller.focus(thread.id);
                controller.reveal(thread);
              }}
            >
              {thread.anchor.quote}
            </button>
          )
        ) : (
          <button
            type="button"
            className="thread-section-target"
            title={t('comments.goToSection')}
            onClick={() => {
              controller.focus(thread.id);
              controller.reveal(thread);
            }}
          >
            § {t('comments.wholeSection')}
          </button>
        )}
        <div className="thread-badges">
          <VisibilityBadge ctx={ctx} thread={thread} />
          {thread.unread > 0 && (
            <span className="unread-badge" data-testid="unread-badge" title={t('comments.unread', { n: thread.unread })} aria-label={t('comments.unread', { n: thread.unread })}>
              {thread.unread}
            </span>
          )}
        </div>
      </div>

      {open ? (
        <>
          <ol className="comments">
            {thread.comments.map((comment) => (
              <CommentItem key={comment.id} ctx={ctx} comment={comment} people={people} onError={setError} />
            ))}
          </ol>
          {thread.resolvedAt && last?.action === 'resolved' && (
            <p className="thread-resolution" data-testid="resolution" title={dates.dayTime(last.at, { weekday: true })}>
              ✓ {t('comments.resolvedBy', { name: last.byName, when: dates.ago(last.at) })}
            </p>
          )}
          {thread.history.length > 0 && (
            <details className="thread-history">
              <summary>
                {t('comments.history', { n: thread.history.length })}
              </summary>
              <ul>
                {thread.history.map((h) => (
                  <li key={`${h.action}:${h.at}`} title={dates.dayTime(h.at, { weekday: true })}>
                    {t(h.action === 'resolved' ? 'comments.resolvedBy' : 'comments.reopenedBy', { name: h.byName, when: dates.ago(h.at) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {error && (
            <p className="composer-error" role="alert">
              {error}
            </p>
          )}
          {ctx.writable && !thread.resolvedAt && replying && (
            <Composer
              people={people}
              describe={ctx.describe}
              placeholder={t('comments.replyPlaceholder')}
              submitLabel={t('comments.reply')}
              autoFocus
              testId="reply-composer"
              onCancel={() => setReplying(false)}
              onSubmit={async (body, mentions) => {
                controller.upsert(await replyToThread(controller.agreementId, thread.id, body, mentions));
              }}
            />
          )}
          <div className="thread-actions">
            {ctx.writable && !thread.resolvedAt && !replying && (
              <button type="button" className="button small" onClick={() => setReplying(true)} data-testid="reply-button">
                {t('comments.reply')}
              </button>
            )}
            {canResolve && (
              <button type="button" className="button small" data-testid={thread.resolvedAt ? 'reopen' : 'resolve'} onClick={() => void act(() => setThreadResolved(controller.agreementId, thread.id, !thread.resolvedAt))}>
                {thread.resolvedAt ? t('comments.reopen') : `✓ ${t('comments.resolve')}`}
              </button>
            )}
            <button type="button" className="button link small close-thread" onClick={() => controller.closeThread()}>
              {t('comments.closeThread')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="thread-summary" onClick={() => controller.focus(thread.id)} aria-expanded={false} title={t('comments.openThread')}>
          <span className="thread-summary-meta">
            <strong>{author}</strong>
            {first && <time dateTime={first.createdAt}> · {dates.ago(first.createdAt)}</time>}
          </span>
          <span className="thread-summary-body">{first?.deletedAt ? t('comments.deleted') : first?.body}</span>
          {thread.comments.length > 1 && <span className="thread-summary-count">{t('comments.count', { n: thread.comments.length })}</span>}
          {thread.resolvedAt && <span className="thread-summary-count">✓ {t('comments.resolvedMark')}</span>}
        </button>
      )}
    </li>
  );
}

/** A comment's text, with the mentioned people's names marked. */
function CommentBody({ text, names }: { text: string; names: string[] }) {
  if (names.length === 0) return <>{text}</>;
  const escaped = names.map((n) => `@${n}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

function CommentItem({ ctx, comment, people, onError }: { ctx: Ctx; comment: CommentView; people: ParticipantView[]; onError: (m: string | null) => void }) {
  const { controller, state } = ctx;
  const t = useT();
  const dates = useDates();
  const [editing, setEditing] = useState(false);
  const mine = comment.authorId === controller.me.id;
  const deleted = comment.deletedAt !== null;
  const names = comment.mentions.flatMap((id) => {
    const p = state.participants.find((x) => x.id === id);
    return p ? [p.name] : [];
  });
  const remove = async (): Promise<void> => {
    if (!window.confirm(t('comments.deleteConfirm'))) return;
    onError(null);
    try {
      controller.upsert(await deleteComment(controller.agreementId, comment.id));
    } catch (err) {
      onError(failureText(err, t));
    }
  };
  return (
    <li className={`comment${deleted ? ' is-deleted' : ''}`} data-testid="comment" data-comment-id={comment.id}>
      <div className="comment-meta">
        <strong className="comment-author">
          {comment.authorName}
          {mine && <span className="muted"> ({t('common.you')})</span>}
        </strong>
        <time dateTime={comment.createdAt} title={dates.dayTime(comment.createdAt, { weekday: true })}>
          {dates.ago(comment.createdAt)}
        </time>
        {comment.editedAt && !deleted && (
          <span className="comment-edited" title={dates.dayTime(comment.editedAt, { weekday: true })} data-testid="edited">
            ({t('comments.edited')})
          </span>
        )}
      </div>
      {deleted ? (
        <p className="comment-deleted" data-testid="deleted">
          {t('comments.deleted')}
        </p>
      ) : editing ? (
        <Composer
          people={people}
          describe={ctx.describe}
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          initialBody={comment.body}
          initialMentions={comment.mentions}
          autoFocus
          testId="edit-composer"
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentions) => {
            controller.upsert(await editComment(controller.agreementId, comment.id, body, mentions));
            setEditing(false);
          }}
        />
      ) : (
        <p className="comment-body" data-testid="comment-body">
          <CommentBody text={comment.body} names={names} />
        </p>
      )}
      {mine && !deleted && !editing && ctx.writable && (
        <div className="comment-actions">
          <button type="button" className="button link small" onClick={() => setEditing(true)} data-testid="edit-comment">
            {t('comments.edit')}
          </button>
          <button type="button" className="button link danger small" onClick={() => void remove()} data-testid="delete-comment">
            {t('comments.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

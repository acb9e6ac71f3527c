import type { AuthorView, PartyView, ThreadView } from './api';
import type { NotificationView } from './notifySchemas';

/**
 * The server-sent events of one agreement (GET /api/agreements/:id/events):
 * each event's name and the JSON payload it carries. The server's hub
 * publishes only these, and the client reads only these.
 */
export interface EventPayloads {
  /** The stream (re)opened: events may have been missed, so refetch what you show. */
  ready: Record<string, never>;
  /** A thread was created or changed, as this subscriber may see it. */
  thread: ThreadView;
  /** The participant list changed: refetch it (what each may see differs). */
  participants: Record<string, never>;
  /** The parties changed: the new list, the same for everyone. */
  parties: { parties: PartyView[] };
  /** Approvals, lock or signatures changed: refetch the status. */
  status: Record<string, never>;
  /** Client ids newly bound or with a new span: merge them into the authorship record (each carries only its new spans). */
  authors: { authors: AuthorView[] };
  /** A version was added to the drafting history: refetch the list. */
  history: Record<string, never>;
  /** Something this subscriber is told (only their own stream carries it): the bell counts it. */
  notification: NotificationView;
  /** Keeps proxies from closing an idle stream. */
  ping: Record<string, never>;
}

export type EventName = keyof EventPayloads;

export const EVENT_NAMES = [
  'ready',
  'thread',
  'participants',
  'parties',
  'status',
  'history',
  'authors',
  'notification',
  'ping',
] as const satisfies readonly EventName[];

/** One event as the client receives it. */
export type AgreementEvent = { [K in EventName]: { type: K; data: EventPayloads[K] } }[EventName];

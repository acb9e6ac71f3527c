import type { NotificationData, NotificationKind, NotificationList, NotificationView, MailPreferences } from '../../shared/notifySchemas';
import { newRowId } from '../auth/tokens';
import type { EventHub } from '../events/hub';
import type { Clock } from '../lifecycle/clock';
import type { OutboxStore } from '../mail/outboxStore';
import type { AgreementStore } from '../store/agreements';
import type { Participant, ParticipantStore } from '../store/participants';
import { mailText } from './messages';
import type { NotificationRow, NotificationStore } from './store';

/** E-mail is on when SMTP_URL, MAIL_FROM and PUBLIC_URL are all set. */
export interface MailSettings {
  publicUrl: string;
}

export interface NotifyDeps {
  store: NotificationStore;
  outbox: OutboxStore;
  participants: ParticipantStore;
  agreements: AgreementStore;
  hub: EventHub;
  clock: Clock;
  /** Null: no e-mail, notifications show in the app only. */
  mail: MailSettings | null;
  /** A message was added to the outbox. */
  queued: () => void;
  /** The other participants of the people a participant is part of (server/auth/persons.ts): their open pages' bells hear it too. */
  samePerson?: (participantId: string) => { participantId: string; agreementId: string }[];
}

export interface Extra {
  /** The reader's personal link (an invitation), instead of the agreement's page. */
  linkFor?: (p: Participant) => string | undefined;
  /** The signed version whose PDF goes with the e-mail. */
  attachVersionId?: string;
}

/**
 * Telling people: each notification is stored for the app (the bell) and,
 * when e-mail is on and the person wants that kind, an e-mail is written to
 * the outbox in the same transaction; sending happens later (mail/outbox.ts).
 * The recipient's open streams hear of it at once.
 */
export class NotifyService {
  constructor(private readonly d: NotifyDeps) {}

  get mailConfigured(): boolean {
    return this.d.mail !== null;
  }

  notify(agreementId: string, recipients: readonly Participant[], kind: NotificationKind, data: NotificationData, extra: Extra = {}): void {
    const agreement = this.d.agreements.get(agreementId);
    if (!agreement) return;
    const now = new Date(this.d.clock.now()).toISOString();
    const people = recipients.filter((p, i) => p.revokedAt === null && recipients.findIndex((q) => q.id === p.id) === i);
    let queued = false;
    const rows = this.d.store.transaction(() =>
      people.map((p) => {
        const row: Omit<NotificationRow, 'readAt'> = { id: newRowId(), agreementId, participantId: p.id, kind, data, createdAt: now };
        this.d.store.insert(row);
        const prefs = this.d.store.preferences(p.email);
        if (this.d.mail && p.email.includes('@') && !prefs.off.includes(kind)) {
          const link = new URL(extra.linkFor?.(p) ?? `/a/${agreementId}`, this.d.mail.publicUrl).toString();
          const { subject, text } = mailText(prefs.language ?? agreement.language, kind, data, { title: agreement.title, link });
          this.d.outbox.add(
            { id: newRowId(), notificationId: row.id, agreementId, to: p.email, subject, body: text, attachVersionId: extra.attachVersionId ?? null },
            now,
          );
          queued = true;
        }
        return { row, participantId: p.id };
      }),
    );
    for (const { row, participantId } of rows) {
      const view = this.view({ ...row, readAt: null }, agreement.title);
      this.d.hub.publish(agreementId, 'notification', (sub) => (sub.participantId === participantId ? view : undefined));
      // The bell lists a person's notifications across agreements: a page of another of their agreements hears it live.
      for (const other of this.d.samePerson?.(participantId) ?? []) {
        this.d.hub.publish(other.agreementId, 'notification', (sub) => (sub.participantId === other.participantId ? view : undefined));
      }
    }
    if (queued) this.d.queued();
  }

  /** Everything told to these participants (one person's, across the agreements this browser is signed in to). */
  list(participantIds: readonly string[]): NotificationList {
    const titles = new Map<string, string>();
    const title = (id: string): string => {
      if (!titles.has(id)) titles.set(id, this.d.agreements.get(id)?.title ?? '');
      return titles.get(id) ?? '';
    };
    return {
      notifications: this.d.store.list(participantIds).map((r) => this.view(r, title(r.agreementId))),
      unread: this.d.store.unread(participantIds),
    };
  }

  markRead(participantIds: readonly string[], ids: readonly string[] | undefined): NotificationList {
    this.d.store.markRead(participantIds, ids, new Date(this.d.clock.now()).toISOString());
    return this.list(participantIds);
  }

  hasUnread(participantId: string, kind: NotificationKind): boolean {
    return this.d.store.hasUnread(participantId, kind);
  }

  preferences(p: Participant): MailPreferences {
    return this.d.store.preferences(p.email);
  }

  setPreferences(p: Participant, prefs: MailPreferences): MailPreferences {
    this.d.store.setPreferences(p.email, prefs);
    return this.d.store.preferences(p.email);
  }

  private view(r: NotificationRow, agreementTitle: string): NotificationView {
    return { id: r.id, agreementId: r.agreementId, agreementTitle, kind: r.kind, data: r.data, createdAt: r.createdAt, read: r.readAt !== null };
  }
}

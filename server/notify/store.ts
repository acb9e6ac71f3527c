import type { NotificationData, NotificationKind, MailPreferences } from '../../shared/notifySchemas';
import type { Db } from '../store/db';

export interface NotificationRow {
  id: string;
  agreementId: string;
  participantId: string;
  kind: NotificationKind;
  data: NotificationData;
  createdAt: string;
  readAt: string | null;
}

interface Row {
  id: string;
  agreement_id: string;
  participant_id: string;
  kind: NotificationKind;
  data: string;
  created_at: string;
  read_at: string | null;
}

const toRow = (r: Row): NotificationRow => ({
  id: r.id,
  agreementId: r.agreement_id,
  participantId: r.participant_id,
  kind: r.kind,
  data: JSON.parse(r.data) as NotificationData,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** Notifications and e-mail choices (migration "Notifications" in db.ts). */
export class NotificationStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare<[string, string, string, string, string, string]>(
        'INSERT INTO notifications (id, agreement_id, participant_id, kind, data, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      // Newest first, and only the latest 100 per person: a bell, not an archive.
      forParticipants: db.prepare<[string], Row>(
        `SELECT * FROM notifications WHERE participant_id IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, rowid DESC LIMIT 100`,
      ),
      unread: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM notifications WHERE read_at IS NULL AND participant_id IN (SELECT value FROM json_each(?))',
      ),
      markRead: db.prepare<[string, string, string]>(
        'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND participant_id IN (SELECT value FROM json_each(?)) AND id IN (SELECT value FROM json_each(?))',
      ),
      markAllRead: db.prepare<[string, string]>(
        'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND participant_id IN (SELECT value FROM json_each(?))',
      ),
      hasUnread: db.prepare<[string, string], { id: string }>('SELECT id FROM notifications WHERE participant_id = ? AND kind = ? AND read_at IS NULL LIMIT 1'),
      prefs: db.prepare<[string], { language: string | null; off: string }>('SELECT language, off FROM mail_preferences WHERE email = ?'),
      setPrefs: db.prepare<[string, string | null, string]>(
        'INSERT INTO mail_preferences (email, language, off) VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET language = excluded.language, off = excluded.off',
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insert(n: Omit<NotificationRow, 'readAt'>): void {
    this.s.insert.run(n.id, n.agreementId, n.participantId, n.kind, JSON.stringify(n.data), n.createdAt);
  }

  list(participantIds: readonly string[]): NotificationRow[] {
    return this.s.forParticipants.all(JSON.stringify(participantIds)).map(toRow);
  }

  unread(participantIds: readonly string[]): number {
    return this.s.unread.get(JSON.stringify(participantIds))?.n ?? 0;
  }

  markRead(participantIds: readonly string[], ids: readonly string[] | undefined, now: string): void {
    if (ids) this.s.markRead.run(now, JSON.stringify(participantIds), JSON.stringify(ids));
    else this.s.markAllRead.run(now, JSON.stringify(participantIds));
  }

  /** Whether the participant still has an unread one of this kind (so a repeated nudge is not stacked). */
  hasUnread(participantId: string, kind: NotificationKind): boolean {
    return this.s.hasUnread.get(participantId, kind) !== undefined;
  }

  preferences(email: string): MailPreferences {
    const row = this.s.prefs.get(email.trim().toLowerCase());
    return {
      language: row?.language === 'fr' || row?.language === 'en' ? row.language : null,
      off: row ? (JSON.parse(row.off) as MailPreferences['off']) : [],
    };
  }

  setPreferences(email: string, prefs: MailPreferences): void {
    this.s.setPrefs.run(email.trim().toLowerCase(), prefs.language, JSON.stringify(prefs.off));
  }
}

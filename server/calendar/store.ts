import type { CalendarScope } from '../../shared/calendarSchemas';
import type { Db } from '../store/db';

export interface Feed {
  id: string;
  participantId: string;
  scope: CalendarScope;
  createdAt: string;
  /** A person's feed made by a browser signed in as a person follows that person's participants as they come and go. */
  personId: string | null;
}

interface Row {
  id: string;
  participant_id: string;
  scope: CalendarScope;
  created_at: string;
  person_id: string | null;
}

const toFeed = (r: Row): Feed => ({ id: r.id, participantId: r.participant_id, scope: r.scope, createdAt: r.created_at, personId: r.person_id });

/**
 * Calendar feeds, known by the hash of their token only (like personal
 * links): a leaked database lists nobody's dates. A person's feed keeps the
 * participants it covers (one person's, as the dashboard counts them).
 */
export class CalendarStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare('INSERT INTO calendar_feeds (id, token_hash, participant_id, scope, created_at, person_id) VALUES (?, ?, ?, ?, ?, ?)'),
      member: db.prepare('INSERT INTO calendar_feed_members (feed_id, participant_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      byHash: db.prepare<[string], Row>(
        'SELECT id, participant_id, scope, created_at, person_id FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL',
      ),
      live: db.prepare<[string], Row>(
        'SELECT id, participant_id, scope, created_at, person_id FROM calendar_feeds WHERE participant_id = ? AND revoked_at IS NULL ORDER BY created_at, rowid',
      ),
      revoke: db.prepare<[string, string, CalendarScope]>(
        'UPDATE calendar_feeds SET revoked_at = ? WHERE participant_id = ? AND scope = ? AND revoked_at IS NULL',
      ),
      members: db.prepare<[string], { participant_id: string }>('SELECT participant_id FROM calendar_feed_members WHERE feed_id = ?'),
    };
  }

  /** A new feed replaces the participant's live one of the same scope: its old URL stops working. */
  replace(feed: Feed, tokenHash: string, members: readonly string[]): void {
    this.db.transaction(() => {
      this.s.revoke.run(feed.createdAt, feed.participantId, feed.scope);
      this.s.insert.run(feed.id, tokenHash, feed.participantId, feed.scope, feed.createdAt, feed.personId);
      for (const m of members) this.s.member.run(feed.id, m);
    })();
  }

  byTokenHash(hash: string): Feed | undefined {
    const row = this.s.byHash.get(hash);
    return row && toFeed(row);
  }

  live(participantId: string): Feed[] {
    return this.s.live.all(participantId).map(toFeed);
  }

  /** True if there was a live feed to revoke. */
  revoke(participantId: string, scope: CalendarScope, now: string): boolean {
    return this.s.revoke.run(now, participantId, scope).changes > 0;
  }

  members(feedId: string): string[] {
    return this.s.members.all(feedId).map((r) => r.participant_id);
  }
}

import type { Db } from '../store/db';

export interface Notice {
  versionId: string;
  agreementId: string;
  participantId: string;
  partyId: string;
  reason: string;
  givenAt: string;
  effectiveOn: string;
}

export interface PartnershipRecord {
  id: string;
  agreementId: string;
  participantId: string;
  partyId: string;
  body: string;
  createdAt: string;
}

interface NoticeRow {
  version_id: string;
  agreement_id: string;
  participant_id: string;
  party_id: string;
  reason: string;
  given_at: string;
  effective_on: string;
}

interface RecordRow {
  id: string;
  agreement_id: string;
  participant_id: string;
  party_id: string;
  body: string;
  created_at: string;
}

const toNotice = (r: NoticeRow): Notice => ({
  versionId: r.version_id,
  agreementId: r.agreement_id,
  participantId: r.participant_id,
  partyId: r.party_id,
  reason: r.reason,
  givenAt: r.given_at,
  effectiveOn: r.effective_on,
});

/** The tables of life after signing (migration "After signing" in db.ts). */
export class LifecycleStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      reviewMeetings: db.prepare<[string], { review_meetings: number }>('SELECT review_meetings FROM lifecycle_settings WHERE agreement_id = ?'),
      setReviewMeetings: db.prepare<[string, number]>(
        'INSERT INTO lifecycle_settings (agreement_id, review_meetings) VALUES (?, ?) ON CONFLICT (agreement_id) DO UPDATE SET review_meetings = excluded.review_meetings',
      ),
      notice: db.prepare<[string], NoticeRow>('SELECT * FROM notices WHERE version_id = ?'),
      insertNotice: db.prepare(
        `INSERT INTO notices (version_id, agreement_id, participant_id, party_id, reason, given_at, effective_on)
         VALUES (@versionId, @agreementId, @participantId, @partyId, @reason, @givenAt, @effectiveOn)`,
      ),
      records: db.prepare<[string], RecordRow>('SELECT * FROM partnership_records WHERE agreement_id = ? ORDER BY created_at, rowid'),
      insertRecord: db.prepare(
        `INSERT INTO partnership_records (id, agreement_id, participant_id, party_id, body, created_at)
         VALUES (@id, @agreementId, @participantId, @partyId, @body, @createdAt)`,
      ),
      jsonHash: db.prepare<[string], { json_hash: string }>('SELECT json_hash FROM signed_copies WHERE version_id = ?'),
      setJsonHash: db.prepare<[string, string]>('INSERT INTO signed_copies (version_id, json_hash) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      byJsonHash: db.prepare<[string], { version_id: string }>('SELECT version_id FROM signed_copies WHERE json_hash = ?'),
      withoutCopy: db.prepare<[], { id: string }>(
        "SELECT v.id FROM versions v WHERE v.status = 'signed' AND v.pdf_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM signed_copies c WHERE c.version_id = v.id)",
      ),
      signedVersions: db.prepare<[], { id: string }>("SELECT id FROM versions WHERE status = 'signed' ORDER BY signed_at"),
      done: db.prepare<[string, string, string], { done_at: string }>('SELECT done_at FROM lifecycle_events WHERE version_id = ? AND kind = ? AND on_day = ?'),
      markDone: db.prepare<[string, string, string, string]>(
        'INSERT INTO lifecycle_events (version_id, kind, on_day, done_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  reviewMeetings(agreementId: string): boolean {
    return (this.s.reviewMeetings.get(agreementId)?.review_meetings ?? 1) === 1;
  }

  setReviewMeetings(agreementId: string, on: boolean): void {
    this.s.setReviewMeetings.run(agreementId, on ? 1 : 0);
  }

  notice(versionId: string): Notice | undefined {
    const row = this.s.notice.get(versionId);
    return row && toNotice(row);
  }

  addNotice(notice: Notice): void {
    this.s.insertNotice.run(notice);
  }

  records(agreementId: string): PartnershipRecord[] {
    return this.s.records.all(agreementId).map((r) => ({
      id: r.id,
      agreementId: r.agreement_id,
      participantId: r.participant_id,
      partyId: r.party_id,
      body: r.body,
      createdAt: r.created_at,
    }));
  }

  addRecord(record: PartnershipRecord): void {
    this.s.insertRecord.run(record);
  }

  jsonHash(versionId: string): string | undefined {
    return this.s.jsonHash.get(versionId)?.json_hash;
  }

  setJsonHash(versionId: string, hash: string): void {
    this.s.setJsonHash.run(versionId, hash);
  }

  versionByJsonHash(hash: string): string | undefined {
    return this.s.byJsonHash.get(hash)?.version_id;
  }

  /** Signed versions whose JSON copy's hash is not stored yet (signed before it existed). */
  withoutJsonHash(): string[] {
    return this.s.withoutCopy.all().map((r) => r.id);
  }

  signedVersionIds(): string[] {
    return this.s.signedVersions.all().map((r) => r.id);
  }

  /** Whether the dated event was handled; `markDone` returns false when someone else already had. */
  isDone(versionId: string, kind: string, onDay: string): boolean {
    return this.s.done.get(versionId, kind, onDay) !== undefined;
  }

  markDone(versionId: string, kind: string, onDay: string, at: string): boolean {
    return this.s.markDone.run(versionId, kind, onDay, at).changes === 1;
  }
}

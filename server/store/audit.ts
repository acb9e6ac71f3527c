import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical';
import { AgreementLock } from './agreementLock';
import type { Db } from './db';

export const AUDIT_ACTIONS = [
  'created',
  'invited',
  'role_changed',
  'revoked',
  'link_reissued',
  'section_approved',
  'locked',
  'unlocked',
  'cancelled',
  'signed',
  'completed',
  'exported',
  'party_added',
  'party_removed',
  'review_copy_downloaded',
  'approvals_cleared',
  'legal_review_recorded',
  'default_mode_set',
  'restored',
  'notice_given',
  'ended',
  'record_added',
  'amendment_opened',
  'renewal_decided',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  seq: number;
  agreementId: string;
  at: string;
  actorId: string | null;
  action: AuditAction;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface Row {
  seq: number;
  agreement_id: string;
  at: string;
  actor_id: string | null;
  action: AuditAction;
  details: string;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  agreementId: r.agreement_id,
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Each entry's hash covers its content and the previous entry's hash. */
function entryHash(e: Omit<AuditEntry, 'seq' | 'hash'>): string {
  const body = canonicalJson({ agreementId: e.agreementId, at: e.at, actorId: e.actorId, action: e.action, details: e.details, prevHash: e.prevHash });
  return createHash('sha256').update(body).digest('hex');
}

/** The append-only, hash-chained audit log of each agreement. */
export class AuditLog {
  private readonly insertStmt;
  private readonly lastStmt;
  private readonly listStmt;
  private readonly latestStmt;

  private readonly agreementLock;

  constructor(private readonly db: Db) {
    this.agreementLock = new AgreementLock(db);
    this.insertStmt = db.prepare<[string, string, string | null, string, string, string, string], { seq: number }>(
      'INSERT INTO audit_log (agreement_id, at, actor_id, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq',
    );
    this.lastStmt = db.prepare<[string], { hash: string }>('SELECT hash FROM audit_log WHERE agreement_id = ? ORDER BY seq DESC LIMIT 1');
    this.listStmt = db.prepare<[string], Row>('SELECT * FROM audit_log WHERE agreement_id = ? ORDER BY seq');
    this.latestStmt = db.prepare<[string, string], Row>('SELECT * FROM audit_log WHERE agreement_id = ? AND action = ? ORDER BY seq DESC LIMIT 1');
  }

  append(agreementId: string, actorId: string | null, action: AuditAction, details: Record<string, unknown> = {}): AuditEntry {
    return this.db.transaction(() => {
      // Two instances must not both chain to the same previous entry.
      this.agreementLock.hold(agreementId);
      const prevHash = this.lastStmt.get(agreementId)?.hash ?? GENESIS;
      const entry = { agreementId, at: new Date().toISOString(), actorId, action, details, prevHash };
      const hash = entryHash(entry);
      const inserted = this.insertStmt.get(agreementId, entry.at, actorId, action, canonicalJson(details), prevHash, hash);
      return { ...entry, seq: Number(inserted?.seq), hash };
    })();
  }

  list(agreementId: string): AuditEntry[] {
    return this.listStmt.all(agreementId).map(toEntry);
  }

  /** The latest entry of one action (a decision kept in the log: the legal review, the default mode), without reading the whole log. */
  latest(agreementId: string, action: AuditAction): AuditEntry | undefined {
    const row = this.latestStmt.get(agreementId, action);
    return row ? toEntry(row) : undefined;
  }

  head(agreementId: string): string {
    return this.lastStmt.get(agreementId)?.hash ?? GENESIS;
  }

  /** Recomputes the chain; the first entry whose link or hash does not hold breaks it. */
  verify(agreementId: string): { ok: true; head: string; entries: number } | { ok: false; brokenAt: number; entries: number } {
    const entries = this.list(agreementId);
    let prev = GENESIS;
    for (const e of entries) {
      if (e.prevHash !== prev || entryHash(e) !== e.hash) return { ok: false, brokenAt: e.seq, entries: entries.length };
      prev = e.hash;
    }
    return { ok: true, head: prev, entries: entries.length };
  }
}

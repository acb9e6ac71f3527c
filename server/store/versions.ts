import { AgreementLock } from './agreementLock';
import type { Db } from './db';

export type VersionStatus = 'locked' | 'unlocked' | 'signed' | 'cancelled';
export type AgreementStatus = 'draft' | 'locked' | 'signed';

export interface Version {
  id: string;
  agreementId: string;
  number: number;
  canonical: string;
  hash: string;
  status: VersionStatus;
  lockedAt: string;
  lockedBy: string;
  closedAt: string | null;
  closeReason: string | null;
  signedAt: string | null;
  pdfHash: string | null;
  /** The agreement pages' fingerprint the certificate prints (null: signed before it was stored, and not recovered). */
  pagesHash: string | null;
}

/** Someone recorded at lock as having to sign the version, for their party. */
export interface VersionSigner {
  partyId: string;
  participantId: string;
}

export interface Signature {
  id: string;
  versionId: string;
  participantId: string;
  partyId: string;
  fullName: string;
  title: string;
  signedAt: string;
  ip: string;
  userAgent: string;
  versionHash: string;
}

interface VersionRow {
  id: string;
  agreement_id: string;
  number: number;
  canonical: string;
  hash: string;
  status: VersionStatus;
  locked_at: string;
  locked_by: string;
  closed_at: string | null;
  close_reason: string | null;
  signed_at: string | null;
  pdf_hash: string | null;
  pages_hash: string | null;
}
interface SignatureRow {
  id: string;
  version_id: string;
  participant_id: string;
  party_id: string;
  full_name: string;
  title: string;
  signed_at: string;
  ip: string;
  user_agent: string;
  version_hash: string;
}

const COLUMNS = 'id, agreement_id, number, canonical, hash, status, locked_at, locked_by, closed_at, close_reason, signed_at, pdf_hash, pages_hash';
const toVersion = (r: VersionRow): Version => ({
  id: r.id,
  agreementId: r.agreement_id,
  number: r.number,
  canonical: r.canonical,
  hash: r.hash,
  status: r.status,
  lockedAt: r.locked_at,
  lockedBy: r.locked_by,
  closedAt: r.closed_at,
  closeReason: r.close_reason,
  signedAt: r.signed_at,
  pdfHash: r.pdf_hash,
  pagesHash: r.pages_hash,
});
const toSignature = (r: SignatureRow): Signature => ({
  id: r.id,
  versionId: r.version_id,
  participantId: r.participant_id,
  partyId: r.party_id,
  fullName: r.full_name,
  title: r.title,
  signedAt: r.signed_at,
  ip: r.ip,
  userAgent: r.user_agent,
  versionHash: r.version_hash,
});

/** Locked versions of agreements, their signatures, the signed PDF, and the agreement's status. */
export class VersionStore {
  private readonly s;

  private readonly agreementLock;

  constructor(private readonly db: Db) {
    this.agreementLock = new AgreementLock(db);
    this.s = {
      insert: db.prepare(
        `INSERT INTO versions (id, agreement_id, number, state, canonical, hash, status, locked_at, locked_by)
         VALUES (@id, @agreementId, @number, @state, @canonical, @hash, 'locked', @lockedAt, @lockedBy)`,
      ),
      nextNumber: db.prepare<[string], { n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM versions WHERE agreement_id = ?'),
      current: db.prepare<[string], VersionRow>(
        `SELECT ${COLUMNS} FROM versions WHERE agreement_id = ? AND status IN ('locked', 'signed') ORDER BY number DESC LIMIT 1`,
      ),
      all: db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE agreement_id = ? ORDER BY number`),
      close: db.prepare<[VersionStatus, string, string, string]>('UPDATE versions SET status = ?, closed_at = ?, close_reason = ? WHERE id = ?'),
      // Only a version still awaiting signatures becomes signed: a cancel that landed first wins.
      markSigned: db.prepare<[string, Buffer, string, string, string]>(
        "UPDATE versions SET status = 'signed', signed_at = ?, pdf = ?, pdf_hash = ?, pages_hash = ? WHERE id = ? AND status = 'locked'",
      ),
      setPagesHash: db.prepare<[string, string]>('UPDATE versions SET pages_hash = ? WHERE id = ? AND pages_hash IS NULL'),
      withoutPagesHash: db.prepare<[], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE status = 'signed' AND pdf_hash IS NOT NULL AND pages_hash IS NULL`),
      pdf: db.prepare<[string], { pdf: Buffer | null }>('SELECT pdf FROM versions WHERE id = ?'),
      state: db.prepare<[string], { state: Buffer }>('SELECT state FROM versions WHERE id = ?'),
      // Any fingerprint the certificate prints: the version's, the final file's, the agreement pages'.
      byHash: db.prepare<[string, string, string], VersionRow>(
        `SELECT ${COLUMNS} FROM versions WHERE status = 'signed' AND (hash = ? OR pdf_hash = ? OR pages_hash = ?) LIMIT 1`,
      ),
      status: db.prepare<[string], { status: AgreementStatus }>('SELECT status FROM agreements WHERE id = ?'),
      setStatus: db.prepare<[AgreementStatus, string]>('UPDATE agreements SET status = ? WHERE id = ?'),
      insertSignature: db.prepare(
        `INSERT INTO signatures (id, version_id, participant_id, party_id, full_name, title, signed_at, ip, user_agent, version_hash)
         VALUES (@id, @versionId, @participantId, @partyId, @fullName, @title, @signedAt, @ip, @userAgent, @versionHash)`,
      ),
      signatures: db.prepare<[string], SignatureRow>('SELECT * FROM signatures WHERE version_id = ? ORDER BY signed_at, rowid'),
      insertSigner: db.prepare<[string, string, string]>('INSERT INTO version_signers (version_id, party_id, participant_id) VALUES (?, ?, ?)'),
      signers: db.prepare<[string], { party_id: string; participant_id: string }>(
        'SELECT party_id, participant_id FROM version_signers WHERE version_id = ? ORDER BY rowid',
      ),
      awaitingCompletion: db.prepare<[], { id: string }>(
        `SELECT v.id FROM versions v JOIN agreements a ON a.id = v.agreement_id
         WHERE a.status = 'locked' AND v.status = 'locked'
           AND EXISTS (SELECT 1 FROM version_signers s WHERE s.version_id = v.id)
           AND NOT EXISTS (SELECT 1 FROM version_signers s WHERE s.version_id = v.id
             AND NOT EXISTS (SELECT 1 FROM signatures g WHERE g.version_id = v.id AND g.participant_id = s.participant_id))`,
      ),
      byId: db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE id = ?`),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * `fn` in one transaction that holds the agreement's row: a decision
   * (lock, unlock, cancel) that reads the document and the data and then
   * changes the status, in one order with every other instance's appends
   * to the document (see AgreementLock).
   */
  decide<T>(agreementId: string, fn: () => T): T {
    return this.db.transaction(() => {
      this.agreementLock.hold(agreementId);
      return fn();
    })();
  }

  status(agreementId: string): AgreementStatus {
    return this.s.status.get(agreementId)?.status ?? 'draft';
  }

  setStatus(agreementId: string, status: AgreementStatus): void {
    this.s.setStatus.run(status, agreementId);
  }

  create(v: { id: string; agreementId: string; state: Uint8Array; canonical: string; hash: string; lockedAt: string; lockedBy: string }): Version {
    const number = this.s.nextNumber.get(v.agreementId)?.n ?? 1;
    this.s.insert.run({ ...v, number, state: Buffer.from(v.state) });
    return { ...v, number, status: 'locked', closedAt: null, closeReason: null, signedAt: null, pdfHash: null, pagesHash: null };
  }

  /** The locked or signed version in force, if any. */
  current(agreementId: string): Version | undefined {
    const r = this.s.current.get(agreementId);
    return r && toVersion(r);
  }

  all(agreementId: string): Version[] {
    return this.s.all.all(agreementId).map(toVersion);
  }

  close(versionId: string, status: 'unlocked' | 'cancelled', reason: string, now: string): void {
    this.s.close.run(status, now, reason, versionId);
  }

  /** Marks a version signed with its PDF, if it is still locked; false when it was not (cancelled, or already signed). */
  markSigned(versionId: string, signedAt: string, pdf: Uint8Array, pdfHash: string, pagesHash: string): boolean {
    return this.s.markSigned.run(signedAt, Buffer.from(pdf), pdfHash, pagesHash, versionId).changes === 1;
  }

  /** Signed versions from before the pages fingerprint was stored. */
  withoutPagesHash(): Version[] {
    return this.s.withoutPagesHash.all().map(toVersion);
  }

  /** Records the pages fingerprint of a version signed before it was stored (never overwrites one). */
  setPagesHash(versionId: string, pagesHash: string): void {
    this.s.setPagesHash.run(pagesHash, versionId);
  }

  get(versionId: string): Version | undefined {
    const r = this.s.byId.get(versionId);
    return r && toVersion(r);
  }

  /** Records who must sign a version: done once, at lock, in the transaction that stores it. */
  recordSigners(versionId: string, signers: readonly VersionSigner[]): void {
    for (const s of signers) this.s.insertSigner.run(versionId, s.partyId, s.participantId);
  }

  /** Who was recorded at lock as having to sign this version. */
  signers(versionId: string): VersionSigner[] {
    return this.s.signers.all(versionId).map((r) => ({ partyId: r.party_id, participantId: r.participant_id }));
  }

  /** While the agreement is locked, the signers recorded for its version; null when it is not locked. */
  lockedSignersOf(agreementId: string): VersionSigner[] | null {
    if (this.status(agreementId) !== 'locked') return null;
    const version = this.current(agreementId);
    return version && version.status === 'locked' ? this.signers(version.id) : null;
  }

  /**
   * Versions whose every recorded signer has signed but that were never
   * marked signed: the process stopped between the last signature and the
   * completion.
   */
  awaitingCompletion(): Version[] {
    return this.s.awaitingCompletion.all().flatMap((r) => this.get(r.id) ?? []);
  }

  pdf(versionId: string): Buffer | undefined {
    return this.s.pdf.get(versionId)?.pdf ?? undefined;
  }

  state(versionId: string): Uint8Array | undefined {
    return this.s.state.get(versionId)?.state;
  }

  signedByHash(hash: string): Version | undefined {
    const r = this.s.byHash.get(hash, hash, hash);
    return r && toVersion(r);
  }

  addSignature(sig: Signature): void {
    this.s.insertSignature.run(sig);
  }

  signatures(versionId: string): Signature[] {
    return this.s.signatures.all(versionId).map(toSignature);
  }
}

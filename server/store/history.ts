import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AgreementLock } from './agreementLock';
import type { Db } from './db';

export type HistoryKind = 'created' | 'auto' | 'named' | 'locked' | 'restored';

/** One version in an agreement's drafting history, without its content. */
export interface HistoryEntry {
  id: string;
  agreementId: string;
  number: number;
  kind: HistoryKind;
  name: string | null;
  createdAt: string;
  /** Who made it (named, restored, locked); null for an automatic checkpoint. */
  createdBy: string | null;
  /** The participants whose edits were stored since the version before. */
  authors: string[];
  /** Sections whose content differs from the version before. */
  sections: string[];
  /** Parties whose own text or fields differ from the version before. */
  parties: string[];
  hash: string;
  /** The locked version's number, for a copy of one. */
  lockedVersion: number | null;
  /** The number of the version a restore brought back. */
  restoredFrom: number | null;
}

export interface NewHistoryEntry extends Omit<HistoryEntry, 'number'> {
  state: Uint8Array;
  canonical: string;
}

interface Row {
  id: string;
  agreement_id: string;
  number: number;
  kind: HistoryKind;
  name: string | null;
  created_at: string;
  created_by: string | null;
  authors: string;
  sections: string;
  parties: string;
  hash: string;
  locked_version: number | null;
  restored_from: number | null;
}

const COLUMNS = 'id, agreement_id, number, kind, name, created_at, created_by, authors, sections, parties, hash, locked_version, restored_from';
const strings = (json: string): string[] => JSON.parse(json) as string[];
const toEntry = (r: Row): HistoryEntry => ({
  id: r.id,
  agreementId: r.agreement_id,
  number: r.number,
  kind: r.kind,
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  authors: strings(r.authors),
  sections: strings(r.sections),
  parties: strings(r.parties),
  hash: r.hash,
  lockedVersion: r.locked_version,
  restoredFrom: r.restored_from,
});

/**
 * The drafting history: immutable rows, each with its Yjs state (deflated:
 * a state is mostly text and ids, about a third of its size once deflated)
 * and its canonical JSON. Lists never read the blobs.
 */
export class HistoryStore {
  private readonly s;

  private readonly agreementLock;

  constructor(private readonly db: Db) {
    this.agreementLock = new AgreementLock(db);
    this.s = {
      insert: db.prepare(
        `INSERT INTO history (id, agreement_id, number, kind, name, created_at, created_by, authors, sections, parties, state, canonical, hash, locked_version, restored_from)
         VALUES (@id, @agreementId, (SELECT coalesce(max(number), 0) + 1 FROM history WHERE agreement_id = @agreementId), @kind, @name, @createdAt, @createdBy,
                 @authors, @sections, @parties, @state, @canonical, @hash, @lockedVersion, @restoredFrom)`,
      ),
      list: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM history WHERE agreement_id = ? ORDER BY number DESC`),
      get: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM history WHERE id = ?`),
      latest: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM history WHERE agreement_id = ? ORDER BY number DESC LIMIT 1`),
      latestNamed: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM history WHERE agreement_id = ? AND kind = 'named' ORDER BY number DESC LIMIT 1`),
      state: db.prepare<[string], { state: Buffer }>('SELECT state FROM history WHERE id = ?'),
      canonical: db.prepare<[string], { canonical: string }>('SELECT canonical FROM history WHERE id = ?'),
      authorsBetween: db.prepare<[string, number, number], { authors: string; sections: string }>(
        'SELECT authors, sections FROM history WHERE agreement_id = ? AND number > ? AND number <= ? ORDER BY number',
      ),
      setSeen: db.prepare<[string, string, string]>(
        'INSERT INTO history_seen (participant_id, history_id, seen_at) VALUES (?, ?, ?) ON CONFLICT(participant_id) DO UPDATE SET history_id = excluded.history_id, seen_at = excluded.seen_at',
      ),
      seen: db.prepare<[string], { history_id: string }>('SELECT history_id FROM history_seen WHERE participant_id = ?'),
    };
  }

  add(entry: NewHistoryEntry): HistoryEntry {
    this.db.transaction(() => {
      // The next number, taken by one instance at a time.
      this.agreementLock.hold(entry.agreementId);
      this.s.insert.run({
        ...entry,
        authors: JSON.stringify(entry.authors),
        sections: JSON.stringify(entry.sections),
        parties: JSON.stringify(entry.parties),
        state: deflateRawSync(entry.state),
      });
    })();
    const stored = this.get(entry.id);
    if (!stored) throw new Error(`history entry ${entry.id} was not stored`);
    return stored;
  }

  /** Newest first. */
  list(agreementId: string): HistoryEntry[] {
    return this.s.list.all(agreementId).map(toEntry);
  }

  get(id: string): HistoryEntry | undefined {
    const r = this.s.get.get(id);
    return r && toEntry(r);
  }

  latest(agreementId: string): HistoryEntry | undefined {
    const r = this.s.latest.get(agreementId);
    return r && toEntry(r);
  }

  latestNamed(agreementId: string): HistoryEntry | undefined {
    const r = this.s.latestNamed.get(agreementId);
    return r && toEntry(r);
  }

  /** The version's Yjs state (a full update), inflated. */
  state(id: string): Uint8Array | undefined {
    const r = this.s.state.get(id);
    return r && new Uint8Array(inflateRawSync(r.state));
  }

  canonical(id: string): string | undefined {
    return this.s.canonical.get(id)?.canonical;
  }

  /** Each version after `after` up to `upTo` (numbers): who edited it and which sections it changed. */
  between(agreementId: string, after: number, upTo: number): { authors: string[]; sections: string[] }[] {
    return this.s.authorsBetween.all(agreementId, after, upTo).map((r) => ({ authors: strings(r.authors), sections: strings(r.sections) }));
  }

  setSeen(participantId: string, historyId: string, at: string): void {
    this.s.setSeen.run(participantId, historyId, at);
  }

  seen(participantId: string): string | undefined {
    return this.s.seen.get(participantId)?.history_id;
  }
}

import type { AuthorView } from '../../shared/api';
import type { Db } from './db';

/** Whom a Yjs client id belongs to: a participant (with their party then), or null for the server or content older than the record. */
export interface ClientBinding {
  participantId: string | null;
  partyId: string | null;
}

/** The run of a client's items stored from `at` on: items from `clock` up to the next span's clock. */
export interface AuthorSpan {
  clock: number;
  at: string;
}

/** One client id as readers see it: who it is bound to, and when its items were stored. */
export type AuthorRecord = AuthorView;

interface BindingRow {
  client_id: number;
  participant_id: string | null;
  party_id: string | null;
  bound_at: string;
  name: string | null;
}

/**
 * The authorship record of each agreement (tables author_clients and
 * author_spans). Bindings are written once and never changed: the first
 * participant whose stored update carried a client id keeps it.
 */
export class AuthorStore {
  private readonly insertBinding;
  private readonly insertSpan;
  private readonly selectBindings;
  private readonly selectBinding;
  private readonly selectSpans;
  private readonly selectLastSpans;
  /** Binds many client ids alike in one transaction (a document's content from before the record). */
  readonly bindAll: (agreementId: string, clientIds: readonly number[], binding: ClientBinding, at: string) => void;

  constructor(db: Db) {
    this.insertBinding = db.prepare<[string, number, string | null, string | null, string]>(
      'INSERT INTO author_clients (agreement_id, client_id, participant_id, party_id, bound_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.insertSpan = db.prepare<[string, number, number, string]>(
      'INSERT INTO author_spans (agreement_id, client_id, clock, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.selectBindings = db.prepare<[string], BindingRow>(
      `SELECT c.client_id, c.participant_id, c.party_id, c.bound_at, p.name FROM author_clients c
       LEFT JOIN participants p ON p.id = c.participant_id WHERE c.agreement_id = ? ORDER BY c.bound_at, c.client_id`,
    );
    this.selectBinding = db.prepare<[string, number], { participant_id: string | null; party_id: string | null }>(
      'SELECT participant_id, party_id FROM author_clients WHERE agreement_id = ? AND client_id = ?',
    );
    this.selectSpans = db.prepare<[string], { client_id: number; clock: number; at: string }>(
      'SELECT client_id, clock, at FROM author_spans WHERE agreement_id = ? ORDER BY client_id, clock',
    );
    // Each client's latest span: when its items were last stored.
    this.selectLastSpans = db.prepare<[string], { client_id: number; clock: number; at: string }>(
      'SELECT s.client_id, s.clock, s.at FROM author_spans s WHERE s.agreement_id = ? ' +
        'AND s.clock = (SELECT max(m.clock) FROM author_spans m WHERE m.agreement_id = s.agreement_id AND m.client_id = s.client_id)',
    );
    this.bindAll = db.transaction((agreementId: string, clientIds: readonly number[], binding: ClientBinding, at: string) => {
      for (const clientId of clientIds) this.bind(agreementId, clientId, binding, at);
    });
  }

  /** Every binding of the agreement, by client id. */
  bindings(agreementId: string): Map<number, ClientBinding> {
    const map = new Map<number, ClientBinding>();
    for (const row of this.selectBindings.all(agreementId)) map.set(row.client_id, { participantId: row.participant_id, partyId: row.party_id });
    return map;
  }

  /** The latest span of each client id: where a new one must start. */
  lastSpans(agreementId: string): Map<number, AuthorSpan> {
    const map = new Map<number, AuthorSpan>();
    for (const row of this.selectLastSpans.all(agreementId)) map.set(row.client_id, { clock: row.clock, at: row.at });
    return map;
  }

  bind(agreementId: string, clientId: number, binding: ClientBinding, at: string): void {
    this.insertBinding.run(agreementId, clientId, binding.participantId, binding.partyId, at);
  }

  /** Binds the client id unless it is bound already; returns its binding either way (the first to bind it keeps it). */
  claim(agreementId: string, clientId: number, binding: ClientBinding, at: string): ClientBinding {
    this.bind(agreementId, clientId, binding, at);
    const row = this.selectBinding.get(agreementId, clientId);
    return row ? { participantId: row.participant_id, partyId: row.party_id } : binding;
  }

  addSpan(agreementId: string, clientId: number, span: AuthorSpan): void {
    this.insertSpan.run(agreementId, clientId, span.clock, span.at);
  }

  /** The whole record of an agreement, for its readers. */
  list(agreementId: string): AuthorRecord[] {
    const spans = new Map<number, AuthorSpan[]>();
    for (const row of this.selectSpans.all(agreementId)) {
      const list = spans.get(row.client_id);
      const span = { clock: row.clock, at: row.at };
      if (list) list.push(span);
      else spans.set(row.client_id, [span]);
    }
    return this.selectBindings.all(agreementId).map((row) => ({
      clientId: row.client_id,
      participant: row.participant_id === null ? null : { id: row.participant_id, name: row.name ?? '', partyId: row.party_id ?? '' },
      spans: spans.get(row.client_id) ?? [],
    }));
  }
}

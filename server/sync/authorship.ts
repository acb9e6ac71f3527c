import type { AuthorRecord, AuthorSpan, AuthorStore, ClientBinding } from '../store/authors';
import { REMOTE_ORIGIN } from '../cluster/origin';
import type { Advance } from './encoded/analyse';

/** The loaded document the record follows (a room's DocState): the client ids it holds. */
export interface AuthoredDoc {
  clients(): Iterable<number>;
}

/** A new span starts when a client's last one began this long ago: "when" is known to the minute. */
export const SPAN_MS = 60_000;

/** What a client's update carries as its origin (a sync Connection): who sent it. */
interface Sender {
  participantId: string;
  name: string;
  partyId: string;
}

const senderOf = (origin: unknown): Sender | null =>
  typeof origin === 'object' &&
  origin !== null &&
  'participantId' in origin &&
  typeof origin.participantId === 'string' &&
  'name' in origin &&
  typeof origin.name === 'string' &&
  'partyId' in origin &&
  typeof origin.partyId === 'string'
    ? { participantId: origin.participantId, name: origin.name, partyId: origin.partyId }
    : null;

interface DocAuthors {
  agreementId: string;
  bindings: Map<number, ClientBinding>;
  /** The latest span of each client, its start time in ms. */
  last: Map<number, { clock: number; atMs: number }>;
}

export type ClaimResult = { ok: true } | { ok: false; clientId: number };

export interface AuthorshipDeps {
  store: AuthorStore;
  /** The record of an agreement changed: these client ids, with only their new spans. */
  changed: (agreementId: string, records: AuthorRecord[]) => void;
  log: (message: string) => void;
  now?: () => Date;
  /**
   * Benchmark only (`ENTENTE_AUTHORSHIP=off`): record nothing and refuse
   * nothing, so the fan-out benchmark can measure what the check costs. Never
   * set otherwise: authorship would no longer be verified.
   */
  off?: boolean;
  /**
   * Other instances bind client ids too (PostgreSQL): a client id this instance
   * has not seen bound is claimed in the database before the update is applied,
   * so of two participants racing for one id on two instances, the first wins
   * everywhere.
   */
  shared?: boolean;
}

/**
 * Server-verified authorship. Every Yjs item carries the client id of the
 * Y.Doc that made it; the server binds each client id to the first
 * participant whose stored update carries it (the server's own changes, and
 * content from before the record, are bound to nobody), and refuses an
 * update that carries a client id bound to anyone else. Who wrote a
 * character is then the binding of its item's client id: nothing a client
 * writes into the document can change it.
 */
export class Authorship {
  private readonly docs = new WeakMap<AuthoredDoc, DocAuthors>();
  private readonly now: () => Date;

  constructor(private readonly deps: AuthorshipDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Starts recording for a freshly loaded document, before anything changes it.
   * Client ids already in it but never bound (content stored before the
   * record existed) are bound to nobody, so no one can claim them later.
   */
  attach(agreementId: string, doc: AuthoredDoc): void {
    if (this.deps.off || this.docs.has(doc)) return;
    const bindings = this.deps.store.bindings(agreementId);
    const last = new Map<number, { clock: number; atMs: number }>();
    for (const [client, span] of this.deps.store.lastSpans(agreementId)) last.set(client, { clock: span.clock, atMs: Date.parse(span.at) });
    const state: DocAuthors = { agreementId, bindings, last };
    const unbound = [...doc.clients()].filter((client) => !bindings.has(client));
    if (unbound.length > 0) {
      const at = this.now().toISOString();
      const nobody: ClientBinding = { participantId: null, partyId: null };
      this.deps.store.bindAll(agreementId, unbound, nobody, at);
      for (const client of unbound) bindings.set(client, nobody);
    }
    this.docs.set(doc, state);
  }

  /**
   * Whether `participantId` may add items under these client ids (the ones
   * an update brings new items for): each must be unbound or already theirs.
   */
  claim(agreementId: string, doc: AuthoredDoc, participantId: string, clients: Iterable<number>, partyId: string | null = null): ClaimResult {
    this.attach(agreementId, doc);
    const state = this.docs.get(doc);
    if (!state) return { ok: true };
    for (const client of clients) {
      let bound = state.bindings.get(client);
      if (bound === undefined && this.deps.shared) {
        bound = this.deps.store.claim(agreementId, client, { participantId, partyId }, this.now().toISOString());
        state.bindings.set(client, bound);
      }
      if (bound !== undefined && bound.participantId !== participantId) return { ok: false, clientId: client };
    }
    return { ok: true };
  }

  /**
   * After each update the room took in: the client ids whose state advanced
   * get bound (to the sender of a client's update, whose origin is its
   * Connection; to nobody for the server's own changes) and, once a minute
   * per client, a new span. Runs between taking an update in and storing it,
   * where a throw would lose it: failures are logged.
   */
  record(doc: AuthoredDoc, advances: readonly Advance[], origin: unknown): void {
    const state = this.docs.get(doc);
    if (!state) return;
    try {
      if (origin === REMOTE_ORIGIN) return this.learn(state, advances);
      const sender = senderOf(origin);
      const changed: AuthorRecord[] = [];
      for (const { client, before, after } of advances) {
        if (after === before) continue;
        const entry = this.advance(state, client, before, sender);
        if (entry) changed.push(entry);
      }
      if (changed.length > 0) this.deps.changed(state.agreementId, changed);
    } catch (error) {
      this.deps.log(`recording authorship of ${state.agreementId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /**
   * Another instance stored this and bound its client ids first (server/cluster/): read
   * those bindings, rather than binding them to nobody here, so their writers may go on here.
   */
  private learn(state: DocAuthors, advances: readonly Advance[]): void {
    const unknown = advances.map((a) => a.client).filter((client) => !state.bindings.has(client));
    if (unknown.length === 0) return;
    const stored = this.deps.store.bindings(state.agreementId);
    for (const client of unknown) {
      const binding = stored.get(client);
      if (binding) state.bindings.set(client, binding);
    }
  }

  private advance(state: DocAuthors, client: number, clock: number, sender: Sender | null): AuthorRecord | null {
    const now = this.now();
    let binding = state.bindings.get(client);
    let bound = false;
    if (binding === undefined) {
      binding = sender ? { participantId: sender.participantId, partyId: sender.partyId } : { participantId: null, partyId: null };
      this.deps.store.bind(state.agreementId, client, binding, now.toISOString());
      state.bindings.set(client, binding);
      bound = true;
    } else if (binding.participantId !== (sender?.participantId ?? null)) {
      // claim() refuses this for clients; the server never writes under another's id (Yjs changes its own when it sees it used).
      this.deps.log(
        `client ${client} of ${state.agreementId} is bound to ${binding.participantId ?? 'the server'}, written by ${sender?.participantId ?? 'the server'}`,
      );
      return null;
    }
    const last = state.last.get(client);
    let span: AuthorSpan | null = null;
    if (!last || now.getTime() - last.atMs >= SPAN_MS) {
      // The ISO time only when something is written: most updates extend the span of a minute ago.
      span = { clock, at: now.toISOString() };
      this.deps.store.addSpan(state.agreementId, client, span);
      state.last.set(client, { clock, atMs: now.getTime() });
    }
    if (!bound && !span) return null;
    return {
      clientId: client,
      participant:
        sender && binding.participantId !== null ? { id: sender.participantId, name: sender.name, partyId: binding.partyId ?? sender.partyId } : null,
      spans: span ? [span] : [],
    };
  }
}

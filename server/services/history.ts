import type { HistoryEntryView, HistoryList, HistoryVersion } from '../../shared/historySchemas';
import { changeSummary } from '../../shared/diff';
import type { AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import { newRowId } from '../auth/tokens';
import { HttpError } from '../errors';
import type { EventHub } from '../events/hub';
import { versionOf } from '../signing/hash';
import type { HistoryEntry, HistoryKind, HistoryStore } from '../store/history';
import type { Participant, ParticipantStore } from '../store/participants';
import type { Rooms } from '../sync/rooms';

export interface HistoryDeps {
  store: HistoryStore;
  rooms: Rooms;
  participants: ParticipantStore;
  hub: EventHub;
  templateOf: (agreementId: string) => AgreementTemplate;
  now?: () => Date;
}

/** What a new entry needs beyond the document itself. */
interface EntryInput {
  kind: HistoryKind;
  by: string | null;
  name?: string | null;
  lockedVersion?: number | null;
  restoredFrom?: number | null;
}

/**
 * The drafting history of each agreement: records versions (checkpoints,
 * named, restored, locked copies) from the document as stored, and reads
 * them back. Who edited since the last version is kept in memory from the
 * stored-updates notices; after a restart the next version names only
 * those who edited since.
 */
export class HistoryService {
  private readonly pendingAuthors = new Map<string, Set<string>>();
  /** Agreements whose document is known to be their latest version (nothing stored since): a checkpoint of them costs nothing. */
  private readonly clean = new Set<string>();

  constructor(private readonly d: HistoryDeps) {}

  /** Stored edits of `agreementId` by `editors` (the server's own changes name nobody). */
  edited(agreementId: string, editors: readonly string[]): void {
    this.clean.delete(agreementId);
    let set = this.pendingAuthors.get(agreementId);
    if (!set) this.pendingAuthors.set(agreementId, (set = new Set()));
    for (const e of editors) set.add(e);
  }

  /** Who edited since the agreement's latest version. */
  authorsSinceLatest(agreementId: string): string[] {
    return [...(this.pendingAuthors.get(agreementId) ?? [])];
  }

  /**
   * Records the document as stored now. An automatic checkpoint of a text
   * identical to the latest version is not recorded (null); the others always are.
   */
  record(agreementId: string, input: EntryInput): HistoryEntry | null {
    // Each participant leaving asks for one: without edits since, the 50-page agreement is not read and hashed again.
    if (input.kind === 'auto' && this.clean.has(agreementId)) return null;
    const template = this.d.templateOf(agreementId);
    this.d.rooms.flushPending();
    const snapshot = this.d.rooms.read(agreementId, (doc) => versionOf(doc, template));
    const latest = this.d.store.latest(agreementId);
    const authors = this.authorsSinceLatest(agreementId);
    if (input.kind === 'auto' && latest?.hash === snapshot.hash) {
      this.pendingAuthors.delete(agreementId);
      this.clean.add(agreementId);
      return null;
    }
    const before = latest ? this.contentOf(latest.id) : undefined;
    const summary = before
      ? changeSummary(before, snapshot.content, template)
      : { sections: template.sections.map((s) => s.key), parties: snapshot.content.parties.map((p) => p.id) };
    // A restore is the restorer's change, though the server wrote it.
    if (input.kind === 'restored' && input.by !== null && !authors.includes(input.by)) authors.push(input.by);
    const entry = this.d.store.add({
      id: newRowId(),
      agreementId,
      kind: input.kind,
      name: input.name ?? null,
      createdAt: (this.d.now?.() ?? new Date()).toISOString(),
      createdBy: input.by,
      authors,
      sections: summary.sections,
      parties: summary.parties,
      hash: snapshot.hash,
      lockedVersion: input.lockedVersion ?? null,
      restoredFrom: input.restoredFrom ?? null,
      state: snapshot.state,
      canonical: snapshot.canonical,
    });
    this.pendingAuthors.delete(agreementId);
    this.clean.add(agreementId);
    this.d.hub.publish(agreementId, 'history', {});
    return entry;
  }

  /** An editor names the current state (the route asked the policy). */
  name(by: Participant, name: string): HistoryEntryView {
    const entry = this.record(by.agreementId, { kind: 'named', by: by.id, name });
    if (!entry) throw new Error('a named version is always recorded');
    return this.view(entry, this.names(by.agreementId));
  }

  /** A participant left the agreement: remember what they saw (recording it first if it is not a version yet). */
  visited(agreementId: string, participantId: string): void {
    this.record(agreementId, { kind: 'auto', by: null });
    const latest = this.d.store.latest(agreementId);
    if (latest) this.d.store.setSeen(participantId, latest.id, (this.d.now?.() ?? new Date()).toISOString());
  }

  list(viewer: Participant): HistoryList {
    const names = this.names(viewer.agreementId);
    const versions = this.d.store.list(viewer.agreementId).map((e) => this.view(e, names));
    return { versions, lastSeenId: this.d.store.seen(viewer.id) ?? null, lastNamedId: this.d.store.latestNamed(viewer.agreementId)?.id ?? null };
  }

  /** One version of this agreement, with its content; any other id is a 404. */
  version(agreementId: string, id: string): HistoryVersion {
    const entry = this.entry(agreementId, id);
    return { version: this.view(entry, this.names(agreementId)), content: this.contentOf(entry.id) };
  }

  /** The version's Yjs state, to open it read-only in the editor's layout. */
  state(agreementId: string, id: string): Uint8Array {
    const entry = this.entry(agreementId, id);
    const state = this.d.store.state(entry.id);
    if (!state) throw new HttpError(404, 'not_found', 'version not found');
    return state;
  }

  /** A version of this agreement; a version of another agreement is reported like an unknown one. */
  entry(agreementId: string, id: string): HistoryEntry {
    const entry = this.d.store.get(id);
    if (!entry || entry.agreementId !== agreementId) throw new HttpError(404, 'not_found', 'version not found');
    return entry;
  }

  contentOf(id: string): AgreementContent {
    const canonical = this.d.store.canonical(id);
    if (canonical === undefined) throw new HttpError(404, 'not_found', 'version not found');
    return JSON.parse(canonical) as AgreementContent;
  }

  /** Participant id → name, revoked ones included (they still made their changes). */
  names(agreementId: string): Map<string, string> {
    return new Map(this.d.participants.list(agreementId).map((p) => [p.id, p.name]));
  }

  view(e: HistoryEntry, names: ReadonlyMap<string, string>): HistoryEntryView {
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    return {
      id: e.id,
      number: e.number,
      kind: e.kind,
      name: e.name,
      createdAt: e.createdAt,
      createdBy: e.createdBy === null ? null : person(e.createdBy),
      authors: e.authors.map(person),
      sections: e.sections,
      parties: e.parties,
      hash: e.hash,
      lockedVersion: e.lockedVersion,
      restoredFrom: e.restoredFrom,
    };
  }
}

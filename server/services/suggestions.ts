import type * as Y from 'yjs';
import type { SuggestionView } from '../../shared/api';
import { findSuggestions, type FoundSuggestion } from '../../shared/suggestions';
import type { AgreementTemplate } from '../../shared/template';
import type { AuthorRecord, AuthorStore } from '../store/authors';
import type { Rooms } from '../sync/rooms';

export interface SuggestionDeps {
  rooms: Rooms;
  authors: AuthorStore;
  templateOf: (agreementId: string) => AgreementTemplate;
}

/** When the item at `clock` was stored: the span holding it is the last one starting at or before it. */
function storedAt(record: AuthorRecord | undefined, clock: number): string | null {
  let at: string | null = null;
  for (const span of record?.spans ?? []) {
    if (span.clock > clock) break;
    at = span.at;
  }
  return at;
}

/**
 * The open suggestions of an agreement with their authors. The author is the
 * participant the authorship record binds to the client id of the Yjs item
 * that opened the mark: whatever the mark's value says is never read, so a
 * client cannot put a suggestion in someone else's name.
 */
export class SuggestionService {
  constructor(private readonly d: SuggestionDeps) {}

  list(agreementId: string): SuggestionView[] {
    const template = this.d.templateOf(agreementId);
    return this.withAuthors(
      agreementId,
      this.d.rooms.read(agreementId, (doc) => findSuggestions(doc, template)),
    );
  }

  /** The open suggestions of a document already being read (a lock's snapshot, a draft export). */
  inDoc(agreementId: string, doc: Y.Doc): SuggestionView[] {
    return this.withAuthors(agreementId, findSuggestions(doc, this.d.templateOf(agreementId)));
  }

  withAuthors(agreementId: string, found: readonly FoundSuggestion[]): SuggestionView[] {
    if (found.length === 0) return [];
    // The record holds every applied update's client: whatever is still queued was bound as it was applied.
    const records = new Map(this.d.authors.list(agreementId).map((r) => [r.clientId, r]));
    return found.map(({ id, sectionKey, partyId, inserted, deleted, clientId, clock, writers }) => {
      const record = records.get(clientId);
      // Marks under this id written by someone else too (an id reused): no one is its author.
      const shared = new Set(writers.map((w) => records.get(w)?.participant?.id ?? null)).size > 1;
      const p = shared ? null : (record?.participant ?? null);
      return {
        id,
        sectionKey,
        partyId,
        inserted,
        deleted,
        author: p ? { participantId: p.id, name: p.name, partyId: p.partyId } : null,
        at: shared ? null : storedAt(record, clock),
      };
    });
  }
}

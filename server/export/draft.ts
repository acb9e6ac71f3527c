import type { SuggestionView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import type { Participant } from '../store/participants';
import type { Rooms } from '../sync/rooms';
import type { SuggestionService } from '../services/suggestions';
import { versionOf } from '../signing/hash';
import { agreementDocx } from './docx';
import { exportWords } from './labels';
import { richOf, type ExportModel } from './model';
import { draftPdf } from './pdf';

export interface DraftDeps {
  rooms: Rooms;
  suggestions: SuggestionService;
  templateOf: (agreementId: string) => AgreementTemplate;
  now?: () => Date;
}

/**
 * The draft as it stands, to read or send round (PDF, DOCX): the live
 * document's text with its open suggestions as a redline (insertions
 * underlined, deletions struck through), each paragraph holding one followed
 * by its author from the authorship record. Generated on demand, never stored;
 * marked as neither locked nor signed.
 */
export class DraftExports {
  constructor(private readonly d: DraftDeps) {}

  async pdf(by: Participant): Promise<{ pdf: Buffer; filename: string }> {
    return { pdf: await draftPdf(this.model(by.agreementId)), filename: `agreement-${by.agreementId}-draft.pdf` };
  }

  async docx(by: Participant): Promise<{ docx: Buffer; filename: string }> {
    const m = this.model(by.agreementId);
    return { docx: await agreementDocx(m, exportWords(m.content.language).t('export.draftCopy')), filename: `agreement-${by.agreementId}-draft.docx` };
  }

  private model(agreementId: string): ExportModel {
    const template = this.d.templateOf(agreementId);
    // One read: the text and the suggestions found in it are of the same state.
    const { snapshot, suggestions } = this.d.rooms.read(agreementId, (doc) => ({
      snapshot: versionOf(doc, template),
      suggestions: this.d.suggestions.inDoc(agreementId, doc),
    }));
    const { content } = snapshot;
    const words = exportWords(content.language);
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const partyName = (id: string): string => content.parties.find((p) => p.id === id)?.legalName || words.t('party.unnamed');
    const noteOf = (id: string): string => note(byId.get(id), words, partyName);
    return {
      agreementId,
      template,
      content,
      versionNumber: 0,
      versionHash: snapshot.hash,
      lockedAt: (this.d.now?.() ?? new Date()).toISOString(),
      signatures: [],
      inForceFrom: null,
      auditHead: '',
      rich: richOf(snapshot.state, noteOf),
    };
  }
}

/** What a suggestion does: adds, removes, or anything else (both, or formatting). */
const kindOf = (s: SuggestionView | undefined): string => (s?.inserted && !s.deleted ? 'insertion' : s?.deleted && !s.inserted ? 'deletion' : 'other');

/** "Addition suggested by Paul (Partie 1), 2 December 2026 at 03:10 UTC": who, from the authorship record, never from the mark. */
function note(s: SuggestionView | undefined, words: ReturnType<typeof exportWords>, partyName: (id: string) => string): string {
  const { t } = words;
  const kind = kindOf(s);
  if (!s?.author) return t('export.suggestionUnknown', { kind });
  const who = { kind, name: s.author.name, party: partyName(s.author.partyId) };
  return s.at ? t('export.suggestionBy', { ...who, date: words.dateTime(s.at) }) : t('export.suggestionByUndated', who);
}

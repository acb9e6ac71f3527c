import * as Y from 'yjs';
import { changeSummary, compareContents, type SectionComparison } from '../../shared/diff';
import type { CompareSideView, Comparison } from '../../shared/historySchemas';
import { readAgreement, type AgreementContent } from '../../shared/render';
import type { AgreementTemplate } from '../../shared/template';
import { sha256 } from '../signing/hash';
import { canonicalJson } from '../../shared/canonical';
import type { HistoryEntry, HistoryStore } from '../store/history';
import { fragmentName } from '../../shared/schema';
import type { Rooms } from '../sync/rooms';
import { alignTo } from './historyAlign';
import { insertionAuthors, textWithClients } from './historyInsertions';
import type { HistoryService } from './history';

export interface CompareDeps {
  history: HistoryService;
  store: HistoryStore;
  rooms: Rooms;
  templateOf: (agreementId: string) => AgreementTemplate;
  now?: () => Date;
  /** Who each Yjs client id of the agreement is bound to (issue 11's authorship record): client → participant id, or null. */
  clientsOf?: (agreementId: string) => ReadonlyMap<number, { participantId: string | null }>;
}

interface Side {
  view: CompareSideView;
  content: AgreementContent;
  /** The entry's number; the current text comes after every entry. */
  number: number;
  entry: HistoryEntry | null;
}

/**
 * Compares two versions of one agreement (or one with the current text),
 * section by section, naming who made each section's changes: the authors
 * of the versions in between that changed it, and for the current text,
 * whoever edited since the latest version.
 */
export class HistoryCompare {
  constructor(private readonly d: CompareDeps) {}

  compare(agreementId: string, from: string, to: string): Comparison {
    const template = this.d.templateOf(agreementId);
    const a = this.side(agreementId, from);
    const b = this.side(agreementId, to);
    return this.build(agreementId, a, b, this.sectionAuthors(agreementId, Math.min(a.number, b.number), Math.max(a.number, b.number), template));
  }

  /**
   * What an amendment (or a renewal) changes: a version of the original
   * (`originalId`, the signed version it was prefilled from) against a
   * version or the current text of the agreement opened from it. Who changed
   * each section comes from the new agreement's own history, since the
   * original's words are where it started.
   */
  compareLinked(originalId: string, originalEntry: string, agreementId: string, to: string): Comparison {
    const b = this.side(agreementId, to);
    const signed = this.side(originalId, originalEntry);
    const a = { ...signed, content: alignTo(signed.content, b.content) };
    return this.build(agreementId, a, b, this.sectionAuthors(agreementId, 0, b.number, this.d.templateOf(agreementId)));
  }

  /** Compares side `a` with side `b`, `b` being of `agreementId` (whose authorship names the inserted words). */
  private build(agreementId: string, a: Side, b: Side, authors: Map<string, Set<string>>): Comparison {
    const template = this.d.templateOf(agreementId);
    const result = compareContents(a.content, b.content, template);
    const names = this.d.history.names(agreementId);
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    const partyNames: Record<string, string> = {};
    for (const p of [...a.content.parties, ...b.content.parties]) partyNames[p.id] = p.legalName;
    const inserted = this.insertions(agreementId, b, result.sections);
    return {
      from: a.view,
      to: b.view,
      sections: result.sections.map((s) => {
        const by = inserted.get(s.key) ?? [];
        const texts = s.texts.map((t, i) => ({ ...t, ops: t.ops.map((o, j) => (o.op === 'ins' ? { ...o, by: (by[i]?.[j] ?? []).map(person) } : o)) }));
        const who = new Set([...(authors.get(s.key) ?? []), ...by.flat(2)]);
        return { ...s, texts, authors: s.changed ? [...who].map(person) : [] };
      }),
      changedSections: result.changedSections,
      changedParties: result.changedParties,
      partyNames,
    };
  }

  private side(agreementId: string, id: string): Side {
    if (id === 'current') {
      this.d.rooms.flushPending();
      const content = this.d.rooms.read(agreementId, (doc) => readAgreement(doc, this.d.templateOf(agreementId)));
      const view: CompareSideView = {
        id: 'current',
        number: null,
        name: null,
        kind: 'current',
        createdAt: (this.d.now?.() ?? new Date()).toISOString(),
        hash: sha256(canonicalJson(content)),
        lockedVersion: null,
        restoredFrom: null,
      };
      return { view, content, number: Number.MAX_SAFE_INTEGER, entry: null };
    }
    const entry = this.d.history.entry(agreementId, id);
    const view: CompareSideView = {
      id: entry.id,
      number: entry.number,
      name: entry.name,
      kind: entry.kind,
      createdAt: entry.createdAt,
      hash: entry.hash,
      lockedVersion: entry.lockedVersion,
      restoredFrom: entry.restoredFrom,
    };
    return { view, content: this.d.history.contentOf(entry.id), number: entry.number, entry };
  }

  /**
   * Who wrote each inserted run, from the newer side's own Yjs items (each
   * carries the client that inserted it) and the authorship record: section
   * key → per text → per op, participant ids. Deletions leave no author in
   * Yjs; they are covered by the section's authors.
   */
  private insertions(agreementId: string, b: Side, sections: readonly SectionComparison[]): Map<string, string[][][]> {
    const out = new Map<string, string[][][]>();
    const bindings = this.d.clientsOf?.(agreementId);
    if (!bindings || !sections.some((s) => s.texts.some((t) => t.ops.some((o) => o.op === 'ins')))) return out;
    const who = (client: number): string | null => bindings.get(client)?.participantId ?? null;
    const read = (doc: Y.Doc): void => {
      for (const s of sections) {
        const texts = s.texts.map((t) =>
          t.ops.some((o) => o.op === 'ins')
            ? (insertionAuthors(t.ops, textWithClients(doc.getXmlFragment(fragmentName(s.key, t.partyId ?? undefined))), who) ?? [])
            : [],
        );
        out.set(s.key, texts);
      }
    };
    if (!b.entry) return this.d.rooms.read(agreementId, (doc) => (read(doc), out));
    const state = this.d.store.state(b.entry.id);
    if (!state) return out;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      read(doc);
    } finally {
      doc.destroy();
    }
    return out;
  }

  /** Section key → who changed it between versions `low` and `high` (numbers; MAX_SAFE_INTEGER is the current text). */
  private sectionAuthors(agreementId: string, low: number, high: number, template: AgreementTemplate): Map<string, Set<string>> {
    const bySection = new Map<string, Set<string>>();
    const add = (sections: readonly string[], authors: readonly string[]): void => {
      for (const s of sections) {
        let set = bySection.get(s);
        if (!set) bySection.set(s, (set = new Set()));
        for (const a of authors) set.add(a);
      }
    };
    for (const v of this.d.store.between(agreementId, low, high)) add(v.sections, v.authors);
    if (high === Number.MAX_SAFE_INTEGER) {
      const latest = this.d.store.latest(agreementId);
      const pending = this.d.history.authorsSinceLatest(agreementId);
      if (pending.length > 0) {
        const current = this.d.rooms.read(agreementId, (doc) => readAgreement(doc, template));
        const since = latest ? changeSummary(this.d.history.contentOf(latest.id), current, template).sections : template.sections.map((s) => s.key);
        add(since, pending);
      }
    }
    return bySection;
  }
}

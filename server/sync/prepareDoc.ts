import * as Y from 'yjs';
import { LEGACY_PARTIES, fragmentName, getPartyIdList, paragraph, partyIdsOf, partyMap } from '../../shared/schema';
import { initTable, isTableKind, tableMap } from '../../shared/tables';
import type { AgreementTemplate } from '../../shared/template';

export interface PrepareInput {
  template: AgreementTemplate;
  /** The party ids the server stores, in order; empty for an agreement stored before parties were server data. */
  stored: readonly string[];
  /** Drafts may have their text moved; locked and signed documents only gain copies. */
  draft: boolean;
}

/**
 * Brings a loaded document in line with the server's party list. Idempotent:
 * it runs at every load and changes nothing once the document is current.
 *
 * - Agreements stored before parties were server data keep them in a
 *   `parties` array: each party's fields are copied under `party:<id>`, and
 *   their ids become the server's list (returned, for the caller to store).
 *   The old array is left as it was, so nothing is lost.
 * - In a draft, a mission typed at creation (once shown only as a hint) moves
 *   into the party's Context paragraph, if that paragraph is empty.
 * - The `partyIds` mirror is rewritten if it differs from the server's list.
 * - A table section's map gets its empty lists if it has none (agreements
 *   created before the section kind existed): two people adding the first
 *   row at once would otherwise each create the list, and one list would win.
 */
export function prepareDoc(doc: Y.Doc, { template, stored, draft }: PrepareInput): { ids: string[] } {
  const legacy = legacyParties(doc);
  const ids = stored.length > 0 ? [...stored] : legacy.length > 0 ? legacy.map((p) => p.id) : partyIdsOf(doc);
  doc.transact(() => {
    for (const old of legacy) {
      if (!ids.includes(old.id)) continue;
      const target = partyMap(doc, old.id);
      if (target.size === 0) copyParty(old.map, target);
    }
    for (const id of ids) ensureLists(partyMap(doc, id));
    ensureTables(doc, template);
    if (draft) for (const id of ids) moveMission(doc, id, template);
    const mirror = getPartyIdList(doc);
    const current = mirror.toArray() as unknown[];
    if (current.length !== ids.length || current.some((v, i) => v !== ids[i])) {
      if (mirror.length > 0) mirror.delete(0, mirror.length);
      mirror.push(ids);
    }
  });
  return { ids };
}

function legacyParties(doc: Y.Doc): { id: string; map: Y.Map<unknown> }[] {
  if (!doc.share.has(LEGACY_PARTIES)) return [];
  const out: { id: string; map: Y.Map<unknown> }[] = [];
  for (const item of doc.getArray<unknown>(LEGACY_PARTIES).toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const id: unknown = item.get('id');
    if (typeof id === 'string' && id !== '' && !out.some((p) => p.id === id)) out.push({ id, map: item as Y.Map<unknown> });
  }
  return out;
}

function copyParty(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  for (const field of ['legalName', 'address', 'mission'] as const) {
    const value = from.get(field);
    to.set(field, typeof value === 'string' ? value : '');
  }
  to.set('contacts', copyList(from.get('contacts')));
  to.set('signatories', copyList(from.get('signatories')));
}

/** A fresh Y.Array of fresh maps with the same entries (Yjs types cannot be shared between parents). */
function copyList(value: unknown): Y.Array<Y.Map<unknown>> {
  const list = new Y.Array<Y.Map<unknown>>();
  if (!(value instanceof Y.Array)) return list;
  const maps: Y.Map<unknown>[] = [];
  for (const item of value.toArray() as unknown[]) {
    if (!(item instanceof Y.Map)) continue;
    const copy = new Y.Map<unknown>();
    for (const [k, v] of (item as Y.Map<unknown>).entries()) if (!(v instanceof Y.AbstractType)) copy.set(k, v);
    maps.push(copy);
  }
  list.push(maps);
  return list;
}

/** A listed party always has its two lists, so clients can add contacts and signatories. */
function ensureLists(map: Y.Map<unknown>): void {
  for (const key of ['contacts', 'signatories']) if (!(map.get(key) instanceof Y.Array)) map.set(key, new Y.Array<Y.Map<unknown>>());
}

function ensureTables(doc: Y.Doc, template: AgreementTemplate): void {
  for (const section of template.sections) {
    if (!isTableKind(section.kind)) continue;
    initTable(tableMap(doc, section.key), section.kind); // only the lists that are missing
  }
}

function moveMission(doc: Y.Doc, id: string, template: AgreementTemplate): void {
  const map = partyMap(doc, id);
  const mission = map.get('mission');
  const context = template.sections.find((s) => s.kind === 'context');
  if (typeof mission !== 'string' || mission.trim() === '' || !context) return;
  const fragment = doc.getXmlFragment(fragmentName(context.key, id));
  if (fragment.length > 0) return; // someone wrote the paragraph: keep the mission as the hint above it
  fragment.push([paragraph(mission.trim())]);
  map.set('mission', '');
}

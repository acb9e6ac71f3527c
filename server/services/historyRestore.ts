import * as Y from 'yjs';
import { canonicalJson } from '../../shared/canonical';
import { readAgreement } from '../../shared/render';
import { fragmentName, getDuration, getMeta, hasSharedText, isPerParty, newId, partyIdsOf, partyMap } from '../../shared/schema';
import { sectionContent } from '../../shared/sections';
import { getIncluded } from '../../shared/included';
import { SECTION_KIND_DEFS } from '../../shared/kinds';
import { isTableKind, tableMap } from '../../shared/tables';
import type { AgreementTemplate, SectionTemplate } from '../../shared/template';

/** Makes `live` hold what `old` holds, as new operations (nothing of the history is rewritten), if they differ. */
function copyFragment(live: Y.XmlFragment, old: Y.XmlFragment): void {
  if (live.toJSON() === old.toJSON()) return;
  if (live.length > 0) live.delete(0, live.length);
  const copies = old.toArray().flatMap((n) => (n instanceof Y.XmlElement || n instanceof Y.XmlText ? [n.clone()] : []));
  if (copies.length > 0) live.insert(0, copies);
}

function copyFields(live: Y.Map<unknown>, old: Y.Map<unknown>, keys: readonly string[]): void {
  for (const k of keys) {
    const value = old.get(k);
    if (value === undefined) live.delete(k);
    else if (live.get(k) !== value) live.set(k, value);
  }
}

/**
 * A party's contacts or signatories become the old list: maps of plain
 * fields, rebuilt. `freshIds`: each item gets a new id (a new agreement's
 * copy, whose contacts and signatories are its own).
 */
function copyList(live: Y.Map<unknown>, old: Y.Map<unknown>, key: 'contacts' | 'signatories', fields: readonly string[], freshIds: boolean): void {
  const plain = (list: unknown): Record<string, unknown>[] =>
    list instanceof Y.Array
      ? (list.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map).map((m) => Object.fromEntries(fields.map((f) => [f, m.get(f)])))
      : [];
  const wanted = plain(old.get(key)).map((item) => (freshIds ? { ...item, id: newId() } : item));
  if (!freshIds && canonicalJson(plain(live.get(key))) === canonicalJson(wanted)) return;
  const list = new Y.Array<Y.Map<unknown>>();
  list.push(
    wanted.map((item) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(item)) if (v !== undefined) m.set(k, v);
      return m;
    }),
  );
  live.set(key, list);
}

/** JSON back into Yjs types: objects become maps and arrays become arrays, all the way down. */
function toY(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list = new Y.Array<unknown>();
    list.push(value.map(toY));
    return list;
  }
  if (typeof value === 'object' && value !== null) {
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(value)) map.set(k, toY(v));
    return map;
  }
  return value;
}

/**
 * A table section's map (RACI matrix, budget) becomes the old one, rebuilt,
 * if they differ; the row fields that name a party (`tableParties`) are
 * re-pointed through `party`.
 */
function copyTable(live: Y.Map<unknown>, old: Y.Map<unknown>, refs: readonly { list: string; field: string }[], party: (id: string) => string): void {
  const wanted = old.toJSON() as Record<string, unknown>;
  for (const { list, field } of refs) {
    const rows = wanted[list];
    if (!Array.isArray(rows)) continue;
    wanted[list] = rows.map((row: unknown) => {
      if (typeof row !== 'object' || row === null) return row;
      const value = (row as Record<string, unknown>)[field];
      return typeof value === 'string' && value !== '' ? { ...row, [field]: party(value) } : row;
    });
  }
  if (canonicalJson(live.toJSON()) === canonicalJson(wanted)) return;
  for (const k of [...live.keys()]) if (!Object.hasOwn(wanted, k)) live.delete(k);
  for (const [k, v] of Object.entries(wanted)) live.set(k, toY(v));
}

/**
 * How a copy pairs the old document's parties with the live one's: old
 * party id → live party id (a restore: the same ids, the parties both
 * have; a new agreement's prefill: its new ids, by place). `freshIds`: the
 * copied contacts and signatories get new ids.
 */
export interface PartyPairing {
  parties: ReadonlyMap<string, string>;
  freshIds: boolean;
}

function copySection(live: Y.Doc, old: Y.Doc, section: SectionTemplate, pairing: PartyPairing): void {
  const pairs = [...pairing.parties];
  // An optional section (an annex) comes back in or out as it was.
  if (section.optional) copyFields(getIncluded(live), getIncluded(old), [section.key]);
  const fields = SECTION_KIND_DEFS[section.kind].restore;
  if (isTableKind(section.kind))
    copyTable(tableMap(live, section.key), tableMap(old, section.key), fields?.tableParties ?? [], (id) => pairing.parties.get(id) ?? id);
  if (hasSharedText(section.kind)) copyFragment(live.getXmlFragment(fragmentName(section.key)), old.getXmlFragment(fragmentName(section.key)));
  if (isPerParty(section.kind)) {
    for (const [from, to] of pairs) copyFragment(live.getXmlFragment(fragmentName(section.key, to)), old.getXmlFragment(fragmentName(section.key, from)));
  }
  // The structured fields the kind keeps beside its text (`shared/kinds/<kind>.ts`).
  if (fields?.meta) copyFields(getMeta(live), getMeta(old), fields.meta);
  if (fields?.party) for (const [from, to] of pairs) copyFields(partyMap(live, to), partyMap(old, from), fields.party);
  if (fields?.duration) copyFields(getDuration(live), getDuration(old), fields.duration);
  const list = fields?.partyList;
  if (list) for (const [from, to] of pairs) copyList(partyMap(live, to), partyMap(old, from), list.key, list.fields, pairing.freshIds);
}

/**
 * Writes a version's content (`old`, sections `sections`) into `live`, its
 * parties paired by `pairing`: what a restore and an amendment's prefill
 * share. Call inside a transaction.
 */
export function copyVersion(live: Y.Doc, old: Y.Doc, sections: readonly SectionTemplate[], pairing: PartyPairing): void {
  for (const s of sections) copySection(live, old, s, pairing);
}

/** Every paired party's contacts and signatories, whether or not a section of the template shows them (a new agreement keeps what the signed parties had). */
export function copyPartyLists(live: Y.Doc, old: Y.Doc, pairing: PartyPairing): void {
  const lists = Object.values(SECTION_KIND_DEFS).flatMap((d) => (d.restore?.partyList ? [d.restore.partyList] : []));
  for (const [from, to] of pairing.parties) for (const l of lists) copyList(partyMap(live, to), partyMap(old, from), l.key, l.fields, pairing.freshIds);
}

/**
 * Writes a version's content (all of it, or one section) into the live
 * document as new changes on top. Parties are server data: the restore
 * touches the parties listed now that the version also had; a party added
 * since keeps its text, and a removed one is not brought back. Returns the
 * keys of the sections whose content changed.
 */
export function restoreVersion(live: Y.Doc, versionState: Uint8Array, template: AgreementTemplate, only?: string): string[] {
  const old = new Y.Doc();
  try {
    Y.applyUpdate(old, versionState);
    const oldParties = new Set(partyIdsOf(old));
    const parties = partyIdsOf(live).filter((p) => oldParties.has(p));
    const sections = template.sections.filter((s) => only === undefined || s.key === only);
    const before = readAgreement(live, template);
    live.transact(() => copyVersion(live, old, sections, { parties: new Map(parties.map((p) => [p, p])), freshIds: false }));
    const after = readAgreement(live, template);
    return sections.filter((s) => canonicalJson(sectionContent(before, s)) !== canonicalJson(sectionContent(after, s))).map((s) => s.key);
  } finally {
    old.destroy();
  }
}

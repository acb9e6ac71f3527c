import * as Y from 'yjs';
import { canonicalJson } from '../../shared/canonical';
import { readAgreement } from '../../shared/render';
import { fragmentName, getDuration, getMeta, hasSharedText, isPerParty, partyIdsOf, partyMap } from '../../shared/schema';
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

/** A party's contacts or signatories become the old list: maps of plain fields, rebuilt. */
function copyList(live: Y.Map<unknown>, old: Y.Map<unknown>, key: 'contacts' | 'signatories', fields: readonly string[]): void {
  const plain = (list: unknown): Record<string, unknown>[] =>
    list instanceof Y.Array
      ? (list.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map).map((m) => Object.fromEntries(fields.map((f) => [f, m.get(f)])))
      : [];
  const wanted = plain(old.get(key));
  if (canonicalJson(plain(live.get(key))) === canonicalJson(wanted)) return;
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

/** A table section's map (RACI matrix, budget) becomes the old one, rebuilt, if they differ. */
function copyTable(live: Y.Map<unknown>, old: Y.Map<unknown>): void {
  if (canonicalJson(live.toJSON()) === canonicalJson(old.toJSON())) return;
  for (const k of [...live.keys()]) if (!old.has(k)) live.delete(k);
  for (const [k, v] of Object.entries(old.toJSON())) live.set(k, toY(v));
}

function restoreSection(live: Y.Doc, old: Y.Doc, section: SectionTemplate, parties: readonly string[]): void {
  // An optional section (an annex) comes back in or out as it was.
  if (section.optional) copyFields(getIncluded(live), getIncluded(old), [section.key]);
  if (isTableKind(section.kind)) copyTable(tableMap(live, section.key), tableMap(old, section.key));
  if (hasSharedText(section.kind)) copyFragment(live.getXmlFragment(fragmentName(section.key)), old.getXmlFragment(fragmentName(section.key)));
  if (isPerParty(section.kind)) {
    for (const p of parties) copyFragment(live.getXmlFragment(fragmentName(section.key, p)), old.getXmlFragment(fragmentName(section.key, p)));
  }
  // The structured fields the kind keeps beside its text (`shared/kinds/<kind>.ts`).
  const fields = SECTION_KIND_DEFS[section.kind].restore;
  if (fields?.meta) copyFields(getMeta(live), getMeta(old), fields.meta);
  if (fields?.party) for (const p of parties) copyFields(partyMap(live, p), partyMap(old, p), fields.party);
  if (fields?.duration) copyFields(getDuration(live), getDuration(old), fields.duration);
  const list = fields?.partyList;
  if (list) for (const p of parties) copyList(partyMap(live, p), partyMap(old, p), list.key, list.fields);
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
    live.transact(() => {
      for (const s of sections) restoreSection(live, old, s, parties);
    });
    const after = readAgreement(live, template);
    return sections.filter((s) => canonicalJson(sectionContent(before, s)) !== canonicalJson(sectionContent(after, s))).map((s) => s.key);
  } finally {
    old.destroy();
  }
}

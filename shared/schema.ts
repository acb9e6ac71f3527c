import * as Y from 'yjs';
import { INCLUDED } from './included';
import { kindDef } from './kinds';
import { NEEDS_PREFIX } from './needs';
import { initTable, isTableKind, TABLE_PREFIX, tableMap } from './tables';
import type { AgreementTemplate, Lang } from './template';

/**
 * The layout of one agreement's Y.Doc. Everything that edits the document,
 * client or server, goes through these names so the two never drift apart.
 *
 *   meta        Y.Map   title, language, templateId
 *   partyIds    Y.Array<string>  the parties, in order. Written by the server
 *                                only: parties are server data (the server's
 *                                `parties` table is the truth, this is its mirror)
 *   party:<id>  Y.Map   legalName, address, mission (kept for agreements made
 *                       before the mission moved into the Context section),
 *                       contacts: Y.Array<Y.Map{id,title,email,phone}>,
 *                       signatories: Y.Array<Y.Map{id,name,title}>
 *   duration    Y.Map   termYears, renewalReviewMonths, terminationNoticeDays
 *   imported    Y.XmlFragment  "Imported, to sort": the parts of a Word draft that matched no section
 *   included    Y.Map   optional section key → boolean (annexes in or out, `included.ts`)
 *   section:…   Y.XmlFragment per rich-text area, named by `fragmentName`
 *   needs:<id>  Y.Map   a party's answers to the needs questionnaire (`needs.ts`), not part of the agreement
 *   table:<key> Y.Map   a table section's content: the RACI matrix (`raci.ts`), the budget (`budget.ts`)
 *
 * `parties` (a Y.Array of party maps) is the layout before parties became
 * server data; the server migrates it on first load and refuses writes to it.
 */
export const META = 'meta';
export const PARTY_IDS = 'partyIds';
export const LEGACY_PARTIES = 'parties';
export const DURATION = 'duration';
/** The "Imported, to sort" area of a Word import: what matched no section, for the editors to move. */
export const IMPORTED = 'imported';
export const PARTY_PREFIX = 'party:';
const SECTION_PREFIX = 'section:';

export interface PartyInput {
  legalName: string;
  address: string;
  mission: string;
}

/**
 * The Yjs fragment holding one rich-text area: a shared section
 * (`section:purpose`) or a section's per-party part
 * (`section:responsibilities:<partyId>`).
 */
export function fragmentName(sectionKey: string, partyId?: string): string {
  return partyId === undefined ? `${SECTION_PREFIX}${sectionKey}` : `${SECTION_PREFIX}${sectionKey}:${partyId}`;
}

export const partyKey = (partyId: string): string => `${PARTY_PREFIX}${partyId}`;

export const getMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META);
export const getPartyIdList = (doc: Y.Doc): Y.Array<string> => doc.getArray(PARTY_IDS);
export const getDuration = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DURATION);
export const partyMap = (doc: Y.Doc, partyId: string): Y.Map<unknown> => doc.getMap(partyKey(partyId));

/** The party ids in order (anything malformed or repeated is skipped). */
export function partyIdsOf(doc: Y.Doc): string[] {
  const seen = new Set<string>();
  for (const id of getPartyIdList(doc).toArray() as unknown[]) if (typeof id === 'string' && id !== '') seen.add(id);
  return [...seen];
}

export interface PartyRef {
  id: string;
  map: Y.Map<unknown>;
}

/** The parties in order, each with the map of its fields. */
export function partiesOf(doc: Y.Doc): PartyRef[] {
  return partyIdsOf(doc).map((id) => ({ id, map: partyMap(doc, id) }));
}

/**
 * Which top-level names a client's update may write to. Everything else —
 * the party list, the legacy `parties` array, an unknown name, a removed
 * party's fields — only the server writes, or nobody.
 */
export function isWritableRoot(name: string, template: AgreementTemplate, partyIds: ReadonlySet<string>): boolean {
  if (name === META || name === DURATION || name === INCLUDED || name === IMPORTED) return true;
  if (name.startsWith(PARTY_PREFIX)) return partyIds.has(name.slice(PARTY_PREFIX.length));
  if (name.startsWith(NEEDS_PREFIX)) return template.needs !== undefined && partyIds.has(name.slice(NEEDS_PREFIX.length));
  if (name.startsWith(TABLE_PREFIX)) {
    const kind = template.sections.find((s) => s.key === name.slice(TABLE_PREFIX.length))?.kind;
    return kind !== undefined && isTableKind(kind);
  }
  if (!name.startsWith(SECTION_PREFIX)) return false;
  const rest = name.slice(SECTION_PREFIX.length);
  const colon = rest.indexOf(':');
  const key = colon < 0 ? rest : rest.slice(0, colon);
  const section = template.sections.find((s) => s.key === key);
  if (!section) return false;
  if (colon < 0) return hasSharedText(section.kind);
  return isPerParty(section.kind) && partyIds.has(rest.slice(colon + 1));
}

/** Section kinds with one shared rich-text fragment. */
export function hasSharedText(kind: string): boolean {
  return kindDef(kind)?.sharedText === true;
}

/** Random id for parties, contacts and signatories (not a secret). */
export function newId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function makeMap(entries: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(entries)) map.set(k, v);
  return map;
}

export function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/**
 * Server only: lists a party and writes its fields. The mission typed at
 * creation becomes the party's Context paragraph, where the template asks for it.
 */
export function writeParty(doc: Y.Doc, id: string, input: PartyInput, template: AgreementTemplate): void {
  doc.transact(() => {
    const map = partyMap(doc, id);
    map.set('legalName', input.legalName);
    map.set('address', input.address);
    map.set('contacts', new Y.Array<Y.Map<unknown>>());
    map.set('signatories', new Y.Array<Y.Map<unknown>>());
    const mission = input.mission.trim();
    const context = template.sections.find((s) => s.kind === 'context');
    if (mission && context) doc.getXmlFragment(fragmentName(context.key, id)).push([paragraph(mission)]);
    getPartyIdList(doc).push([id]);
  });
}

/**
 * Server only: unlists a party and empties its per-party fragments
 * (top-level Yjs types cannot be deleted, but their content can).
 */
export function unlistParty(doc: Y.Doc, partyId: string, template: AgreementTemplate): void {
  doc.transact(() => {
    const list = getPartyIdList(doc);
    for (let i = list.length - 1; i >= 0; i--) if (list.get(i) === partyId) list.delete(i, 1);
    for (const section of template.sections) {
      if (isPerParty(section.kind)) {
        const fragment = doc.getXmlFragment(fragmentName(section.key, partyId));
        if (fragment.length > 0) fragment.delete(0, fragment.length);
      }
    }
  });
}

/** Section kinds that have one rich-text fragment per party. */
export function isPerParty(kind: string): boolean {
  return kindDef(kind)?.perParty === true;
}

/** A listed party's fields; undefined for an id the agreement does not list. */
export function findParty(doc: Y.Doc, partyId: string): Y.Map<unknown> | undefined {
  return partyIdsOf(doc).includes(partyId) ? partyMap(doc, partyId) : undefined;
}

export function partyList(doc: Y.Doc, partyId: string, list: 'contacts' | 'signatories'): Y.Array<Y.Map<unknown>> | undefined {
  const value = findParty(doc, partyId)?.get(list);
  return value instanceof Y.Array ? (value as Y.Array<Y.Map<unknown>>) : undefined;
}

export function addContact(doc: Y.Doc, partyId: string, title = '', email = '', phone = ''): void {
  partyList(doc, partyId, 'contacts')?.push([makeMap({ id: newId(), title, email, phone })]);
}

export function addSignatory(doc: Y.Doc, partyId: string, name = '', title = ''): void {
  partyList(doc, partyId, 'signatories')?.push([makeMap({ id: newId(), name, title })]);
}

export function removeListItem(list: Y.Array<Y.Map<unknown>>, itemId: string): void {
  const index = list.toArray().findIndex((m) => m.get('id') === itemId);
  if (index >= 0) list.delete(index, 1);
}

export interface NewAgreement {
  title: string;
  language: Lang;
  template: AgreementTemplate;
  /** The parties with the ids the server gave them; at least `template.minParties`. */
  parties: (PartyInput & { id: string })[];
}

/** Fills an empty doc from a template. Runs once, on the server, at creation. */
export function initAgreementDoc(doc: Y.Doc, input: NewAgreement): void {
  doc.transact(() => {
    const meta = getMeta(doc);
    meta.set('title', input.title);
    meta.set('language', input.language);
    meta.set('templateId', input.template.id);
    const duration = getDuration(doc);
    duration.set('termYears', input.template.duration.termYears);
    duration.set('renewalReviewMonths', input.template.duration.renewalReviewMonths);
    duration.set('terminationNoticeDays', input.template.duration.terminationNoticeDays);
    for (const party of input.parties) writeParty(doc, party.id, party, input.template);
    // Table sections get their lists now: two editors creating the same list at once would lose one's rows.
    for (const section of input.template.sections) if (isTableKind(section.kind)) initTable(tableMap(doc, section.key), section.kind);
    // The template's standard clauses, in the agreement's language.
    for (const section of input.template.sections) {
      const initial = section.initial?.[input.language];
      if (initial && hasSharedText(section.kind)) doc.getXmlFragment(fragmentName(section.key)).push(initial.map(paragraph));
    }
  });
}

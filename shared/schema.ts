import * as Y from 'yjs';
import type { AgreementTemplate, Lang, TerminationNoticeDays } from './template';

/**
 * The layout of one agreement's Y.Doc. Everything that edits the document,
 * client or server, goes through these names so the two never drift apart.
 *
 *   meta        Y.Map   title, language, templateId
 *   parties     Y.Array<Y.Map>  id, legalName, address, mission,
 *                               contacts: Y.Array<Y.Map{id,title,email,phone}>,
 *                               signatories: Y.Array<Y.Map{id,name,title}>
 *   duration    Y.Map   termYears, renewalReviewMonths, terminationNoticeDays
 *   section:…   Y.XmlFragment per rich-text area, named by `fragmentName`
 */
export const META = 'meta';
export const PARTIES = 'parties';
export const DURATION = 'duration';

export type PartyField = 'legalName' | 'address' | 'mission';
export type ContactField = 'title' | 'email' | 'phone';
export type SignatoryField = 'name' | 'title';

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
  return partyId === undefined ? `section:${sectionKey}` : `section:${sectionKey}:${partyId}`;
}

export const getMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META);
export const getParties = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray(PARTIES);
export const getDuration = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DURATION);

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

export function addParty(doc: Y.Doc, input: PartyInput): string {
  const id = newId();
  doc.transact(() => {
    getParties(doc).push([
      makeMap({ id, ...input, contacts: new Y.Array<Y.Map<unknown>>(), signatories: new Y.Array<Y.Map<unknown>>() }),
    ]);
  });
  return id;
}

/**
 * Removes a party and empties its per-party fragments (top-level Yjs types
 * cannot be deleted, but their content can).
 */
export function removeParty(doc: Y.Doc, partyId: string, template: AgreementTemplate): void {
  doc.transact(() => {
    const parties = getParties(doc);
    const index = parties.toArray().findIndex((p) => p.get('id') === partyId);
    if (index < 0) return;
    parties.delete(index, 1);
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
  return kind === 'context' || kind === 'responsibilities';
}

export function findParty(doc: Y.Doc, partyId: string): Y.Map<unknown> | undefined {
  return getParties(doc).toArray().find((p) => p.get('id') === partyId);
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
  parties: PartyInput[];
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
    const parties = [...input.parties];
    while (parties.length < input.template.minParties) parties.push({ legalName: '', address: '', mission: '' });
    for (const party of parties) addParty(doc, party);
  });
}

export function setTerminationNotice(doc: Y.Doc, days: TerminationNoticeDays): void {
  getDuration(doc).set('terminationNoticeDays', days);
}

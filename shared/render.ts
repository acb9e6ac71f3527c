import * as Y from 'yjs';
import { fragmentName, getDuration, getMeta, hasSharedText, isPerParty, partiesOf } from './schema';
import { readBudget, type BudgetContent } from './budget';
import { readIncluded } from './included';
import { readRaci, type RaciContent } from './raci';
import type { AgreementTemplate } from './template';

/** Plain JSON view of an agreement's Y.Doc: for the REST API, exports and checks. */
export interface AgreementContent {
  title: string;
  language: string;
  templateId: string;
  parties: PartyContent[];
  duration: { termYears: number | null; renewalReviewMonths: number | null; terminationNoticeDays: number | null; notes: string };
  /** Plain text of each shared rich-text section, by section key. */
  sections: Record<string, string>;
  /** Optional sections (annexes) in or out, by key; absent when the template has none. */
  included?: Record<string, boolean>;
  /** The RACI matrices, by section key; absent when the template has none. */
  raci?: Record<string, RaciContent>;
  /** The budget tables, by section key; absent when the template has none. */
  budget?: Record<string, BudgetContent>;
}

export interface PartyContent {
  id: string;
  legalName: string;
  address: string;
  mission: string;
  /** Plain text of each per-party rich-text section, by section key. */
  sections: Record<string, string>;
  contacts: { id: string; title: string; email: string; phone: string }[];
  signatories: { id: string; name: string; title: string }[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock']);

/** Text of a rich-text fragment, one line per block. */
export function fragmentToText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let line = '';
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') line += op.insert;
      return;
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement) walk(child);
    }
    if (node instanceof Y.XmlElement && BLOCKS.has(node.nodeName) && line !== '') {
      lines.push(line);
      line = '';
    }
    if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') line += '\n';
  };
  walk(fragment);
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function listOf(value: unknown): Y.Map<unknown>[] {
  return value instanceof Y.Array ? (value.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map) : [];
}

export function readAgreement(doc: Y.Doc, template: AgreementTemplate): AgreementContent {
  const meta = getMeta(doc);
  const duration = getDuration(doc);
  const shared: Record<string, string> = {};
  const perParty = template.sections.filter((s) => isPerParty(s.kind));
  for (const section of template.sections) {
    if (hasSharedText(section.kind)) {
      shared[section.key] = fragmentToText(doc.getXmlFragment(fragmentName(section.key)));
    }
  }
  const parties = partiesOf(doc).map(({ id, map: p }): PartyContent => {
    const sections: Record<string, string> = {};
    for (const s of perParty) sections[s.key] = fragmentToText(doc.getXmlFragment(fragmentName(s.key, id)));
    return {
      id,
      legalName: str(p.get('legalName')),
      address: str(p.get('address')),
      mission: str(p.get('mission')),
      sections,
      contacts: listOf(p.get('contacts')).map((c) => ({
        id: str(c.get('id')),
        title: str(c.get('title')),
        email: str(c.get('email')),
        phone: str(c.get('phone')),
      })),
      signatories: listOf(p.get('signatories')).map((s) => ({ id: str(s.get('id')), name: str(s.get('name')), title: str(s.get('title')) })),
    };
  });
  const included = readIncluded(doc, template);
  // Keys only for the kinds the template has, so other agreements' content (and fingerprints) stay as they were.
  const byKind = <T>(kind: string, read: (key: string) => T): Record<string, T> | undefined => {
    const keys = template.sections.filter((s) => s.kind === kind).map((s) => s.key);
    return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, read(k)])) : undefined;
  };
  const raci = byKind('raci', (k) => readRaci(doc, k));
  const budget = byKind('budget', (k) => readBudget(doc, k));
  return {
    ...(included ? { included } : {}),
    ...(raci ? { raci } : {}),
    ...(budget ? { budget } : {}),
    title: str(meta.get('title')),
    language: str(meta.get('language')),
    templateId: str(meta.get('templateId')),
    parties,
    duration: {
      termYears: num(duration.get('termYears')),
      renewalReviewMonths: num(duration.get('renewalReviewMonths')),
      terminationNoticeDays: num(duration.get('terminationNoticeDays')),
      notes: shared['duration'] ?? '',
    },
    sections: shared,
  };
}

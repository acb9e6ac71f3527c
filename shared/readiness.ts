import type { AgreementContent } from './render';
import type { AgreementTemplate } from './template';
import { TERMINATION_NOTICE_DAYS } from './template';
import { CHECKS } from './contentEnums';
import { activeSections } from './included';
import { SECTION_KIND_DEFS } from './kinds';
import type { KindCheck } from './kinds/types';

export { CHECKS };
export type CheckKey = (typeof CHECKS)[number];

export interface CheckResult {
  key: CheckKey;
  ok: boolean;
  /** What is missing, as `section`, `section:partyId` (also `contacts:`, `signer:`, `invite:`), thread ids or suggestion ids: for the UI to point at. */
  missing: string[];
}

export interface ReadinessInput {
  content: AgreementContent;
  template: AgreementTemplate;
  /** Shared threads not resolved yet (internal threads do not block). */
  openSharedThreads: string[];
  /** Ids of the suggestions still open (shared/suggestions.ts): each must be accepted or rejected before the lock. */
  openSuggestions?: readonly string[];
  /** Valid approvals, as `section:partyId`. */
  approvals: ReadonlySet<string>;
  /** Parties with at least one participant designated to sign (someone must be able to sign). */
  signerParties: ReadonlySet<string>;
  /** Parties with at least one (non-revoked) participant: one without must first invite someone. */
  participantParties: ReadonlySet<string>;
  /** The lawyer's review the owner recorded, when the template advises one. */
  legalReview?: { reviewer: string } | null;
}

export function readiness({
  content,
  template,
  openSharedThreads,
  openSuggestions = [],
  approvals,
  signerParties,
  participantParties,
  legalReview,
}: ReadinessInput): CheckResult[] {
  const lists: Record<KindCheck, string[]> = { sectionsFilled: [], responsibilities: [], signatories: [], raci: [] };
  // An annex left out is neither filled in nor approved.
  const sections = activeSections(template, content);
  for (const section of sections) {
    // Each kind says when it is filled in (`kinds/<kind>.ts`); `raci` collects `<section>:<taskId>:<problem>` per break of the RACI rule.
    SECTION_KIND_DEFS[section.kind].readiness({
      content,
      key: section.key,
      signerParties,
      participantParties,
      missing: (check, item) => void lists[check].push(item),
    });
  }
  const { sectionsFilled: filled, responsibilities, signatories, raci: raciBreaks } = lists;
  const d = content.duration;
  // A template without a duration section (the partnership agreement) has no term to check.
  const durationOk =
    !sections.some((s) => s.kind === 'duration') ||
    (d.termYears !== null &&
      d.termYears > 0 &&
      d.renewalReviewMonths !== null &&
      d.renewalReviewMonths > 0 &&
      (TERMINATION_NOTICE_DAYS as readonly number[]).includes(d.terminationNoticeDays ?? -1));
  const unapproved: string[] = [];
  for (const section of sections) {
    for (const p of content.parties) if (!approvals.has(`${section.key}:${p.id}`)) unapproved.push(`${section.key}:${p.id}`);
  }
  const checks: CheckResult[] = [
    { key: 'sectionsFilled', ok: filled.length === 0, missing: filled },
    { key: 'responsibilities', ok: responsibilities.length === 0, missing: responsibilities },
    { key: 'duration', ok: durationOk, missing: durationOk ? [] : ['duration'] },
    { key: 'signatories', ok: signatories.length === 0, missing: signatories },
    ...(sections.some((s) => s.kind === 'raci') ? [{ key: 'raci' as const, ok: raciBreaks.length === 0, missing: raciBreaks }] : []),
    { key: 'noOpenThreads', ok: openSharedThreads.length === 0, missing: openSharedThreads },
    { key: 'suggestions', ok: openSuggestions.length === 0, missing: [...openSuggestions] },
    { key: 'approvals', ok: unapproved.length === 0, missing: unapproved },
  ];
  // Only where the guides advise it (the partnership agreement): other templates show no such line.
  if (template.legalReviewAdvised) checks.push({ key: 'legalReview', ok: Boolean(legalReview), missing: legalReview ? [] : ['legalReview'] });
  return checks;
}

export const isReady = (checks: CheckResult[]): boolean => checks.every((c) => c.ok);

import type { AgreementContent } from './render';
import type { AgreementTemplate } from './template';
import { TERMINATION_NOTICE_DAYS } from './template';
import { isCompleteLine } from './budget';
import { activeSections } from './included';
import { raciProblems } from './raci';

/** What must be true before the owner can lock the final version. */
export const CHECKS = ['sectionsFilled', 'responsibilities', 'duration', 'signatories', 'raci', 'noOpenThreads', 'approvals', 'legalReview'] as const;
export type CheckKey = (typeof CHECKS)[number];

export interface CheckResult {
  key: CheckKey;
  ok: boolean;
  /** What is missing, as `section`, `section:partyId` (also `contacts:`, `signer:`, `invite:`) or thread ids: for the UI to point at. */
  missing: string[];
}

export interface ReadinessInput {
  content: AgreementContent;
  template: AgreementTemplate;
  /** Shared threads not resolved yet (internal threads do not block). */
  openSharedThreads: string[];
  /** Valid approvals, as `section:partyId`. */
  approvals: ReadonlySet<string>;
  /** Parties with at least one participant designated to sign (someone must be able to sign). */
  signerParties: ReadonlySet<string>;
  /** Parties with at least one (non-revoked) participant: one without must first invite someone. */
  participantParties: ReadonlySet<string>;
  /** The lawyer's review the owner recorded, when the template advises one. */
  legalReview?: { reviewer: string } | null;
}

const blank = (s: string | undefined): boolean => (s ?? '').trim() === '';

export function readiness({ content, template, openSharedThreads, approvals, signerParties, participantParties, legalReview }: ReadinessInput): CheckResult[] {
  const filled: string[] = [];
  const responsibilities: string[] = [];
  const signatories: string[] = [];
  /** `<section>:<taskId>:<problem>`, for each break of the RACI rule. */
  const raciBreaks: string[] = [];
  // An annex left out is neither filled in nor approved.
  const sections = activeSections(template, content);
  for (const section of sections) {
    const key = section.key;
    switch (section.kind) {
      case 'parties':
        for (const p of content.parties) if (blank(p.legalName)) filled.push(`${key}:${p.id}`);
        break;
      case 'richtext':
        if (blank(content.sections[key])) filled.push(key);
        break;
      case 'context':
        if (blank(content.sections[key])) filled.push(key);
        for (const p of content.parties) if (blank(p.sections[key])) filled.push(`${key}:${p.id}`);
        break;
      case 'responsibilities':
        for (const p of content.parties) {
          if (blank(p.sections[key])) {
            filled.push(`${key}:${p.id}`);
            responsibilities.push(`${key}:${p.id}`);
          } else if (!p.contacts.some((c) => !blank(c.title))) responsibilities.push(`contacts:${p.id}`);
        }
        break;
      case 'duration':
        if (content.duration.termYears === null || content.duration.termYears <= 0) filled.push(key);
        break;
      case 'signatories':
        for (const p of content.parties) {
          if (!p.signatories.some((s) => !blank(s.name) && !blank(s.title))) {
            filled.push(`${key}:${p.id}`);
            signatories.push(`${key}:${p.id}`);
          }
          // `invite:` when nobody of that party takes part yet, `signer:` when someone does but none is designated to sign.
          if (!signerParties.has(p.id)) signatories.push(`${participantParties.has(p.id) ? 'signer' : 'invite'}:${p.id}`);
        }
        break;
      case 'raci': {
        const raci = content.raci?.[key];
        if (!raci || raci.tasks.length === 0 || raci.roles.length === 0) filled.push(key);
        else for (const { taskId, problem } of raciProblems(raci)) raciBreaks.push(`${key}:${taskId}:${problem}`);
        break;
      }
      case 'budget': {
        const ids = content.parties.map((p) => p.id);
        if (!(content.budget?.[key]?.lines ?? []).some((l) => isCompleteLine(l, ids))) filled.push(key);
        break;
      }
    }
  }
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
    { key: 'approvals', ok: unapproved.length === 0, missing: unapproved },
  ];
  // Only where the guides advise it (the partnership agreement): other templates show no such line.
  if (template.legalReviewAdvised) checks.push({ key: 'legalReview', ok: Boolean(legalReview), missing: legalReview ? [] : ['legalReview'] });
  return checks;
}

export const isReady = (checks: CheckResult[]): boolean => checks.every((c) => c.ok);

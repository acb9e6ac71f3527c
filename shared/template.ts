/**
 * What a template is. Templates are plain data (see `templates/`), so adding a
 * kind of agreement means adding a file, not a branch in the editor or server.
 */
import type { NeedsQuestion } from './needs';

export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Localized = Record<Lang, string>;

/**
 * How a section is edited. Each kind has one entry in `kinds/` (where its
 * content sits in the Y.Doc, what an approval covers, when it is filled in,
 * how it compares and restores), a rule for printing it
 * (`server/export/blocks.ts`) and one editor component in the client.
 * - parties: the structured list of parties (legal name, address, mission)
 * - richtext: one shared rich-text fragment
 * - context: one rich-text paragraph per party's mission, then a shared one
 * - responsibilities: per party, rich text plus contact points by job title
 * - duration: structured term/renewal/notice fields plus free text
 * - signatories: per party, the people who sign (name and title)
 * - raci: the RACI matrix, tasks × roles, one of R, A, C, I per cell (`raci.ts`)
 * - budget: budget lines (what, which party, amount, cash or in kind) with totals per party (`budget.ts`)
 */
export const SECTION_KINDS = ['parties', 'richtext', 'context', 'responsibilities', 'duration', 'signatories', 'raci', 'budget'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface SectionTemplate {
  /** Stable key, also the prefix of the section's Yjs fragments. */
  key: string;
  kind: SectionKind;
  title: Localized;
  /** Guidance from the source template, shown above the section. */
  guidance: Localized;
  /** Shown in an empty editor. */
  placeholder?: Localized;
  /**
   * An annex or other section the editors may add or remove (an excluded
   * section is not printed, approved or checked). `included` is its state in
   * a new agreement.
   */
  optional?: { included: boolean };
  /**
   * Standard clauses written into a new agreement's shared text, one
   * paragraph each, in the agreement's language (e.g. 004's background
   * clauses A–D). The editors change them like any other text.
   */
  initial?: Record<Lang, string[]>;
  /** Fixed words printed after the section (004: the parties are "hereinafter called the parties"). */
  closing?: Localized;
}

export interface DurationDefaults {
  termYears: number;
  renewalReviewMonths: number;
  terminationNoticeDays: TerminationNoticeDays;
}

export const TERMINATION_NOTICE_DAYS = [30, 60, 90] as const;
export type TerminationNoticeDays = (typeof TERMINATION_NOTICE_DAYS)[number];

export interface AgreementTemplate {
  id: string;
  name: Localized;
  description: Localized;
  /** Where the template comes from, for the curious reader. */
  source: string;
  minParties: number;
  sections: SectionTemplate[];
  duration: DurationDefaults;
  /**
   * The guides advise a lawyer's review (001: a partnership agreement is
   * complex and should be reviewed): the readiness checklist then asks the
   * owner to record who reviewed it and when.
   */
  legalReviewAdvised?: boolean;
  /**
   * The needs questionnaire (000, step 2), if the template has one: for each
   * question (`needs.ts`), the keys of the sections its answers inform.
   */
  needs?: Partial<Record<NeedsQuestion, string[]>>;
}

import type { FieldChange, PartyPair } from '../diffParts';
import type { AgreementContent } from '../render';

/** The readiness lists a section kind adds to (`shared/readiness.ts`). */
export type KindCheck = 'sectionsFilled' | 'responsibilities' | 'signatories' | 'raci';

export interface KindReadiness {
  content: AgreementContent;
  key: string;
  signerParties: ReadonlySet<string>;
  participantParties: ReadonlySet<string>;
  /** Notes what is missing (`section`, `section:partyId`, …) under one check. */
  missing: (check: KindCheck, item: string) => void;
}

export interface KindComparison {
  a: AgreementContent;
  b: AgreementContent;
  key: string;
  pairs: PartyPair[];
  fields: FieldChange[];
  /** Compares the shared rich text. */
  sharedText: () => void;
  /** Compares each party's rich text. */
  partyText: () => void;
}

/**
 * Everything the shared code knows about one section kind, in one place
 * (`shared/kinds/<kind>.ts`, listed in `shared/kinds/index.ts`).
 */
export interface SectionKindDef {
  /** One shared rich-text fragment, `section:<key>` (`schema.ts` `fragmentName`). */
  sharedText: boolean;
  /** One rich-text fragment per party, `section:<key>:<partyId>`. */
  perParty: boolean;
  /** A table kind: its `table:<key>` map and the lists it keeps there (`tables.ts`). */
  table?: Record<string, 'array' | 'map'>;
  /** The structured fields a restore copies back beside its fragments and table (`server/services/historyRestore.ts`). */
  restore?: {
    meta?: readonly string[];
    party?: readonly string[];
    duration?: readonly string[];
    partyList?: { key: 'contacts' | 'signatories'; fields: readonly string[] };
    /** Fields of a table's rows that hold a party id, re-pointed when a copy pairs parties anew (an amendment's prefill). */
    tableParties?: readonly { list: string; field: string }[];
  };
  /** What an approval of the section covers (`sections.ts`). */
  approval: (content: AgreementContent, key: string) => unknown;
  /** When it counts as filled in (`readiness.ts`). */
  readiness: (r: KindReadiness) => void;
  /** Whether `compare` words every change; otherwise a leftover difference shows as a `content` change (`diff.ts`). */
  worded: boolean;
  /** Its text parts and field changes in the drafting history (`diff.ts`). */
  compare: (c: KindComparison) => void;
}

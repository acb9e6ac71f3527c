import type { SectionKind } from '../template';
import { budget } from './budget';
import { context } from './context';
import { duration } from './duration';
import { parties } from './parties';
import { raci } from './raci';
import { responsibilities } from './responsibilities';
import { richtext } from './richtext';
import { signatories } from './signatories';
import type { SectionKindDef } from './types';

/**
 * The section kinds, one entry each (`SECTION_KINDS` in `template.ts` names
 * them): the shared code looks a kind up here instead of switching on it.
 */
export const SECTION_KIND_DEFS: Record<SectionKind, SectionKindDef> = { parties, richtext, context, responsibilities, duration, signatories, raci, budget };

/** A kind's entry; undefined for a name that is no kind (data read from a document or a request). */
export function kindDef(kind: string): SectionKindDef | undefined {
  return Object.hasOwn(SECTION_KIND_DEFS, kind) ? SECTION_KIND_DEFS[kind as SectionKind] : undefined;
}

export type { SectionKindDef } from './types';

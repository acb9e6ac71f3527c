import { field, numText } from '../diffParts';
import type { SectionKindDef } from './types';

/** Structured term, renewal and notice fields (the `duration` map) plus free text. */
export const duration: SectionKindDef = {
  sharedText: true,
  perParty: false,
  restore: { duration: ['termYears', 'renewalReviewMonths', 'terminationNoticeDays'] },
  approval: (content) => content.duration,
  readiness: ({ content, key, missing }) => {
    if (content.duration.termYears === null || content.duration.termYears <= 0) missing('sectionsFilled', key);
  },
  worded: true,
  compare: ({ a, b, fields, sharedText }) => {
    fields.push(...field(null, 'termYears', numText(a.duration.termYears), numText(b.duration.termYears)));
    fields.push(...field(null, 'renewalReviewMonths', numText(a.duration.renewalReviewMonths), numText(b.duration.renewalReviewMonths)));
    fields.push(...field(null, 'terminationNoticeDays', numText(a.duration.terminationNoticeDays), numText(b.duration.terminationNoticeDays)));
    sharedText();
  },
};

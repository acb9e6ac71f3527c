import type { AgreementContent, PartyContent } from '../render';

/** One value per party, in the agreement's order: the shape approvals cover for per-party parts. */
export const perParty = <T>(content: AgreementContent, pick: (p: PartyContent) => T): { party: string; value: T }[] =>
  content.parties.map((p) => ({ party: p.id, value: pick(p) }));

export const blank = (s: string | undefined): boolean => (s ?? '').trim() === '';

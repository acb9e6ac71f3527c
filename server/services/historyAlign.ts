import type { AgreementContent, PartyContent } from '../../shared/render';

/**
 * An original's content with the ids of the agreement opened from it (an
 * amendment, a renewal), so a comparison across the two pairs what is the
 * same: the prefill gave the new agreement's parties new ids in the same
 * order, and its contacts and signatories new ids. A party is paired by its
 * place; a contact or signatory with an identical one of the new agreement
 * (each used once), else it keeps its own id and reads as removed.
 */
export function alignTo(original: AgreementContent, opened: AgreementContent): AgreementContent {
  return { ...original, parties: original.parties.map((p, i) => alignParty(p, opened.parties[i])) };
}

function alignParty(p: PartyContent, to: PartyContent | undefined): PartyContent {
  if (!to) return p;
  return {
    ...p,
    id: to.id,
    contacts: pair(p.contacts, to.contacts, (a, b) => a.title === b.title && a.email === b.email && a.phone === b.phone),
    signatories: pair(p.signatories, to.signatories, (a, b) => a.name === b.name && a.title === b.title),
  };
}

function pair<T extends { id: string }>(items: readonly T[], candidates: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const used = new Set<string>();
  return items.map((item) => {
    const match = candidates.find((c) => !used.has(c.id) && same(item, c));
    if (!match) return item;
    used.add(match.id);
    return { ...item, id: match.id };
  });
}

import type { AgreementContent, PartyContent } from '../../shared/render';

/**
 * An original's content with the ids of the agreement opened from it (an
 * amendment, a renewal), so a comparison across the two pairs what is the
 * same: the prefill gave the new agreement's parties new ids in the same
 * order, and its contacts and signatories new ids. A party is paired by its
 * place; a contact or signatory with an identical one of the new agreement
 * (each used once), else it keeps its own id and reads as removed. The
 * table rows that name a party (a RACI task's lead, a budget line's party)
 * name the paired one, as the prefill wrote them.
 */
export function alignTo(original: AgreementContent, opened: AgreementContent): AgreementContent {
  const ids = new Map(original.parties.flatMap((p, i) => (opened.parties[i] ? [[p.id, opened.parties[i].id] as const] : [])));
  const party = (id: string): string => ids.get(id) ?? id;
  const each = <T>(tables: Record<string, T>, f: (t: T) => T): Record<string, T> => Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, f(t)]));
  return {
    ...original,
    parties: original.parties.map((p, i) => alignParty(p, opened.parties[i])),
    ...(original.raci && { raci: each(original.raci, (m) => ({ ...m, tasks: m.tasks.map((t) => ({ ...t, lead: t.lead && party(t.lead) })) })) }),
    ...(original.budget && { budget: each(original.budget, (b) => ({ lines: b.lines.map((l) => ({ ...l, partyId: l.partyId && party(l.partyId) })) })) }),
  };
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

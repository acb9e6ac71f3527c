import type { Authenticator } from '../auth/sessions';
import type { Participant } from '../store/participants';

/**
 * Who "I" am across agreements: the participants of the person this browser
 * is signed in as (its one person cookie, server/auth/persons.ts: every
 * participant whose link was opened while signed in, on any browser signed in
 * as that person), then those of any agreement cookie it still holds (a
 * browser from before persons, or its first agreement), plus the one asking
 * under /api/agreements/:id (a session or a bearer token). An e-mail address
 * is only what an inviter typed, so it proves nothing and joins nobody. On
 * one agreement the first listed is who the browser is there: the agreement
 * cookie's, else the one opened last.
 */
export function peopleOf(auth: Authenticator, cookieHeader: string | undefined, asking?: Participant): Participant[] {
  const cookieOnly = new Headers(cookieHeader ? { cookie: cookieHeader } : {});
  const found = auth.agreementsOf(cookieHeader).flatMap((id) => {
    const result = auth.authenticate(id, cookieOnly);
    return result.ok ? [result.participant] : [];
  });
  const person = auth.personOf(cookieHeader);
  if (person) found.push(...auth.participantsOf(person));
  if (asking) found.push(asking);
  const seen = new Set<string>();
  return found.filter((p) => !seen.has(p.id) && seen.add(p.id));
}

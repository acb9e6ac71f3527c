import type { Authenticator } from '../auth/sessions';
import type { Participant } from '../store/participants';

/**
 * Who "I" am across agreements. Sessions are per agreement (a personal link
 * opens one), and an e-mail address is only what the inviter typed, so it
 * proves nothing: a person is every participant this browser holds a live
 * session for (its cookies), plus the one asking under /api/agreements/:id
 * (a session or a bearer token). Someone who opened their links in one
 * browser sees all their agreements together; another browser sees only
 * those opened there.
 */
export function peopleOf(auth: Authenticator, cookieHeader: string | undefined, asking?: Participant): Participant[] {
  const cookieOnly = new Headers(cookieHeader ? { cookie: cookieHeader } : {});
  const found = auth.agreementsOf(cookieHeader).flatMap((id) => {
    const result = auth.authenticate(id, cookieOnly);
    return result.ok ? [result.participant] : [];
  });
  if (asking && !found.some((p) => p.id === asking.id)) found.push(asking);
  return found;
}

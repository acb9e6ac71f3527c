import type { IncomingHttpHeaders } from 'node:http';
import { hashToken, newToken } from './tokens';
import type { Participant, ParticipantStore } from '../store/participants';
import type { SessionStore } from '../store/sessions';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/** One session cookie per agreement, so a browser can be in several agreements at once. */
export const cookieName = (agreementId: string): string => `entente_${agreementId}`;

export type AuthResult = { ok: true; participant: Participant } | { ok: false; reason: 'unauthenticated' | 'forbidden' };

/** Parses a Cookie header (RFC 6265 pairs); malformed pairs are skipped. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}

/**
 * Who is asking, for one agreement: the session cookie of that agreement,
 * or a personal-link token (`?token=` on the websocket, `Authorization:
 * Bearer` on REST) for non-browser clients.
 */
export class Authenticator {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly sessions: SessionStore,
  ) {}

  /** Starts a browser session from a personal link; undefined if the link is not valid. */
  openSession(linkToken: string): { participant: Participant; sessionToken: string } | undefined {
    const participant = this.participants.byTokenHash(hashToken(linkToken));
    if (!participant || participant.revokedAt !== null) return undefined;
    const sessionToken = newToken();
    this.sessions.create(hashToken(sessionToken), participant.id, SESSION_TTL_MS);
    return { participant, sessionToken };
  }

  /** Starts a session for a participant just created (the owner, at creation). */
  sessionFor(participant: Participant): string {
    const sessionToken = newToken();
    this.sessions.create(hashToken(sessionToken), participant.id, SESSION_TTL_MS);
    return sessionToken;
  }

  authenticate(agreementId: string, headers: IncomingHttpHeaders | Headers, linkToken?: string | null): AuthResult {
    const cookieHeader = headers instanceof Headers ? headers.get('cookie') : headers.cookie;
    const authorization = headers instanceof Headers ? headers.get('authorization') : headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const token = linkToken ?? bearer;
    let participant: Participant | undefined;
    if (token) {
      participant = this.participants.byTokenHash(hashToken(token));
    } else {
      const session = parseCookies(cookieHeader ?? undefined).get(cookieName(agreementId));
      const participantId = session ? this.sessions.participantOf(hashToken(session)) : undefined;
      participant = participantId ? this.participants.get(participantId) : undefined;
    }
    if (!participant) return { ok: false, reason: 'unauthenticated' };
    if (participant.agreementId !== agreementId || participant.revokedAt !== null) return { ok: false, reason: 'forbidden' };
    return { ok: true, participant };
  }

  /** Agreement ids this browser holds a live session for (the agreements list). */
  agreementsOf(cookieHeader: string | undefined): string[] {
    const ids: string[] = [];
    for (const [name, value] of parseCookies(cookieHeader)) {
      if (!name.startsWith('entente_')) continue;
      const participantId = this.sessions.participantOf(hashToken(value));
      const participant = participantId ? this.participants.get(participantId) : undefined;
      if (participant && participant.revokedAt === null && cookieName(participant.agreementId) === name) ids.push(participant.agreementId);
    }
    return ids;
  }

  /** Ends the participant's sessions; `keepSession` (a session cookie's value) survives if it is theirs. */
  endSessions(participantId: string, keepSession?: string): void {
    this.sessions.deleteFor(participantId, keepSession === undefined ? undefined : hashToken(keepSession));
  }
}

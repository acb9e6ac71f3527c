import type { IncomingHttpHeaders } from 'node:http';
import { hashToken, newToken } from './tokens';
import type { Participant, ParticipantStore } from '../store/participants';
import type { PersonStore } from '../store/persons';
import type { SessionStore } from '../store/sessions';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * A session cookie per agreement: a browser's first agreement, and browsers from before persons.
 * Later links need none: the person cookie opens them (server/auth/persons.ts).
 */
export const cookieName = (agreementId: string): string => `entente_${agreementId}`;

/** The person's one cookie across agreements (server/auth/persons.ts); no agreement id is this short. */
export const PERSON_COOKIE = 'entente_person';

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
 * Who is asking, for one agreement: a personal-link token (`?token=` on the
 * websocket, `Authorization: Bearer` on REST) for non-browser clients, else
 * the session cookie of that agreement, else the person cookie: the person's
 * participant on that agreement (the one whose link they opened last).
 */
export class Authenticator {
  constructor(
    private readonly participants: ParticipantStore,
    private readonly sessions: SessionStore,
    private readonly persons: PersonStore,
    private readonly now: () => number = Date.now,
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
      const cookies = parseCookies(cookieHeader ?? undefined);
      const session = cookies.get(cookieName(agreementId));
      let participantId = session ? this.sessions.participantOf(hashToken(session)) : undefined;
      const person = cookies.get(PERSON_COOKIE);
      if (!participantId && person) participantId = this.persons.participantOn(hashToken(person), agreementId, this.nowIso());
      participant = participantId ? this.participants.get(participantId) : undefined;
    }
    if (!participant) return { ok: false, reason: 'unauthenticated' };
    if (participant.agreementId !== agreementId || participant.revokedAt !== null) return { ok: false, reason: 'forbidden' };
    return { ok: true, participant };
  }

  /** Agreement ids this browser holds a live agreement cookie for (the person's come from `participantsOf`). */
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

  /** The live participant a session cookie's value stands for, if any. */
  participantOfSession(sessionToken: string): Participant | undefined {
    const id = this.sessions.participantOf(hashToken(sessionToken));
    const participant = id ? this.participants.get(id) : undefined;
    return participant && participant.revokedAt === null ? participant : undefined;
  }

  /** Ends one session by its cookie's value. */
  endSession(sessionToken: string): void {
    this.sessions.delete(hashToken(sessionToken));
  }

  /** The person this browser is signed in as (its person cookie), if any. */
  personOf(cookieHeader: string | undefined): string | undefined {
    const token = parseCookies(cookieHeader).get(PERSON_COOKIE);
    return token ? this.persons.personOf(hashToken(token), this.nowIso()) : undefined;
  }

  /** The person's live participants, the one opened last on each agreement first. */
  participantsOf(personId: string): Participant[] {
    return this.persons.participants(personId).flatMap((pp) => this.participants.get(pp.participantId) ?? []);
  }

  /**
   * A new personal link: whoever opened the old one stops being this
   * participant, in every browser, but the person whose session cookie is
   * `keepPerson` (the owner renewing their own link, from this browser).
   */
  detachFromPersons(participantId: string, keepPerson?: string): void {
    this.persons.detach(participantId, keepPerson === undefined ? undefined : this.persons.personOf(hashToken(keepPerson), this.nowIso()));
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}

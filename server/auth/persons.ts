import type { z } from 'zod';
import type { PersonViewSchema, SignInLinkSchema } from '../../shared/schemas/person';
import { HttpError } from '../errors';
import type { Clock } from '../lifecycle/clock';
import type { PersonStore } from '../store/persons';
import type { PersonTokenStore } from '../store/personTokens';
import type { RateLimitStore } from '../store/rateLimits';
import { originOf } from '../sync/origin';
import { RateLimiter } from './rateLimit';
import { parseCookies, PERSON_COOKIE, type Authenticator } from './sessions';
import { hashToken, newRowId, newToken } from './tokens';

export const PERSON_TTL_MS = 90 * 24 * 3600 * 1000;
/** A copied sign-in link: long enough to open it on a phone, short enough to be worth little if seen. */
export const LINK_TTL_MS = 10 * 60 * 1000;
/** A mailed one: mail can be slow. */
export const MAIL_TTL_MS = 30 * 60 * 1000;
const WINDOW_MS = 15 * 60 * 1000;

export interface PersonMail {
  configured: boolean;
  /** Queues a sign-in e-mail (the outbox: never sent on the request path). */
  send(to: string, language: 'fr' | 'en', link: string, minutes: number): void;
}

export interface PersonDeps {
  store: PersonStore;
  tokens: PersonTokenStore;
  auth: Authenticator;
  clock: Pick<Clock, 'now'>;
  mail: PersonMail;
  /** The rate limits' counts, shared by every instance on the database. */
  limits: RateLimitStore;
  /** `PUBLIC_URL`; without it links are built on the address the request came to. */
  publicUrl?: string;
}

/**
 * A person: one browser-wide sign-in across agreements. A browser becomes a
 * person the first time it opens a personal link (or creates an agreement);
 * every link it opens after that attaches that participant to the person —
 * possession of the link is the proof, never an address an inviter typed.
 * Another browser signs in with a one-time link, copied from a signed-in
 * browser or mailed to an address the person proved (a link mailed there
 * was opened). Opening a sign-in link signs out whoever was signed in there.
 */
export class Persons {
  private readonly perIp;
  private readonly perEmail;
  private readonly perPerson;
  private readonly redeems;

  constructor(private readonly d: PersonDeps) {
    const now = () => d.clock.now();
    this.perIp = new RateLimiter(d.limits, 'sign-in-ip', 10, WINDOW_MS, now);
    this.perEmail = new RateLimiter(d.limits, 'sign-in-email', 3, WINDOW_MS, now);
    this.perPerson = new RateLimiter(d.limits, 'sign-in-person', 10, WINDOW_MS, now);
    // Guessing 256 bits is hopeless anyway; this only keeps a flood off the database.
    this.redeems = new RateLimiter(d.limits, 'redeem', 30, WINDOW_MS, now);
  }

  /** `PUBLIC_URL`'s origin, which pages may post from besides the server's own (server/sync/origin.ts). */
  get publicOrigin(): string | undefined {
    return originOf(this.d.publicUrl);
  }

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  private prunedAt = 0;

  /** A new session (cookie value) for the person. */
  private session(personId: string): string {
    // Expired rows open nothing; they are dropped now and then (at most hourly) rather than on every request.
    if (this.d.clock.now() - this.prunedAt > 3600_000) {
      this.prunedAt = this.d.clock.now();
      this.d.store.prune(this.now().toISOString());
    }
    const token = newToken();
    this.d.store.createSession(hashToken(token), personId, this.now(), PERSON_TTL_MS);
    return token;
  }

  /**
   * A personal link was opened (or an agreement created) and gave `sessionToken`:
   * its participant joins the browser's person. A browser with no person yet
   * becomes one, taking along the agreements whose sessions it holds; it keeps
   * that one agreement cookie too, so clients that read only it still work.
   */
  opened(cookieHeader: string | undefined, sessionToken: string): { personToken?: string; keepAgreementCookie: boolean } {
    const participant = this.d.auth.participantOfSession(sessionToken);
    if (!participant) return { keepAgreementCookie: true };
    const now = this.now().toISOString();
    const personId = this.d.auth.personOf(cookieHeader);
    if (personId) {
      this.d.store.attach(personId, participant.id, participant.agreementId, now);
      // The person cookie says who this browser is there now; the session is not needed.
      this.d.auth.endSession(sessionToken);
      return { keepAgreementCookie: false };
    }
    const id = newRowId();
    const held = this.heldParticipants(cookieHeader);
    this.d.store.transaction(() => {
      this.d.store.createPerson(id, now);
      for (const p of held) this.d.store.attach(id, p.id, p.agreementId, now);
      this.d.store.attach(id, participant.id, participant.agreementId, now);
    });
    return { personToken: this.session(id), keepAgreementCookie: true };
  }

  private heldParticipants(cookieHeader: string | undefined) {
    return [...parseCookies(cookieHeader)].flatMap(([name, value]) => {
      if (!name.startsWith('entente_') || name === PERSON_COOKIE) return [];
      const p = this.d.auth.participantOfSession(value);
      return p && `entente_${p.agreementId}` === name ? [p] : [];
    });
  }

  view(personId: string | undefined): z.output<typeof PersonViewSchema> {
    if (!personId) return { signedIn: false, mail: this.d.mail.configured, agreements: 0, emails: [] };
    const participants = this.d.auth.participantsOf(personId);
    const proven = new Set(this.d.tokens.emails(personId));
    const invited = participants.map((p) => p.email.trim().toLowerCase()).filter((e) => e.includes('@') && !proven.has(e));
    return {
      signedIn: true,
      mail: this.d.mail.configured,
      agreements: new Set(participants.map((p) => p.agreementId)).size,
      emails: [...[...proven].map((email) => ({ email, proven: true })), ...[...new Set(invited)].sort().map((email) => ({ email, proven: false }))],
    };
  }

  /** Signs this browser out: its person session and the agreement sessions it holds end. */
  signOut(cookieHeader: string | undefined): string[] {
    const cookies = parseCookies(cookieHeader);
    const person = cookies.get(PERSON_COOKIE);
    if (person) this.d.store.endSession(hashToken(person));
    const agreementCookies = [...cookies.keys()].filter((n) => n.startsWith('entente_') && n !== PERSON_COOKIE);
    for (const name of agreementCookies) this.d.auth.endSession(cookies.get(name) ?? '');
    return agreementCookies;
  }

  /**
   * A lost phone, a shared computer left signed in: every browser signed in
   * as the person is signed out, and so is every agreement session of their
   * participants (a browser's first agreement cookie). Their links still work.
   */
  signOutEverywhere(personId: string): void {
    this.d.store.transaction(() => {
      for (const p of this.d.auth.participantsOf(personId)) this.d.auth.endSessions(p.id);
      this.d.store.endAllSessions(personId);
    });
  }

  /** A one-time link to sign in another browser, shown once. */
  copyLink(personId: string, origin: string): z.output<typeof SignInLinkSchema> {
    this.perPerson.take(personId, 'sign-in links');
    const token = newToken();
    const expiresAt = this.d.tokens.add(hashToken(token), personId, 'link', null, this.now(), LINK_TTL_MS);
    return { url: this.url(token, origin), expiresAt };
  }

  /**
   * Signed in: a link mailed to one of the addresses their agreements invited
   * them under; opening it proves the address (and signs that browser in).
   */
  mailOwnAddress(personId: string, email: string, language: 'fr' | 'en', origin: string): number {
    this.requireMail();
    const invited = this.d.auth.participantsOf(personId).some((p) => p.email.trim().toLowerCase() === email);
    if (!invited && this.d.tokens.personWithEmail(email) !== personId) {
      throw new HttpError(400, 'invalid_request', 'email: not an address any of your agreements invited you under');
    }
    this.perPerson.take(personId, 'sign-in links');
    this.perEmail.take(email, 'sign-in e-mails to this address');
    return this.mailLink(personId, email, language, origin);
  }

  /**
   * Another browser asks for a sign-in e-mail. It goes only to an address a
   * person proved; the answer is the same either way, so it tells nobody whose
   * address it is.
   */
  requestSignIn(ip: string, email: string, language: 'fr' | 'en', origin: string): number {
    this.requireMail();
    this.perIp.take(ip, 'sign-in requests');
    this.perEmail.take(email, 'sign-in e-mails to this address');
    const personId = this.d.tokens.personWithEmail(email);
    if (personId) this.mailLink(personId, email, language, origin);
    return MAIL_TTL_MS / 60_000;
  }

  /** Opens a sign-in link: a new person session (cookie value) for its person; used, expired or unknown is a 410. */
  redeem(ip: string, token: string): { personId: string; sessionToken: string } {
    this.redeems.take(ip, 'sign-in attempts');
    const now = this.now().toISOString();
    const used = this.d.store.transaction(() => {
      const t = this.d.tokens.use(hashToken(token), now);
      if (t?.purpose === 'email' && t.email) this.d.tokens.prove(t.email, t.personId, now);
      return t;
    });
    if (!used) throw new HttpError(410, 'sign_in_link_invalid', 'This sign-in link is unknown, used already or expired.');
    return { personId: used.personId, sessionToken: this.session(used.personId) };
  }

  private mailLink(personId: string, email: string, language: 'fr' | 'en', origin: string): number {
    const token = newToken();
    this.d.tokens.add(hashToken(token), personId, 'email', email, this.now(), MAIL_TTL_MS);
    const minutes = MAIL_TTL_MS / 60_000;
    this.d.mail.send(email, language, this.url(token, origin), minutes);
    return minutes;
  }

  private requireMail(): void {
    if (!this.d.mail.configured) throw new HttpError(409, 'mail_not_configured', 'E-mail is not configured on this server: copy a sign-in link instead.');
  }

  /**
   * The list page, with the token in the fragment: it never reaches a server log or a Referer, and a
   * mail scanner's GET spends nothing; the page posts it to /api/person/redeem.
   */
  private url(token: string, origin: string): string {
    return `${new URL('/', this.d.publicUrl ?? origin).toString()}#signin=${token}`;
  }
}

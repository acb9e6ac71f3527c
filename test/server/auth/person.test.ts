import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PersonViewSchema, SignInLinkSchema } from '../../../shared/schemas/person';
import { DashboardSchema } from '../../../shared/lifecycleSchemas';
import { createAgreement, invite, listenEvents, onPostgres, openTestDb, startTestServer, useCleanup, waitFor, type TestServer } from '../harness';
import { ManualClock } from '../lifecycle/manualClock';
import { CreateAgreementSchema } from '../../../shared/api';
import { createServices } from '../../../server/services/container';
import { Browser } from './browser';

const cleanup = useCleanup();

async function server(clock = new ManualClock()): Promise<TestServer> {
  const s = await startTestServer({ clock });
  cleanup.push(() => s.dispose());
  return s;
}

/** An agreement someone else owns, to which `name` is invited (their personal link's token). */
async function invitedTo(url: string, title: string, role: 'editor' | 'viewer' = 'editor') {
  const a = await createAgreement(url, { title, owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
  const p = await invite(url, a, { role, name: 'Paul Partenaire' });
  return { a, p };
}

const dashboardOf = async (b: Browser) => DashboardSchema.parse((await b.json('/api/dashboard')).body).agreements;
const idsOf = async (b: Browser) => (await dashboardOf(b)).map((i) => i.id).sort();

/** A websocket upgrade with the browser's cookies: resolves with the close code, or 'open' once the server greets. */
function syncWith(s: TestServer, b: Browser, id: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${s.wsUrl}/sync/${id}`, { headers: { cookie: b.cookieHeader } });
    ws.on('message', () => {
      resolve('open');
      ws.close();
    });
    ws.on('close', (code) => resolve(code));
  });
}

describe('a person: one sign-in across agreements', () => {
  it('a browser becomes a person at its first personal link; every link it opens after joins that person, with no cookie of its own', async () => {
    const s = await server();
    const x = await invitedTo(s.url, 'Entente X');
    const y = await invitedTo(s.url, 'Entente Y');
    const b = new Browser(s.url);
    expect(PersonViewSchema.parse((await b.json('/api/person')).body)).toMatchObject({ signedIn: false, agreements: 0 });

    expect(await b.open(x.p.token)).toBe(`/a/${x.a.id}`);
    expect([...b.cookies.keys()].sort()).toEqual([`entente_${x.a.id}`, 'entente_person'].sort());
    expect(await b.open(y.p.token)).toBe(`/a/${y.a.id}`);
    // Y is reached through the person cookie: the browser holds no cookie for it.
    expect([...b.cookies.keys()].sort()).toEqual([`entente_${x.a.id}`, 'entente_person'].sort());
    expect(await idsOf(b)).toEqual([x.a.id, y.a.id].sort());
    expect((await b.json<{ participant: { name: string } }>(`/api/agreements/${y.a.id}/me`)).body.participant.name).toBe('Paul Partenaire');
    expect(await syncWith(s, b, y.a.id)).toBe('open');
    expect((await b.json<{ agreements: { id: string }[] }>('/api/agreements')).body.agreements.map((a) => a.id).sort()).toEqual([x.a.id, y.a.id].sort());

    // The person cookie alone is enough: the agreement cookie is only a first agreement's convenience.
    const onlyPerson = new Browser(s.url);
    onlyPerson.cookies.set('entente_person', b.cookies.get('entente_person')!);
    expect(await idsOf(onlyPerson)).toEqual([x.a.id, y.a.id].sort());
    expect((await onlyPerson.fetch(`/api/agreements/${x.a.id}/me`)).status).toBe(200);
    // An agreement nobody opened in this browser stays closed to it.
    const z = await invitedTo(s.url, 'Entente Z');
    expect((await onlyPerson.fetch(`/api/agreements/${z.a.id}/me`)).status).toBe(401);
    expect(PersonViewSchema.parse((await b.json('/api/person')).body)).toEqual({
      signedIn: true,
      mail: false,
      agreements: 2,
      emails: [{ email: 'editor@example.org', proven: false }],
    });
  });

  it('takes along the agreements a browser from before persons holds cookies for, and an agreement it creates', async () => {
    const s = await server();
    const x = await invitedTo(s.url, 'Entente X');
    const y = await invitedTo(s.url, 'Entente Y');
    // Two links opened before persons existed: two agreement cookies and no person.
    const b = new Browser(s.url);
    for (const t of [x.p.token, y.p.token]) {
      const res = await fetch(`${s.url}/join/${t}`, { redirect: 'manual' });
      const [pair = ''] = (res.headers.getSetCookie()[0] ?? '').split(';');
      b.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const created = await b.json<{ id: string }>('/api/agreements', {
      method: 'POST',
      body: { title: 'Mon entente', language: 'fr', owner: { name: 'Paul', email: 'paul@example.org', partyIndex: 0 } },
    });
    expect(created.status).toBe(201);
    const person = new Browser(s.url);
    person.cookies.set('entente_person', b.cookies.get('entente_person')!);
    expect(await idsOf(person)).toEqual([x.a.id, y.a.id, created.body.id].sort());
  });

  // On PostgreSQL creating the 999 takes half a minute or more; the dashboard's query there is tested with a few (lifecycle/dashboard.test.ts).
  it.skipIf(onPostgres)(
    'lists 1,000 agreements for one browser holding one cookie',
    async () => {
      const s = await server();
      const b = new Browser(s.url);
      const body = (i: number) => ({
        title: `Entente ${i}`,
        language: 'fr' as const,
        owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 },
        parties: [{ legalName: `Organisme ${i}` }],
      });
      // The first one over HTTP makes this browser a person (its cookie)...
      expect((await b.fetch('/api/agreements', { method: 'POST', body: body(0) })).status).toBe(201);
      // ...the 999 others are created on the same database by a second set of services, and each is
      // attached to the person as opening its link in that browser would (Persons.opened): creating
      // them over HTTP took most of a minute on a loaded machine, and it is the listing that is tested.
      const started = performance.now();
      const db = await openTestDb(s.dataDir);
      const services = createServices(db, { idleMs: 30_000, compactAfter: 500, log: () => undefined });
      try {
        for (let i = 1; i < 1000; i++) {
          const { sessionToken } = services.agreements.create(CreateAgreementSchema.parse({ ...body(i), templateId: 'mou' }));
          expect(services.persons.opened(b.cookieHeader, sessionToken).keepAgreementCookie).toBe(false);
        }
      } finally {
        services.rooms.closeAll(1012, 'test done');
        db.close();
      }
      console.log(`person: 999 agreements created and attached in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      // The first agreement's cookie and the person's: whatever the number of agreements.
      expect(b.cookies.size).toBe(2);
      expect(b.cookieHeader.length).toBeLessThan(200);
      await dashboardOf(b);
      const t0 = performance.now();
      const items = await dashboardOf(b);
      const ms = performance.now() - t0;
      console.log(`person: GET /api/dashboard, 1,000 agreements, ${ms.toFixed(1)} ms`);
      expect(items).toHaveLength(1000);
      expect(new Set(items.map((i) => i.id)).size).toBe(1000);
      expect(items.find((i) => i.title === 'Entente 999')).toMatchObject({ role: 'owner', status: 'drafting' });
      expect(ms).toBeLessThan(2000);
      const last = items.find((i) => i.title === 'Entente 999')!;
      expect((await b.fetch(`/api/agreements/${last.id}/notifications`)).status).toBe(200);
    },
    120_000,
  );

  it('signs in another browser with a copied link: once, for ten minutes; a stolen or unknown one opens nothing', async () => {
    const clock = new ManualClock();
    const s = await server(clock);
    const x = await invitedTo(s.url, 'Entente X');
    const laptop = new Browser(s.url);
    await laptop.open(x.p.token);
    const made = await laptop.json('/api/person/sign-in-link', { method: 'POST' });
    expect(made.status).toBe(201);
    // The schemas keep every field the server sends (shared/schemas/person.ts).
    expect(SignInLinkSchema.parse(made.body)).toEqual(made.body);
    const link = SignInLinkSchema.parse(made.body);
    expect(link.url).toMatch(new RegExp(`^${s.url}/#signin=[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(link.expiresAt) - clock.now()).toBe(10 * 60_000);
    const token = link.url.split('#signin=')[1]!;

    const phone = new Browser(s.url);
    expect((await phone.json('/api/dashboard')).body).toEqual({ agreements: [] });
    const redeemed = await phone.json('/api/person/redeem', { method: 'POST', body: { token } });
    expect(redeemed.status).toBe(200);
    expect(PersonViewSchema.parse(redeemed.body)).toMatchObject({ signedIn: true, agreements: 1 });
    expect(PersonViewSchema.parse(redeemed.body)).toEqual(redeemed.body);
    expect([...phone.cookies.keys()]).toEqual(['entente_person']);
    expect(await idsOf(phone)).toEqual([x.a.id]);
    expect((await phone.fetch(`/api/agreements/${x.a.id}/me`)).status).toBe(200);

    // Used once: the same link again (from anyone who saw it) is refused.
    const thief = new Browser(s.url);
    expect(await thief.json('/api/person/redeem', { method: 'POST', body: { token } })).toEqual({
      status: 410,
      body: { error: 'sign_in_link_invalid', message: expect.any(String) },
    });
    expect(thief.cookies.size).toBe(0);
    // Expired after ten minutes.
    const late = SignInLinkSchema.parse((await laptop.json('/api/person/sign-in-link', { method: 'POST' })).body);
    clock.advance(10 * 60_000 + 1);
    expect((await thief.json('/api/person/redeem', { method: 'POST', body: { token: late.url.split('#signin=')[1] } })).status).toBe(410);
    // Unknown, malformed, and no person to make a link for.
    expect((await thief.json('/api/person/redeem', { method: 'POST', body: { token: 'A'.repeat(43) } })).body).toMatchObject({ error: 'sign_in_link_invalid' });
    expect((await thief.json('/api/person/redeem', { method: 'POST', body: { token: 'short' } })).body).toMatchObject({ error: 'invalid_request' });
    expect(await thief.json('/api/person/sign-in-link', { method: 'POST' })).toMatchObject({ status: 401, body: { error: 'not_signed_in' } });
    // A page elsewhere cannot post a sign-in (login CSRF): its form carries its own Origin, and the link stays unspent.
    const fresh = SignInLinkSchema.parse((await laptop.json('/api/person/sign-in-link', { method: 'POST' })).body).url.split('#signin=')[1]!;
    const crossSite = await fetch(`${s.url}/api/person/redeem`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ token: fresh }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.getSetCookie()).toEqual([]);
    expect((await new Browser(s.url).json('/api/person/redeem', { method: 'POST', body: { token: fresh } })).status).toBe(200);
    // A person cookie someone made up is nobody.
    thief.cookies.set('entente_person', 'B'.repeat(43));
    expect(await idsOf(thief)).toEqual([]);
    expect((await thief.fetch(`/api/agreements/${x.a.id}/me`)).status).toBe(401);

    // Signing out ends this browser's session on the server: a copy of its cookie opens nothing.
    const copied = phone.cookies.get('entente_person')!;
    expect((await phone.json('/api/person/sign-out', { method: 'POST' })).body).toMatchObject({ signedIn: false });
    expect(phone.cookies.size).toBe(0);
    const replay = new Browser(s.url);
    replay.cookies.set('entente_person', copied);
    expect(await idsOf(replay)).toEqual([]);
    expect((await replay.fetch(`/api/agreements/${x.a.id}/me`)).status).toBe(401);
    // The laptop is still signed in.
    expect(await idsOf(laptop)).toEqual([x.a.id]);

    // Expired links are forgotten, at the next sign-in an hour or more later.
    const db = await openTestDb(s.dataDir);
    cleanup.push(() => db.close());
    const expired = () =>
      db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM person_tokens WHERE expires_at <= ?').get(new Date(clock.now()).toISOString())!.n;
    clock.advance(2 * 3600_000);
    expect(expired()).toBeGreaterThan(0);
    await new Browser(s.url).open(x.p.token);
    expect(expired()).toBe(0);
  });

  it('signs out everywhere: every browser of the person, and their agreement sessions; the links still work', async () => {
    const s = await server();
    const x = await invitedTo(s.url, 'Entente X');
    const laptop = new Browser(s.url);
    await laptop.open(x.p.token);
    const token = SignInLinkSchema.parse((await laptop.json('/api/person/sign-in-link', { method: 'POST' })).body).url.split('#signin=')[1]!;
    const phone = new Browser(s.url);
    expect((await phone.json('/api/person/redeem', { method: 'POST', body: { token } })).status).toBe(200);
    const stranger = new Browser(s.url);
    await stranger.open((await invitedTo(s.url, 'Entente Z')).p.token);

    expect((await phone.json('/api/person/sign-out-everywhere', { method: 'POST' })).body).toMatchObject({ signedIn: false });
    expect(phone.cookies.size).toBe(0);
    // The laptop still holds its cookies, which open nothing now: the person's and the first agreement's.
    expect(laptop.cookies.size).toBe(2);
    expect(await idsOf(laptop)).toEqual([]);
    expect((await laptop.fetch(`/api/agreements/${x.a.id}/me`)).status).toBe(401);
    expect(PersonViewSchema.parse((await laptop.json('/api/person')).body).signedIn).toBe(false);
    // Someone else is not touched, and Paul's link signs him in again.
    expect((await idsOf(stranger)).length).toBe(1);
    await laptop.open(x.p.token);
    expect(await idsOf(laptop)).toEqual([x.a.id]);
    expect(await new Browser(s.url).json('/api/person/sign-out-everywhere', { method: 'POST' })).toMatchObject({ status: 401 });
  });

  it('a revoked participant leaves the dashboard; a new personal link takes the agreement from every browser that opened the old one', async () => {
    const s = await server();
    const x = await invitedTo(s.url, 'Entente X');
    const y = await invitedTo(s.url, 'Entente Y');
    const z = await invitedTo(s.url, 'Entente Z');
    const b = new Browser(s.url);
    for (const t of [x.p.token, y.p.token, z.p.token]) await b.open(t);
    const person = new Browser(s.url);
    person.cookies.set('entente_person', b.cookies.get('entente_person')!);
    expect(await idsOf(person)).toEqual([x.a.id, y.a.id, z.a.id].sort());

    const owner = (a: typeof y.a, path: string, method: string) =>
      fetch(`${s.url}/api/agreements/${a.id}${path}`, { method, headers: { authorization: `Bearer ${a.token}` } });
    expect((await owner(y.a, `/participants/${y.p.id}`, 'DELETE')).status).toBe(200);
    expect(await idsOf(person)).toEqual([x.a.id, z.a.id].sort());
    expect((await person.fetch(`/api/agreements/${y.a.id}/me`)).status).toBe(403);
    expect(await syncWith(s, person, y.a.id)).toBe(4403);

    expect((await owner(z.a, `/participants/${z.p.id}/link`, 'POST')).status).toBe(200);
    expect(await idsOf(person)).toEqual([x.a.id]);
    expect((await person.fetch(`/api/agreements/${z.a.id}/me`)).status).toBe(401);
  });

  it('tells an open page of one of the person’s agreements, live, of a notification on another', async () => {
    const s = await server();
    const x = await invitedTo(s.url, 'Entente X');
    const y = await invitedTo(s.url, 'Entente Y');
    const other = await invitedTo(s.url, 'Entente Z');
    const b = new Browser(s.url);
    for (const t of [x.p.token, y.p.token]) await b.open(t);
    // Paul's page on X is open (its event stream); someone else's page on Z too.
    const onX = listenEvents(s.url, x.p.token, x.a.id, cleanup);
    const onZ = listenEvents(s.url, other.p.token, other.a.id, cleanup);
    await waitFor(() => onX.events.some((e) => e.event === 'ready') && onZ.events.some((e) => e.event === 'ready'), 'the streams');
    const thread = await fetch(`${s.url}/api/agreements/${y.a.id}/threads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${y.a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ section: 'purpose', body: '@Paul, un avis ?', mentions: [y.p.id] }),
    });
    expect(thread.status).toBe(201);
    await waitFor(() => onX.events.some((e) => e.event === 'notification'), 'the notification on X’s page');
    expect(onX.events.find((e) => e.event === 'notification')?.data).toMatchObject({ agreementId: y.a.id, kind: 'mentioned' });
    // The bell on X lists it (the person's notifications); nobody else's page heard of it.
    const bell = await b.json<{ notifications: { agreementId: string }[] }>(`/api/agreements/${x.a.id}/notifications`);
    expect(bell.body.notifications.map((n) => n.agreementId)).toContain(y.a.id);
    expect(onZ.events.filter((e) => e.event === 'notification')).toEqual([]);
  });

  it('opening a second participant’s link on one agreement makes the browser that participant there, and lists the agreement once', async () => {
    const s = await server();
    const x = await invitedTo(s.url, 'Entente X');
    const viewer = await invite(s.url, x.a, { role: 'viewer', name: 'Véra Viewer' });
    const b = new Browser(s.url);
    await b.open(x.p.token);
    await b.open(viewer.token);
    // The first link's agreement cookie would say otherwise: it is dropped.
    expect([...b.cookies.keys()]).toEqual(['entente_person']);
    expect((await b.json<{ participant: { name: string } }>(`/api/agreements/${x.a.id}/me`)).body.participant.name).toBe('Véra Viewer');
    expect(await dashboardOf(b)).toMatchObject([{ id: x.a.id, role: 'viewer' }]);
    await b.open(x.p.token);
    expect(await dashboardOf(b)).toMatchObject([{ id: x.a.id, role: 'editor' }]);
  });
});

import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { CalendarFeedCreatedSchema, CalendarFeedsSchema } from '../../../shared/calendarSchemas';
import { addDays, addMonths, dayOf } from '../../../shared/lifecycle';
import { invite, startTestServer, useCleanup, type TestServer } from '../harness';
import { readyAgreement, type ReadyAgreement } from '../signingFixture';
import { DAY_MS, ManualClock } from './manualClock';

const cleanup = useCleanup();

async function signed(server: TestServer): Promise<{ r: ReadyAgreement; day: string }> {
  const r = await readyAgreement(server.url);
  const { version } = await r.lock();
  await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
  expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');
  return { r, day: dayOf((await r.status()).inForceFrom!) };
}

async function server(clock: ManualClock): Promise<TestServer> {
  const s = await startTestServer({ clock });
  cleanup.push(() => s.dispose());
  return s;
}

const createFeed = async (r: ReadyAgreement, token: string, scope: 'agreement' | 'person') => {
  const res = await r.call<unknown>(token, '/calendar', 'POST', { scope });
  expect(res.status).toBe(201);
  return CalendarFeedCreatedSchema.parse(res.body);
};

/** The feed as a calendar app fetches it: no cookie, no header, only the URL. */
async function events(url: string): Promise<{ day: string; summary: string; uid: string }[]> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=UTF-8');
  const text = await res.text();
  expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
  const parsed = ical.sync.parseICS(text);
  return Object.values(parsed)
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .map((e) => {
      expect(e.datetype).toBe('date');
      // An all-day DATE value is read as local midnight of that day.
      const d = e.start;
      const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return { day, summary: typeof e.summary === 'string' ? e.summary : e.summary.val, uid: e.uid };
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.summary < b.summary ? -1 : 1));
}

async function expectGone(url: string): Promise<void> {
  const res = await fetch(url);
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({ error: 'not_found' });
}

/** The session cookie a personal link opens, as a browser would keep it. */
async function cookieOf(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/join/${token}`, { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('calendar feeds', () => {
  it('gives a signed agreement’s dates as an iCalendar feed, in the reader’s language, and follows notice', async () => {
    const clock = new ManualClock();
    const s = await server(clock);
    const { r, day } = await signed(s);
    const title = 'Protocole complet'; // as filled in (test/server/fill.ts)
    // The partner chose English; the owner chose nothing, so the agreement's French.
    expect((await r.call(r.partner.token, '/mail-preferences', 'PUT', { language: 'en', off: [] })).status).toBe(200);
    const partnerFeed = await createFeed(r, r.partner.token, 'agreement');
    const ownerFeed = await createFeed(r, r.a.token, 'agreement');
    expect(partnerFeed.url).toMatch(new RegExp(`^${s.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(partnerFeed.url).not.toBe(ownerFeed.url);

    // Two years from the last signature; review meetings every six months; the renewal review six months before the end.
    expect((await events(partnerFeed.url)).map((e) => [e.day, e.summary])).toEqual([
      [addMonths(day, 6), `Partnership review meeting: “${title}”`],
      [addMonths(day, 12), `Partnership review meeting: “${title}”`],
      [addMonths(day, 18), `Partnership review meeting: “${title}”`],
      [addMonths(day, 18), `Renewal review: “${title}”`],
      [addMonths(day, 24), `End of “${title}”`],
    ]);
    const french = await events(ownerFeed.url);
    expect(french.map((e) => e.summary)).toContain(`Fin de «\u00a0${title}\u00a0»`);
    expect(french.map((e) => e.summary)).toContain(`Examen du renouvellement\u00a0: «\u00a0${title}\u00a0»`);

    // A month later the partner gives notice (90 days): it takes effect then, and what would come after is gone.
    clock.advance(30 * DAY_MS);
    expect((await r.call(r.partner.token, '/notice', 'POST', { reason: 'Fin du programme' })).status).toBe(201);
    const effective = addDays(addDays(day, 30), 90);
    const after = await events(partnerFeed.url);
    expect(after.map((e) => [e.day, e.summary])).toEqual([[effective, `Notice of termination takes effect: “${title}”`]]);
    // The same event keeps its UID from one fetch to the next, so a calendar app updates it in place.
    expect((await events(partnerFeed.url))[0]!.uid).toBe(after[0]!.uid);
  });

  it('is revocable, replaced by a new address, and opens nothing else', async () => {
    const s = await server(new ManualClock());
    const { r } = await signed(s);
    const first = await createFeed(r, r.partner.token, 'agreement');
    const second = await createFeed(r, r.partner.token, 'agreement');
    await expectGone(first.url);
    expect((await events(second.url)).length).toBe(5);
    const listed = await r.call<unknown>(r.partner.token, '/calendar');
    expect(CalendarFeedsSchema.parse(listed.body).feeds).toEqual([{ scope: 'agreement', createdAt: second.createdAt }]);
    expect(JSON.stringify(listed.body)).not.toContain(second.url.slice(-20));

    // The feed's token is no personal link and no session.
    const token = second.url.slice(second.url.lastIndexOf('/') + 1, -'.ics'.length);
    expect((await r.call(token, '/lifecycle')).status).toBe(401);
    const join = await fetch(`${s.url}/join/${token}`, { redirect: 'manual' });
    expect([join.headers.get('location'), join.headers.get('set-cookie')]).toEqual(['/?link=invalid', null]);
    await expectGone(`${s.url}/api/calendar/${token}`);
    await expectGone(`${s.url}/api/calendar/not-a-token.ics`);

    expect(await r.call(r.partner.token, '/calendar/agreement', 'DELETE')).toEqual({ status: 200, body: { feeds: [] } });
    // A participant whose access is revoked takes their feeds with them.
    const viewer = await invite(s.url, r.a, { role: 'viewer', name: 'Vera Viewer' });
    const viewerFeed = await createFeed(r, viewer.token, 'agreement');
    expect((await events(viewerFeed.url)).length).toBe(5);
    expect((await r.call(r.a.token, `/participants/${viewer.id}`, 'DELETE')).status).toBe(200);
    await expectGone(viewerFeed.url);
    await expectGone(second.url);
    expect((await r.call(r.partner.token, '/calendar/agreement', 'DELETE')).status).toBe(404);
    expect((await r.call(r.partner.token, '/calendar/everything', 'DELETE')).status).toBe(404);
    expect((await r.call(r.partner.token, '/calendar', 'POST', { scope: 'everything' })).status).toBe(400);
  });

  it('for a person, covers the agreements this browser holds sessions for, and no other', async () => {
    const s = await server(new ManualClock());
    const one = await signed(s);
    const two = await signed(s);
    const elsewhere = await signed(s);
    const cookie = [await cookieOf(s.url, one.r.partner.token), await cookieOf(s.url, two.r.partner.token)].join('; ');
    const res = await fetch(`${s.url}/api/agreements/${one.r.a.id}/calendar`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'person' }),
    });
    expect(res.status).toBe(201);
    const feed = CalendarFeedCreatedSchema.parse(await res.json());
    const uids = (await events(feed.url)).map((e) => e.uid);
    expect(uids.length).toBe(10);
    expect(uids.filter((u) => u.startsWith(one.r.a.id)).length).toBe(5);
    expect(uids.filter((u) => u.startsWith(two.r.a.id)).length).toBe(5);
    expect(uids.some((u) => u.startsWith(elsewhere.r.a.id))).toBe(false);

    // A participant of one agreement cannot make or see feeds on another.
    expect((await one.r.call(one.r.partner.token, '/calendar', 'GET')).status).toBe(200);
    expect((await elsewhere.r.call(one.r.partner.token, '/calendar', 'POST', { scope: 'agreement' })).status).toBe(403);
    // The agreement feed of one agreement shows that agreement only.
    const only = await createFeed(two.r, two.r.a.token, 'agreement');
    expect((await events(only.url)).every((e) => e.uid.startsWith(two.r.a.id))).toBe(true);
  });
});

import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { CalendarFeedCreatedSchema } from '../../../shared/calendarSchemas';
import { startTestServer, useCleanup } from '../harness';
import { ManualClock } from '../lifecycle/manualClock';
import { readyAgreement, type ReadyAgreement } from '../signingFixture';
import { Browser } from './browser';

const cleanup = useCleanup();

async function signed(url: string): Promise<ReadyAgreement> {
  const r = await readyAgreement(url);
  const { version } = await r.lock();
  await r.sign(r.partner.token, 'Paul Partenaire', version!.hash);
  expect((await r.sign(r.a.token, 'Odile', version!.hash)).body.status).toBe('signed');
  return r;
}

/** The agreements a feed has events of, as a calendar app reads it (UIDs are `<agreement>-<kind>-<day>@entente`). */
async function agreementsIn(feedUrl: string): Promise<string[]> {
  const res = await fetch(feedUrl);
  expect(res.status).toBe(200);
  const events = Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
  return [...new Set(events.map((e) => e.uid.slice(0, 22)))].sort();
}

describe('the calendar feed of a person', () => {
  it('follows the person: an agreement opened later joins it, one whose link is renewed leaves it', async () => {
    const s = await startTestServer({ clock: new ManualClock() });
    cleanup.push(() => s.dispose());
    const [x, y] = [await signed(s.url), await signed(s.url)];
    const b = new Browser(s.url);
    await b.open(x.partner.token);
    const made = await b.json(`/api/agreements/${x.a.id}/calendar`, { method: 'POST', body: { scope: 'person' } });
    expect(made.status).toBe(201);
    const feed = CalendarFeedCreatedSchema.parse(made.body).url;
    expect(await agreementsIn(feed)).toEqual([x.a.id]);

    // Opened after the feed was made, in this browser or any other signed in as the person: it joins.
    await b.open(y.partner.token);
    expect(await agreementsIn(feed)).toEqual([x.a.id, y.a.id].sort());

    // Y's owner renews the partner's link: whoever opened the old one is no longer them, and the feed says so.
    const renewed = await y.call(y.a.token, `/participants/${y.partner.id}/link`, 'POST');
    expect(renewed.status).toBe(200);
    expect(await agreementsIn(feed)).toEqual([x.a.id]);
  }, 60_000);
});

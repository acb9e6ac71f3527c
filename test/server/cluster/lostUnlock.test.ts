import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/closeCodes';
import { synced, waitFor, type TestServer } from '../harness';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../pgTestDb';
import { readyAgreement } from '../signingFixture';
import { textOf, typeLine, useTwoInstances } from './clusterTest';

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('an unlock whose message another instance never got', () => {
  const cluster = useTwoInstances();
  let one: TestServer;
  let two: TestServer;
  beforeAll(() => ({ one, two } = cluster));

  it('is read from the database when a client there writes: its clients reconnect and what they wrote is stored', async () => {
    const ready = await readyAgreement(one.url);
    const client = cluster.open(two, ready.a.id, ready.partner.token);
    await synced(client);
    await ready.lock();
    await waitFor(() => two.rooms.loaded(ready.a.id)?.locked === true, 'locked on the other instance');
    expect((await ready.call(ready.a.token, '/unlock', 'POST', { reason: 'Une correction' })).status).toBe(200);
    await waitFor(() => two.rooms.loaded(ready.a.id)?.locked === false, 'unlocked there too');
    // The client is back after the unlock's 4001, before the test plays the lost message.
    await waitFor(() => client.provider.wsconnected && client.provider.synced && two.rooms.loaded(ready.a.id)?.conns.size === 1, 'reconnected');
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    // As if Redis had lost the unlock: the other instance still holds the room locked.
    const room = two.rooms.loaded(ready.a.id);
    if (room) room.locked = true;
    typeLine(client.doc, 'après le déverrouillage');
    await waitFor(() => closes.includes(CloseCode.RightsChanged), 'its clients told to reconnect (4001)');
    const check = cluster.open(one, ready.a.id, ready.a.token);
    await synced(check);
    await waitFor(() => textOf(check.doc).includes('après le déverrouillage'), 'the edit stored and on the first instance');
  });
});

import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../../shared/api';
import { getIncluded } from '../../../shared/included';
import { agreementCall, connect, createAgreement, synced, useCleanup, useTestServer } from '../harness';

const server = useTestServer();
const cleanup = useCleanup();

describe('approving an optional section', () => {
  it('is refused with 409 section_not_included while the agreement leaves it out, and allowed once it is included', async () => {
    const a = await createAgreement(server.url, { owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 } });
    const approve = (section: string) => agreementCall<{ error?: string }>(server.url, a.token, a.id, '/approvals', 'POST', { section });

    // The MOU leaves its RACI matrix out unless the editors include it.
    const refused = await approve('raci');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('section_not_included');
    const none = (await agreementCall<StatusView>(server.url, a.token, a.id, '/status')).body;
    expect(none.approvals.filter((x) => x.section === 'raci')).toEqual([]);
    expect((await approve('purpose')).status).toBe(201);

    const client = connect(server.wsUrl, a.id, a.token);
    cleanup.push(() => client.destroy());
    await synced(client);
    getIncluded(client.doc).set('raci', true);
    // The server applies the inclusion when the update arrives: retry until it has.
    const start = Date.now();
    let again = await approve('raci');
    while (again.status !== 201 && Date.now() - start < 5_000) {
      expect(again.body.error).toBe('section_not_included');
      await new Promise((r) => setTimeout(r, 50));
      again = await approve('raci');
    }
    expect(again.status).toBe(201);
  });
});

import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/closeCodes';
import { needsMap } from '../../shared/needs';
import { readAgreement } from '../../shared/render';
import { findTemplate } from '../../shared/templates';
import { connect, createAgreement, invite, synced, useCleanup, useTestServer, waitFor, type Client } from './harness';

const server = useTestServer();
const cleanup = useCleanup();

function open(id: string, token: string): Client {
  const client = connect(server.wsUrl, id, token);
  cleanup.push(() => client.destroy());
  return client;
}

describe('needs answers over the real socket', () => {
  it('each party’s answers reach every participant and stay out of the agreement’s content', async () => {
    const a = await createAgreement(server.url, { templateId: 'mou' });
    const editor = await invite(server.url, a, { role: 'editor' });
    const owner = open(a.id, a.token);
    const other = open(a.id, editor.token);
    await Promise.all([synced(owner), synced(other)]);
    const [first, second] = a.content.parties.map((p) => p.id) as [string, string];
    needsMap(owner.doc, first).set('people', '250 employés');
    needsMap(other.doc, second).set('costs', 'Location de salles');
    await waitFor(() => needsMap(owner.doc, second).get('costs') === 'Location de salles' && needsMap(other.doc, first).get('people') === '250 employés');
    expect(JSON.stringify(readAgreement(owner.doc, findTemplate('mou')!))).not.toContain('250 employés');
  });

  it('refuses answers where the template has no questionnaire (4406)', async () => {
    const a = await createAgreement(server.url, { templateId: 'government-mou' });
    const client = open(a.id, a.token);
    await synced(client);
    const closed = new Promise<number>((resolve) => client.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    needsMap(client.doc, a.content.parties[0]!.id).set('people', '10');
    expect(await closed).toBe(CloseCode.OutsideSchema);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateAgreementSchema } from '../../../shared/api';
import { DashboardSchema } from '../../../shared/lifecycleSchemas';
import { createServices } from '../../../server/services/container';
import { openDb } from '../../../server/store/db';
import { api, onPostgres, startTestServer, useCleanup } from '../harness';
import { readyAgreement } from '../signingFixture';

const cleanup = useCleanup();

/** The session cookie a personal link opens, as a browser would keep it. */
async function cookieOf(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/join/${token}`, { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('my agreements', () => {
  it('lists every agreement this browser is signed in to, with its status and next date', async () => {
    const server = await startTestServer();
    cleanup.push(() => server.dispose());
    const signed = await readyAgreement(server.url);
    const { version } = await signed.lock();
    await signed.sign(signed.partner.token, 'Paul Partenaire', version!.hash);
    await signed.sign(signed.a.token, 'Odile', version!.hash);
    const locked = await readyAgreement(server.url);
    await locked.lock();
    const draft = await readyAgreement(server.url);
    const other = await readyAgreement(server.url);
    // The partner opened three of their links in this browser; the fourth agreement is not theirs here.
    const cookie = (await Promise.all([signed, locked, draft].map((r) => cookieOf(server.url, r.partner.token)))).join('; ');
    const dashboard = async () => DashboardSchema.parse(await (await fetch(`${server.url}/api/dashboard`, { headers: { cookie } })).json()).agreements;
    const items = await dashboard();
    expect(items.map((i) => i.id).sort()).toEqual([signed.a.id, locked.a.id, draft.a.id].sort());
    expect(items.find((i) => i.id === other.a.id)).toBeUndefined();
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(signed.a.id)).toMatchObject({ status: 'in_force', role: 'editor', next: { kind: 'review_meeting' } });
    expect(byId.get(locked.a.id)).toMatchObject({ status: 'locked', next: null });
    expect(byId.get(draft.a.id)).toMatchObject({ status: 'awaiting_approvals' });
    expect(byId.get(signed.a.id)!.parties.length).toBe(2);
    expect(byId.get(signed.a.id)!.parties.every((n) => n.length > 0)).toBe(true);

    expect((await signed.call(signed.partner.token, '/notice', 'POST', { reason: 'Fin' })).status).toBe(201);
    expect((await dashboard()).find((i) => i.id === signed.a.id)).toMatchObject({ status: 'notice_given', next: { kind: 'notice_effective' } });
    // No session: nobody to list for.
    expect(await (await api(server.url, undefined, '/api/dashboard')).json()).toEqual({ agreements: [] });
  });

  // A SQLite database of its own, filled directly (the PostgreSQL pass lists 1,000 in test/server/auth/person.test.ts).
  it.skipIf(onPostgres)(
    'answers for 1,000 agreements in well under the time a page allows',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'entente-dashboard-'));
      const db = openDb(dir);
      const services = createServices(db, { idleMs: 30_000, compactAfter: 500, log: () => undefined });
      try {
        const ids: string[] = [];
        const ownerOf = db.prepare<[string], { id: string }>("SELECT id FROM participants WHERE agreement_id = ? AND role = 'owner'");
        for (let i = 0; i < 1000; i++) {
          const { created } = services.agreements.create(
            CreateAgreementSchema.parse({
              title: `Entente ${i}`,
              language: 'fr',
              templateId: 'mou',
              owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 },
              parties: [{ legalName: `Organisme ${i}` }, { legalName: 'Réseau Emploi' }],
            }),
          );
          ids.push(ownerOf.get(created.id)!.id);
        }
        // The drafting history's first version (the parties' names) is written after creation.
        await new Promise((resolve) => setTimeout(resolve, 200));
        services.afterSigning.dashboard.list(ids);
        const started = performance.now();
        const items = services.afterSigning.dashboard.list(ids);
        const ms = performance.now() - started;
        console.log(`dashboard: ${items.length} agreements in ${ms.toFixed(1)} ms`);
        expect(items).toHaveLength(1000);
        expect(items.find((i) => i.title === 'Entente 500')?.parties).toEqual(['Organisme 500', 'Réseau Emploi']);
        expect(ms).toBeLessThan(500);
      } finally {
        services.rooms.closeAll(1012, 'test done');
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

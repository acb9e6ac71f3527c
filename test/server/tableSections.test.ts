import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StatusView } from '../../shared/api';
import { addBudgetLine, readBudget } from '../../shared/budget';
import { CloseCode } from '../../shared/closeCodes';
import { addRole, addTask, readRaci, setCell } from '../../shared/raci';
import { getIncluded } from '../../shared/included';
import { api, connect, createAgreement, invite, synced, useCleanup, useTestServer, waitFor, type Client } from './harness';

const server = useTestServer();
const cleanup = useCleanup();

function open(id: string, token: string): Client {
  const client = connect(server.wsUrl, id, token);
  cleanup.push(() => client.destroy());
  return client;
}

/** Polls an async check (the server's view catches up with the sockets). */
async function poll(check: () => Promise<boolean>, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const status = async (token: string, id: string): Promise<StatusView> =>
  (await (await api(server.url, token, `/api/agreements/${id}/status`)).json()) as StatusView;

describe('RACI and budget sections over the real socket', () => {
  it('two editors fill the RACI grid and the budget together; the checklist shows the one-A rule live', async () => {
    const a = await createAgreement(server.url, { templateId: 'partnership', parties: [{ legalName: 'Agence A' }, { legalName: 'Agence B' }] });
    const editor = await invite(server.url, a, { role: 'editor' });
    const mine = open(a.id, a.token);
    const theirs = open(a.id, editor.token);
    await Promise.all([synced(mine), synced(theirs)]);

    const task = addTask(mine.doc, 'raci', 'Formulaires d’admission');
    const intake = addRole(mine.doc, 'raci', 'Responsable de l’admission');
    await waitFor(() => readRaci(theirs.doc, 'raci').roles.length === 1, 'role reaches the other editor');
    const manager = addRole(theirs.doc, 'raci', 'Gestionnaire de programme');
    setCell(theirs.doc, 'raci', task, intake, 'R');
    setCell(mine.doc, 'raci', task, manager, 'A');
    setCell(theirs.doc, 'raci', task, intake, 'A');
    await waitFor(
      () => Object.keys(readRaci(mine.doc, 'raci').cells).length === 2 && readRaci(mine.doc, 'raci').cells[`${task}:${intake}`] === 'A',
      'cells meet',
    );

    // Two A and no R: the server's checklist names the task twice.
    await poll(async () => (await status(a.token, a.id)).checklist.find((c) => c.key === 'raci')?.missing.length === 2, 'checklist sees the grid');
    const broken = (await status(a.token, a.id)).checklist.find((c) => c.key === 'raci');
    expect(broken?.missing.sort()).toEqual([`raci:${task}:manyA`, `raci:${task}:noR`]);
    setCell(mine.doc, 'raci', task, intake, 'R');
    await poll(async () => (await status(a.token, a.id)).checklist.find((c) => c.key === 'raci')?.ok === true, 'rule met');

    const [first, second] = a.content.parties.map((p) => p.id);
    addBudgetLine(mine.doc, 'budget', { label: 'Animation des ateliers', partyId: first, amountCents: 500_000, nature: 'cash' });
    addBudgetLine(theirs.doc, 'budget', { label: 'Salle de formation', partyId: second, amountCents: 120_000, nature: 'inKind' });
    await waitFor(() => readBudget(mine.doc, 'budget').lines.length === 2 && readBudget(theirs.doc, 'budget').lines.length === 2, 'budget lines meet');
    const budgetLines = async (): Promise<number> => {
      const detail = (await (await api(server.url, a.token, `/api/agreements/${a.id}`)).json()) as {
        content: { budget?: Record<string, { lines: unknown[] }> };
      };
      return detail.content.budget?.['budget']?.lines.length ?? 0;
    };
    await poll(async () => (await budgetLines()) === 2, 'the server has both budget lines');
  });

  it('a write to a table the template does not have is refused (4406); adding an annex back is allowed', async () => {
    const a = await createAgreement(server.url, { templateId: 'government-mou' });
    const client = open(a.id, a.token);
    await synced(client);
    const closed = new Promise<number>((resolve) => client.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    client.doc.getMap('table:raci').set('tasks', new Y.Array());
    expect(await closed).toBe(CloseCode.OutsideSchema);

    const mou = await createAgreement(server.url, { templateId: 'mou' });
    const c2 = open(mou.id, mou.token);
    await synced(c2);
    getIncluded(c2.doc).set('raci', true);
    addTask(c2.doc, 'raci', 'Accueil');
    await poll(async () => (await status(mou.token, mou.id)).checklist.some((c) => c.key === 'raci'), 'the MOU now has its RACI check');
    expect(c2.provider.wsconnected).toBe(true);
  });
});

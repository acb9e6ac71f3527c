import { expect } from 'vitest';
import * as Y from 'yjs';
import type { AgreementDetail, ParticipantView, StatusView } from '../../../shared/api';
import { addBudgetLine } from '../../../shared/budget';
import { activeSections } from '../../../shared/included';
import { addRole, addTask, setCell } from '../../../shared/raci';
import { addContact, addSignatory, fragmentName, partiesOf } from '../../../shared/schema';
import { tableList, tableMap } from '../../../shared/tables';
import { partnershipTemplate } from '../../../shared/templates/partnership';
import { paragraph } from '../fill';
import { agreementCall, connect, createAgreement, invite, synced, type Invited, type TestAgreement } from '../harness';

/** An element with children, as Tiptap stores it through y-prosemirror. */
const el = (name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement => {
  const e = new Y.XmlElement(name);
  e.insert(0, children);
  return e;
};
const runs = (...parts: [string, boolean][]): Y.XmlText => {
  const t = new Y.XmlText();
  let at = 0;
  for (const [s, bold] of parts) {
    t.insert(at, s, bold ? { bold: {} } : {});
    at += s.length;
  }
  return t;
};
const item = (s: string) => el('listItem', [el('paragraph', [runs([s, false])])]);

/** The `results` section as signed: a bold run, a bullet list and a table. */
export const RICH_RESULTS = (): Y.XmlElement[] => [
  el('paragraph', [runs(['Offrir ', false], ['trois ateliers', true], [' par année.', false])]),
  el('bulletList', [item('Accueil des jeunes'), item('Suivi trimestriel')]),
  el('table', [el('tableRow', [el('tableCell', [el('paragraph', [runs(['Atelier', false])])]), el('tableCell', [el('paragraph', [runs(['Avril', false])])])])]),
];

function fill(doc: Y.Doc): void {
  doc.transact(() => {
    const parties = partiesOf(doc);
    parties.forEach(({ id, map }, i) => {
      map.set('legalName', i === 0 ? 'Agence Alpha' : 'Organisme Beta');
      addContact(doc, id, `Gestionnaire ${i}`, `g${i}@example.org`);
      addSignatory(doc, id, `Signataire ${i}`, 'Directrice');
    });
    for (const s of activeSections(partnershipTemplate, {})) {
      if (s.kind !== 'richtext') continue;
      const fragment = doc.getXmlFragment(fragmentName(s.key));
      fragment.push(s.key === 'results' ? RICH_RESULTS() : [paragraph(`Texte de ${s.key}`)]);
    }
    const coordination = addRole(doc, 'raci', 'Coordination');
    const direction = addRole(doc, 'raci', 'Direction');
    const task = addTask(doc, 'raci', 'Calendrier des ateliers');
    tableList(tableMap(doc, 'raci'), 'tasks').get(0).set('lead', parties[1]!.id);
    setCell(doc, 'raci', task, coordination, 'R');
    setCell(doc, 'raci', task, direction, 'A');
    addBudgetLine(doc, 'budget', { label: 'Animation', partyId: parties[0]!.id, amountCents: 500_000, nature: 'cash' });
    addBudgetLine(doc, 'budget', { label: 'Salle de formation', partyId: parties[1]!.id, amountCents: 120_000, nature: 'inKind' });
  });
}

export interface SignedPartnership {
  a: TestAgreement;
  partner: Invited;
  call<T>(token: string, path: string, method?: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/**
 * Through REST and a real websocket client: a partnership agreement
 * (template with a RACI matrix and a budget) filled with formatted text,
 * approved by both parties, locked and signed by both.
 */
export async function signedPartnership(url: string): Promise<SignedPartnership> {
  const a = await createAgreement(url, {
    title: 'Partenariat Jeunesse',
    templateId: partnershipTemplate.id,
    owner: { name: 'Odile', email: 'odile@example.org', partyIndex: 0 },
  });
  const call = <T>(token: string, path: string, method = 'GET', body?: unknown) => agreementCall<T>(url, token, a.id, path, method, body);
  const partner = await invite(url, a, { role: 'editor', name: 'Paul Partenaire', signatory: true });
  const ownerId = (await call<{ participants: ParticipantView[] }>(a.token, '/participants')).body.participants[0]!.id;
  expect((await call(a.token, `/participants/${ownerId}`, 'PATCH', { signatory: true })).status).toBe(200);
  const owner = connect(url.replace(/^http/, 'ws'), a.id, a.token);
  try {
    await synced(owner);
    fill(owner.doc);
    let stored = false;
    for (let tries = 0; !stored && tries < 100; tries++) {
      await new Promise((done) => setTimeout(done, 50));
      stored = ((await call<AgreementDetail>(a.token, '')).body.content.budget?.budget?.lines.length ?? 0) === 2;
    }
    expect(stored).toBe(true);
  } finally {
    owner.destroy();
  }
  await new Promise((r) => setTimeout(r, 50));
  for (const token of [a.token, partner.token]) {
    for (const s of activeSections(partnershipTemplate, {})) {
      const res = await call(token, '/approvals', 'POST', { section: s.key });
      expect(res.status, `${s.key}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  }
  // The template advises a lawyer's review before the lock: the owner records it.
  const review = await call(a.token, '/legal-review', 'POST', { reviewer: 'Me Lavoie', reviewedOn: new Date().toISOString().slice(0, 10) });
  expect(review.status).toBe(201);
  const locked = await call<StatusView>(a.token, '/lock', 'POST');
  expect(locked.status, JSON.stringify(locked.body)).toBe(200);
  const hash = locked.body.version!.hash;
  for (const [token, fullName] of [
    [partner.token, 'Paul Partenaire'],
    [a.token, 'Odile'],
  ] as const) {
    expect((await call(token, '/sign', 'POST', { fullName, title: 'Direction', versionHash: hash })).status).toBe(200);
  }
  return { a, partner, call };
}

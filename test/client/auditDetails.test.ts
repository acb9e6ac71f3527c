import { beforeAll, describe, expect, it } from 'vitest';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AuditView } from '../../shared/api';
import type { Lang } from '../../shared/template';
import { mouTemplate } from '../../shared/templates/mou';
import { ROLES } from '../../shared/api';
import { MESSAGES } from '../../shared/i18n';
import { useT, WordsProvider } from '../../client/intl';
import { loadMessages } from '../../client/messages';
import { WORD_AREAS } from '../../client/wordAreas';
import { actionLabel, auditDetails, peopleOf } from '../../client/signing/auditDetails';

type Entry = AuditView['entries'][number];

const entry = (seq: number, action: string, details: Record<string, unknown>, actorId: string | null = 'owner1'): Entry => ({
  seq,
  at: '2026-01-05T10:00:00.000Z',
  actorId,
  actorName: '',
  action,
  details,
  hash: '0'.repeat(64),
});

const LOG: Entry[] = [
  entry(1, 'created', { title: 'Entente', owner: 'Odile' }),
  entry(2, 'invited', { participantId: 'p2', name: 'Paul', role: 'editor', partyId: 'partyB', signatory: false }),
  entry(3, 'role_changed', {
    participantId: 'p2',
    from: { role: 'editor', signatory: false, partyId: 'partyB' },
    to: { role: 'viewer', signatory: false, partyId: 'partyB' },
  }),
  entry(
    4,
    'approvals_cleared',
    { section: 'purpose', partyId: 'partyA', approvedBy: { id: 'owner1', name: 'Odile' }, editedBy: [{ id: 'p2', name: 'Paul' }] },
    null,
  ),
  // Logged before the review copy had its own action: the log is append-only, so it stays like this.
  entry(5, 'exported', { format: 'pdf', copy: 'review', version: 1 }),
  entry(6, 'review_copy_downloaded', { format: 'pdf', version: 1, hash: 'a'.repeat(64) }),
  entry(7, 'exported', { format: 'pdf', version: 1 }),
];

/** Renders, in `lang`, each entry's action and details the way the audit dialog does, and the panel's role names. */
function render(lang: Lang): { rows: string[]; panelRoles: Record<string, string> } {
  const rows: string[] = [];
  let panelRoles: Record<string, string> = {};
  function Probe() {
    const t = useT();
    // The participants panel names roles with role.<role>.
    panelRoles = Object.fromEntries(ROLES.map((r) => [r, t(`role.${r}`)]));
    const ctx = {
      t,
      lang,
      template: mouTemplate,
      parties: new Map([
        ['partyA', 'Partie A'],
        ['partyB', 'Partie B'],
      ]),
      unnamedParty: '?',
      people: peopleOf(LOG),
      date: (iso: string) => iso,
    };
    return createElement(Fragment, null, ...LOG.map((e) => createElement('div', { key: e.seq }, `${actionLabel(e, t)} | `, auditDetails(e, ctx))));
  }
  const html = renderToStaticMarkup(createElement(WordsProvider, { lang, messages: MESSAGES[lang], children: createElement(Probe) }));
  for (const m of html.matchAll(/<div>(.*?)<\/div>/g)) rows.push((m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&#x27;/g, '’'));
  return { rows, panelRoles };
}

describe('audit log entries in words', () => {
  // The app loads the words of its pages before it renders them (client/intl.tsx, client/routes.tsx); so do these renders.
  beforeAll(() => loadMessages('en', WORD_AREAS));

  it('names roles as the participants panel does, in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const { rows, panelRoles } = render(lang);
      expect(rows[1]).toContain(panelRoles['editor']);
      expect(rows[2]).toContain(`${panelRoles['editor']} → ${panelRoles['viewer']}`);
    }
    expect(render('fr').rows[2]).toContain('Éditeur → Lecteur');
    expect(render('en').rows[2]).toContain('Editor → Viewer');
  });

  it('says an approval was cleared by an edit, of which section and party, approved by whom, edited by whom', () => {
    expect(render('fr').rows[3]).toBe(
      'Approbation effacée par une modification | Section\u00a0: ButPartie\u00a0: Partie AApprouvée par\u00a0: OdileModifiée par\u00a0: Paul',
    );
    expect(render('en').rows[3]).toBe('Approval cleared by an edit | Section: PurposeParty: Partie AApproved by: OdileEdited by: Paul');
  });

  it('tells a copy for review from the signed copy, old entries included', () => {
    const { rows } = render('en');
    expect(rows[4]).toMatch(/^Copy for review downloaded \(not signed\) \|/);
    expect(rows[5]).toMatch(/^Copy for review downloaded \(not signed\) \|/);
    expect(rows[6]).toMatch(/^Signed copy downloaded \|/);
    expect(render('fr').rows[5]).toMatch(/^Copie de relecture téléchargée \(non signée\) \|/);
  });
});

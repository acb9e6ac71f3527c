import { describe, expect, it } from 'vitest';
import { CHECKS, isReady, readiness, type CheckKey, type CheckResult, type ReadinessInput } from '../../shared/readiness';
import type { AgreementContent, PartyContent } from '../../shared/render';
import { mouTemplate } from '../../shared/templates/mou';

/** A party with every field the checklist looks at filled in. */
function party(id: string): PartyContent {
  return {
    id,
    legalName: `Organisme ${id}`,
    address: '1 rue Principale',
    mission: 'Aider',
    sections: { context: `Mission de ${id}`, responsibilities: `${id} fournit un local` },
    contacts: [{ id: `c-${id}`, title: 'Gestionnaire de programme', email: '', phone: '' }],
    signatories: [{ id: `s-${id}`, name: `Signataire ${id}`, title: 'Directrice' }],
  };
}

/** A two-party MOU that passes every check; each test breaks one thing. */
function readyInput(): ReadinessInput {
  const content: AgreementContent = {
    title: 'Protocole',
    language: 'fr',
    templateId: 'mou',
    parties: [party('a'), party('b')],
    duration: { termYears: 2, renewalReviewMonths: 6, terminationNoticeDays: 60, notes: '' },
    sections: { purpose: 'Collaborer', context: 'Pourquoi ensemble', duration: '' },
  };
  const approvals = new Set<string>();
  for (const s of mouTemplate.sections) for (const p of content.parties) approvals.add(`${s.key}:${p.id}`);
  return {
    content,
    template: mouTemplate,
    openSharedThreads: [],
    approvals,
    signerParties: new Set(['a', 'b']),
    participantParties: new Set(['a', 'b']),
  };
}

const check = (results: CheckResult[], key: CheckKey): CheckResult => {
  const found = results.find((r) => r.key === key);
  if (!found) throw new Error(`no ${key} check`);
  return found;
};

/** The keys of the checks that fail. */
const failing = (results: CheckResult[]): CheckKey[] => results.filter((r) => !r.ok).map((r) => r.key);

describe('readiness', () => {
  it('gives every check once, in order, and a complete agreement passes them all', () => {
    const results = readiness(readyInput());
    // The lawyer's review is asked only by templates that advise it (test/shared/templates.test.ts).
    expect(results.map((r) => r.key)).toEqual(CHECKS.filter((k) => k !== 'legalReview' && k !== 'raci'));
    expect(results.every((r) => r.ok && r.missing.length === 0)).toBe(true);
    expect(isReady(results)).toBe(true);
  });

  describe('sectionsFilled', () => {
    it('names a blank shared rich-text section by its key', () => {
      const input = readyInput();
      input.content.sections['purpose'] = '  \n ';
      const results = readiness(input);
      expect(check(results, 'sectionsFilled').missing).toEqual(['purpose']);
      expect(failing(results)).toEqual(['sectionsFilled']);
      expect(isReady(results)).toBe(false);
    });

    it('treats a section absent from the content as blank', () => {
      const input = readyInput();
      delete input.content.sections['purpose'];
      expect(check(readiness(input), 'sectionsFilled').missing).toEqual(['purpose']);
    });

    it('names a party without a legal name as parties:<id>', () => {
      const input = readyInput();
      input.content.parties[1]!.legalName = ' ';
      expect(check(readiness(input), 'sectionsFilled').missing).toEqual(['parties:b']);
    });

    it('checks the shared context paragraph and each party’s own one separately', () => {
      const input = readyInput();
      input.content.sections['context'] = '';
      input.content.parties[0]!.sections['context'] = '';
      expect(check(readiness(input), 'sectionsFilled').missing).toEqual(['context', 'context:a']);
    });

    it('needs a positive term for the duration section', () => {
      for (const termYears of [null, 0, -1]) {
        const input = readyInput();
        input.content.duration.termYears = termYears;
        expect(check(readiness(input), 'sectionsFilled').missing).toEqual(['duration']);
      }
    });

    it('lists missing entries across sections in template order', () => {
      const input = readyInput();
      input.content.parties[0]!.signatories = [];
      input.content.sections['purpose'] = '';
      input.content.parties[1]!.legalName = '';
      expect(check(readiness(input), 'sectionsFilled').missing).toEqual(['parties:b', 'purpose', 'signatories:a']);
    });
  });

  describe('responsibilities', () => {
    it('a party with no responsibilities text is missing both as a section and as responsibilities', () => {
      const input = readyInput();
      input.content.parties[0]!.sections['responsibilities'] = '';
      const results = readiness(input);
      expect(check(results, 'responsibilities').missing).toEqual(['responsibilities:a']);
      expect(check(results, 'sectionsFilled').missing).toEqual(['responsibilities:a']);
    });

    it('a party with text but no contact job title is missing contacts:<id> (the section itself is filled)', () => {
      const input = readyInput();
      input.content.parties[1]!.contacts = [{ id: 'c', title: ' ', email: 'x@example.org', phone: '' }];
      const results = readiness(input);
      expect(check(results, 'responsibilities').missing).toEqual(['contacts:b']);
      expect(check(results, 'sectionsFilled').ok).toBe(true);
    });

    it('one titled contact is enough, even next to blank ones', () => {
      const input = readyInput();
      input.content.parties[0]!.contacts = [
        { id: 'c1', title: '', email: '', phone: '' },
        { id: 'c2', title: 'Coordonnatrice', email: '', phone: '' },
      ];
      expect(check(readiness(input), 'responsibilities').ok).toBe(true);
    });

    it('a party with neither text nor contacts is named for its text only', () => {
      const input = readyInput();
      input.content.parties[0]!.sections['responsibilities'] = '';
      input.content.parties[0]!.contacts = [];
      expect(check(readiness(input), 'responsibilities').missing).toEqual(['responsibilities:a']);
    });
  });

  describe('duration', () => {
    it.each([
      ['no term', { termYears: null }],
      ['a zero term', { termYears: 0 }],
      ['no renewal review', { renewalReviewMonths: null }],
      ['a negative renewal review', { renewalReviewMonths: -3 }],
      ['no notice', { terminationNoticeDays: null }],
      ['a notice the template does not offer', { terminationNoticeDays: 45 }],
    ])('fails with %s', (_label, change) => {
      const input = readyInput();
      Object.assign(input.content.duration, change);
      const d = check(readiness(input), 'duration');
      expect(d.ok).toBe(false);
      expect(d.missing).toEqual(['duration']);
    });

    it.each([30, 60, 90])('accepts a notice of %i days', (days) => {
      const input = readyInput();
      input.content.duration.terminationNoticeDays = days;
      expect(check(readiness(input), 'duration').ok).toBe(true);
    });
  });

  describe('signatories', () => {
    it('a party needs a signatory with both a name and a title', () => {
      for (const signatories of [[], [{ id: 's', name: 'Ana', title: '' }], [{ id: 's', name: ' ', title: 'Directrice' }]]) {
        const input = readyInput();
        input.content.parties[0]!.signatories = signatories;
        const results = readiness(input);
        expect(check(results, 'signatories').missing).toEqual(['signatories:a']);
        expect(check(results, 'sectionsFilled').missing).toEqual(['signatories:a']);
      }
    });

    it('a party with nobody taking part yet must invite someone (invite:<id>)', () => {
      const input = readyInput();
      input.signerParties = new Set(['a']);
      input.participantParties = new Set(['a']);
      const results = readiness(input);
      expect(check(results, 'signatories').missing).toEqual(['invite:b']);
      // Who takes part is not a section to fill in.
      expect(check(results, 'sectionsFilled').ok).toBe(true);
      expect(failing(results)).toEqual(['signatories']);
    });

    it('a party whose participants include no designated signer needs one (signer:<id>)', () => {
      const input = readyInput();
      input.signerParties = new Set(['a']);
      expect(check(readiness(input), 'signatories').missing).toEqual(['signer:b']);
    });

    it('a designated signer is enough even if the participant set does not list the party', () => {
      const input = readyInput();
      input.participantParties = new Set();
      expect(check(readiness(input), 'signatories').ok).toBe(true);
    });

    it('names both the blank signatory block and the missing signer of a party', () => {
      const input = readyInput();
      input.content.parties[1]!.signatories = [];
      input.signerParties = new Set(['a']);
      input.participantParties = new Set(['a']);
      expect(check(readiness(input), 'signatories').missing).toEqual(['signatories:b', 'invite:b']);
    });
  });

  describe('noOpenThreads', () => {
    it('lists the open shared threads it was given', () => {
      const input = readyInput();
      input.openSharedThreads = ['t1', 't2'];
      const results = readiness(input);
      expect(check(results, 'noOpenThreads')).toEqual({ key: 'noOpenThreads', ok: false, missing: ['t1', 't2'] });
      expect(failing(results)).toEqual(['noOpenThreads']);
    });
  });

  describe('suggestions', () => {
    it('passes with none open, and lists each open suggestion by id so the checklist can point at it', () => {
      const input = readyInput();
      expect(check(readiness(input), 'suggestions')).toEqual({ key: 'suggestions', ok: true, missing: [] });
      input.openSuggestions = ['s1', 's2'];
      const results = readiness(input);
      expect(check(results, 'suggestions')).toEqual({ key: 'suggestions', ok: false, missing: ['s1', 's2'] });
      expect(failing(results)).toEqual(['suggestions']);
    });
  });

  describe('approvals', () => {
    it('needs every section approved by every party, and names each gap as section:partyId', () => {
      const input = readyInput();
      const approvals = new Set(input.approvals);
      approvals.delete('purpose:b');
      approvals.delete('duration:a');
      input.approvals = approvals;
      const results = readiness(input);
      expect(check(results, 'approvals').missing).toEqual(['purpose:b', 'duration:a']);
      expect(failing(results)).toEqual(['approvals']);
    });

    it('ignores approvals of parties or sections that are not in the agreement', () => {
      const input = readyInput();
      input.approvals = new Set([...input.approvals, 'purpose:gone', 'annex:a']);
      expect(check(readiness(input), 'approvals').ok).toBe(true);
    });

    it('with no approvals lists every section for every party', () => {
      const input = readyInput();
      input.approvals = new Set();
      // Every section in effect: the MOU's optional RACI matrix is left out at first.
      expect(check(readiness(input), 'approvals').missing).toHaveLength(mouTemplate.sections.filter((s) => !s.optional).length * 2);
    });
  });

  it('only checks the sections the template has', () => {
    const input = readyInput();
    input.template = { ...mouTemplate, sections: mouTemplate.sections.filter((s) => s.kind === 'richtext') };
    input.content.parties[0]!.signatories = [];
    input.content.parties[0]!.contacts = [];
    input.signerParties = new Set();
    input.approvals = new Set(['purpose:a', 'purpose:b']);
    const results = readiness(input);
    expect(failing(results)).toEqual([]);
  });
});

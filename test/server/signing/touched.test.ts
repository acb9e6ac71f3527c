import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionHash } from '../../../server/signing/hash';
import { sectionsTouched } from '../../../server/signing/touched';
import { INCLUDED, getIncluded } from '../../../shared/included';
import { readAgreement } from '../../../shared/render';
import { DURATION, META, PARTY_IDS, fragmentName, hasSharedText, initAgreementDoc, isPerParty, partyKey } from '../../../shared/schema';
import type { AgreementTemplate } from '../../../shared/template';
import { TEMPLATES } from '../../../shared/templates';
import { paragraph } from '../fill';

const hashes = (doc: Y.Doc, template: AgreementTemplate): Map<string, string> => {
  const content = readAgreement(doc, template);
  return new Map(template.sections.map((s) => [s.key, sectionHash(content, s)]));
};

describe('the sections an edit may change', () => {
  // The approvals check reads the document only for these: a section missing here would keep an approval its edit made stale.
  for (const template of TEMPLATES) {
    it(`${template.id}: typing in a section's text changes the approved content of that section only`, () => {
      const doc = new Y.Doc();
      const parties = Array.from({ length: template.minParties }, (_, i) => ({ id: `p${i}`, legalName: `P${i}`, address: '', mission: '' }));
      initAgreementDoc(doc, { title: 'Test', language: 'fr', template, parties });
      // Annexes in, so that their text counts.
      for (const s of template.sections) if (s.optional) getIncluded(doc).set(s.key, true);
      const roots = template.sections.flatMap((s) => [
        ...(hasSharedText(s.kind) ? [fragmentName(s.key)] : []),
        ...(isPerParty(s.kind) ? parties.map((p) => fragmentName(s.key, p.id)) : []),
      ]);
      expect(roots.length).toBeGreaterThan(0);
      for (const root of roots) {
        const before = hashes(doc, template);
        doc.getXmlFragment(root).push([paragraph(`texte de ${root}`)]);
        const after = hashes(doc, template);
        const changed = template.sections.filter((s) => before.get(s.key) !== after.get(s.key)).map((s) => s.key);
        const touched = sectionsTouched(template, [root]);
        expect(touched, root).not.toBe('all');
        expect(changed.length, root).toBeGreaterThan(0);
        for (const key of changed) expect(touched === 'all' || touched.has(key), `${root} changed ${key}`).toBe(true);
      }
    });
  }

  it('checks every section after an edit anywhere else (meta, duration, a party, the included annexes)', () => {
    const [template] = TEMPLATES;
    if (!template) throw new Error('no template');
    for (const root of [META, DURATION, partyKey('p0'), INCLUDED, PARTY_IDS]) expect(sectionsTouched(template, [root]), root).toBe('all');
    expect(sectionsTouched(template, [])).toEqual(new Set());
  });
});

import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { activeSections } from '../../shared/included';
import { readAgreement, type PartyContent } from '../../shared/render';
import { fragmentName } from '../../shared/schema';
import type { AgreementTemplate, SectionTemplate } from '../../shared/template';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { ReadOnlyBudget, ReadOnlyRaci } from './ReadOnlyTables';
import { RichTextView } from './RichTextView';

interface ReadOnlyAgreementProps {
  doc: Y.Doc;
  template: AgreementTemplate;
  /** A control beside each section's title (e.g. "restore this section"). */
  sectionAction?: (section: SectionTemplate) => ReactNode;
}

/** A version of the agreement, read-only, in the live editor's layout: numbered sections, each party's part, the structured fields. */
export function ReadOnlyAgreement({ doc, template, sectionAction }: ReadOnlyAgreementProps) {
  const t = useT();
  const { lang } = useLanguage();
  const content = readAgreement(doc, template);
  const partyName = (p: PartyContent): string => p.legalName || t('party.unnamed');
  const nameOf = (id: string): string => content.parties.find((p) => p.id === id)?.legalName || t('party.unnamed');
  const perParty = (section: SectionTemplate, extra?: (p: PartyContent) => ReactNode): ReactNode =>
    content.parties.map((p) => (
      <div key={p.id} className="party-part">
        <h3 className="small">{partyName(p)}</h3>
        <RichTextView fragment={doc.getXmlFragment(fragmentName(section.key, p.id))} />
        {extra?.(p)}
      </div>
    ));
  const body = (section: SectionTemplate): ReactNode => {
    const shared = <RichTextView fragment={doc.getXmlFragment(fragmentName(section.key))} />;
    switch (section.kind) {
      case 'parties':
        return (
          <ol className="read-only-parties">
            {content.parties.map((p) => (
              <li key={p.id}>
                <strong>{partyName(p)}</strong>
                {p.address && <span className="muted"> — {p.address}</span>}
              </li>
            ))}
          </ol>
        );
      case 'richtext':
        return shared;
      case 'context':
        return (
          <>
            {perParty(section)}
            {shared}
          </>
        );
      case 'responsibilities':
        return perParty(section, (p) => (
          <ul className="small read-only-items" aria-label={t('editor.contactPoints')}>
            {p.contacts.map((c) => (
              <li key={c.id}>{[c.title, c.email, c.phone].filter((x) => x !== '').join(' · ')}</li>
            ))}
          </ul>
        ));
      case 'duration':
        return (
          <>
            <dl className="read-only-fields small">
              <dt>{t('editor.termYears')}</dt>
              <dd>{content.duration.termYears ?? '—'}</dd>
              <dt>{t('editor.renewalReview')}</dt>
              <dd>{content.duration.renewalReviewMonths ?? '—'}</dd>
              <dt>{t('editor.terminationNotice')}</dt>
              <dd>{content.duration.terminationNoticeDays === null ? '—' : t('editor.days', { days: content.duration.terminationNoticeDays })}</dd>
            </dl>
            {shared}
          </>
        );
      case 'signatories':
        return content.parties.map((p) => (
          <div key={p.id} className="party-part">
            <h3 className="small">{partyName(p)}</h3>
            <ul className="small read-only-items">
              {p.signatories.map((s) => (
                <li key={s.id}>{[s.name, s.title].filter((x) => x !== '').join(' · ')}</li>
              ))}
            </ul>
          </div>
        ));
      case 'raci':
        return <ReadOnlyRaci content={content} sectionKey={section.key} partyName={nameOf} />;
      case 'budget':
        return <ReadOnlyBudget content={content} sectionKey={section.key} partyName={nameOf} />;
      default:
        return <p className="muted small">{t('history.notShown')}</p>;
    }
  };
  return (
    <div className="sections read-only-agreement" data-testid="read-only-agreement">
      <h2 className="read-only-title">{content.title}</h2>
      {activeSections(template, content).map((section, index) => (
        <section key={section.key} className={`section kind-${section.kind}`} data-section={section.key}>
          <header className="section-header">
            <h2>
              <span className="section-number">{index + 1}.</span> {section.title[lang]}
            </h2>
            {sectionAction?.(section)}
          </header>
          <div className="section-body">{body(section)}</div>
        </section>
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { activeSections } from '../../shared/included';
import { readAgreement } from '../../shared/render';
import type { AgreementTemplate, SectionTemplate } from '../../shared/template';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { readOnlyView } from './ReadOnlyKinds';

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
  const body = (section: SectionTemplate): ReactNode => {
    const View = readOnlyView(section.kind);
    return View ? <View doc={doc} content={content} section={section} /> : <p className="muted small">{t('history.notShown')}</p>;
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

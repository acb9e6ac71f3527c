import type { FocusEvent, ReactNode } from 'react';
import type { SectionTemplate } from '../../shared/template';
import { useLanguage } from '../language';
import { Avatars } from './Avatars';
import { SectionApprovals } from '../signing/SectionApprovals';
import { SectionComments } from '../comments/SectionComments';
import { setSection, type Peer } from './presence';
import type { Collab } from './useCollab';

interface SectionFrameProps {
  section: SectionTemplate;
  index: number;
  collab: Collab;
  /** Other people currently in this section. */
  peers: Peer[];
  children: ReactNode;
}

/** A section's title, guidance and presence; tells others when we are in it. */
export function SectionFrame({ section, index, collab, peers, children }: SectionFrameProps) {
  const { lang } = useLanguage();
  const awareness = collab.provider.awareness;
  const onFocus = (): void => setSection(awareness, section.key);
  const onBlur = (event: FocusEvent<HTMLElement>): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) setSection(awareness, null);
  };
  const headingId = `section-${section.key}-title`;
  return (
    <section
      className={`section kind-${section.kind}`}
      id={`section-${section.key}`}
      data-section={section.key}
      aria-labelledby={headingId}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <header className="section-header">
        <h2 id={headingId}>
          <span className="section-number">{index + 1}.</span> {section.title[lang]}
        </h2>
        <SectionComments section={section.key} title={section.title[lang]} />
        {peers.length > 0 && <Avatars peers={peers} size="small" sectionTitle={() => section.title[lang]} />}
      </header>
      <SectionApprovals section={section} />
      <p className="guidance">{section.guidance[lang]}</p>
      <div className="section-body">{children}</div>
    </section>
  );
}

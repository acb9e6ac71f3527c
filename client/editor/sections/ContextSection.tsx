import type * as Y from 'yjs';
import { fragmentName } from '../../../shared/schema';
import type { SectionTemplate } from '../../../shared/template';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import { RichText } from '../RichText';
import type { Collab } from '../useCollab';
import { useYString } from '../yhooks';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';

function PartyContext({ section, collab, party, id }: { section: SectionTemplate; collab: Collab; party: Y.Map<unknown>; id: string }) {
  const t = useT();
  const name = usePartyName(party);
  const mission = useYString(party, 'mission').trim();
  const label = t('editor.partyMission', { party: name });
  return (
    <div className="sub-block" data-party={id}>
      <h3>{label}</h3>
      {mission && <p className="hint">{mission}</p>}
      <RichText collab={collab} fragment={fragmentName(section.key, id)} label={label} placeholder={label} />
    </div>
  );
}

/** A paragraph per party about its mission, then a shared one on why they partner. */
export function ContextSection({ section, collab }: SectionProps) {
  const t = useT();
  const { lang } = useLanguage();
  const parties = useParties(collab.doc);
  return (
    <>
      {parties.map((p) => (
        <PartyContext key={p.id} section={section} collab={collab} party={p.map} id={p.id} />
      ))}
      <div className="sub-block">
        <h3>{t('editor.whyTogether')}</h3>
        <RichText collab={collab} fragment={fragmentName(section.key)} label={t('editor.whyTogether')} placeholder={section.placeholder?.[lang]} />
      </div>
    </>
  );
}

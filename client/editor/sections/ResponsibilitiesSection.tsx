import type * as Y from 'yjs';
import { addContact, fragmentName } from '../../../shared/schema';
import type { SectionTemplate } from '../../../shared/template';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import { BoundInput } from '../BoundInput';
import { RichText } from '../RichText';
import type { Collab } from '../useCollab';
import { useYArrayField } from '../yhooks';
import { ItemList } from './ItemList';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';

function PartyResponsibilities({ section, collab, party, id }: { section: SectionTemplate; collab: Collab; party: Y.Map<unknown>; id: string }) {
  const t = useT();
  const { lang } = useLanguage();
  const name = usePartyName(party);
  const contacts = useYArrayField(party, 'contacts');
  return (
    <div className="sub-block" data-party={id}>
      <h3>{t('editor.whatProvides', { party: name })}</h3>
      <RichText
        collab={collab}
        fragment={fragmentName(section.key, id)}
        label={t('editor.whatProvides', { party: name })}
        placeholder={section.placeholder?.[lang]}
      />
      <h4>{t('editor.contactPoints')}</h4>
      <ItemList
        list={contacts}
        testId={`contacts-${id}`}
        empty={t('editor.noContacts')}
        addLabel={t('editor.addContact')}
        onAdd={() => addContact(collab.doc, id)}
        renderItem={(contact) => (
          <>
            <BoundInput map={contact} field="title" label={t('editor.jobTitle')} placeholder={t('editor.jobTitlePlaceholder')} maxLength={200} />
            <BoundInput map={contact} field="email" label={t('editor.email')} type="email" maxLength={200} />
            <BoundInput map={contact} field="phone" label={t('editor.phone')} type="tel" maxLength={50} />
          </>
        )}
      />
    </div>
  );
}

/** Per party: what it provides (rich text) and its contact points by job title. */
export function ResponsibilitiesSection({ section, collab }: SectionProps) {
  const parties = useParties(collab.doc);
  return (
    <>
      {parties.map((p) => (
        <PartyResponsibilities key={p.id} section={section} collab={collab} party={p.map} id={p.id} />
      ))}
    </>
  );
}

import type * as Y from 'yjs';
import { addContact, fragmentName } from '../../../shared/schema';
import type { SectionTemplate } from '../../../shared/template';
import { useI18n } from '../../i18n';
import { BoundInput } from '../BoundInput';
import { RichText } from '../RichText';
import type { Collab } from '../useCollab';
import { useYArrayField } from '../yhooks';
import { ItemList } from './ItemList';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';

function PartyResponsibilities({ section, collab, party, id }: { section: SectionTemplate; collab: Collab; party: Y.Map<unknown>; id: string }) {
  const { t, lang } = useI18n();
  const name = usePartyName(party);
  const contacts = useYArrayField(party, 'contacts');
  return (
    <div className="sub-block" data-party={id}>
      <h3>{t.whatProvides(name)}</h3>
      <RichText collab={collab} fragment={fragmentName(section.key, id)} label={t.whatProvides(name)} placeholder={section.placeholder?.[lang]} />
      <h4>{t.contactPoints}</h4>
      <ItemList
        list={contacts}
        testId={`contacts-${id}`}
        empty={t.noContacts}
        addLabel={t.addContact}
        onAdd={() => addContact(collab.doc, id)}
        renderItem={(contact) => (
          <>
            <BoundInput map={contact} field="title" label={t.jobTitle} placeholder={t.jobTitlePlaceholder} maxLength={200} />
            <BoundInput map={contact} field="email" label={t.email} type="email" maxLength={200} />
            <BoundInput map={contact} field="phone" label={t.phone} type="tel" maxLength={50} />
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

import type * as Y from 'yjs';
import { addSignatory } from '../../../shared/schema';
import { useT } from '../../intl';
import { BoundInput } from '../BoundInput';
import { useYArrayField } from '../yhooks';
import { ItemList } from './ItemList';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';

function PartySignatories({ doc, party, id }: { doc: Y.Doc; party: Y.Map<unknown>; id: string }) {
  const t = useT();
  const name = usePartyName(party);
  const signatories = useYArrayField(party, 'signatories');
  return (
    <div className="sub-block" data-party={id}>
      <h3>
        <span className="muted small label-prefix">{t('editor.organisation')}</span> {name}
      </h3>
      <ItemList
        list={signatories}
        testId={`signatories-${id}`}
        empty={t('editor.noSignatories')}
        addLabel={t('editor.addSignatory')}
        onAdd={() => addSignatory(doc, id)}
        renderItem={(signatory) => (
          <>
            <BoundInput map={signatory} field="name" label={t('editor.signatoryName')} maxLength={200} />
            <BoundInput map={signatory} field="title" label={t('editor.signatoryTitle')} maxLength={200} />
          </>
        )}
      />
    </div>
  );
}

/** Per party: the people who sign, by name and title; the organisation is the party. */
export function SignatoriesSection({ collab }: SectionProps) {
  const parties = useParties(collab.doc);
  return (
    <div className="signatory-grid">
      {parties.map((p) => (
        <PartySignatories key={p.id} doc={collab.doc} party={p.map} id={p.id} />
      ))}
    </div>
  );
}

import type * as Y from 'yjs';
import { addParty, removeParty } from '../../../shared/schema';
import type { AgreementTemplate } from '../../../shared/template';
import { useI18n } from '../../i18n';
import { BoundInput } from '../BoundInput';
import type { SectionProps } from './types';
import { useParties, usePartyName } from './useParties';
import { useCanEdit } from '../../session';

function PartyCard({ party, index, onRemove }: { party: Y.Map<unknown>; index: number; onRemove?: () => void }) {
  const { t } = useI18n();
  return (
    <li className="party-card" data-party-index={index}>
      <div className="party-card-header">
        <span className="party-badge">{t.partyN(index + 1)}</span>
        {onRemove && (
          <button type="button" className="button link danger" onClick={onRemove}>
            {t.removeParty}
          </button>
        )}
      </div>
      <BoundInput map={party} field="legalName" label={t.legalName} placeholder={t.legalNameHint} maxLength={300} />
      <BoundInput map={party} field="address" label={t.address} maxLength={500} />
      <BoundInput map={party} field="mission" label={t.mission} multiline maxLength={2000} />
    </li>
  );
}

function RemovablePartyCard({ party, id, index, template, doc, canRemove }: { party: Y.Map<unknown>; id: string; index: number; template: AgreementTemplate; doc: Y.Doc; canRemove: boolean }) {
  const { t } = useI18n();
  const name = usePartyName(party);
  const remove = (): void => {
    if (window.confirm(t.removePartyConfirm(name))) removeParty(doc, id, template);
  };
  return <PartyCard party={party} index={index} onRemove={canRemove ? remove : undefined} />;
}

/** The structured list of parties: legal name, address, mission. */
export function PartiesSection({ collab, template }: SectionProps) {
  const { t } = useI18n();
  const parties = useParties(collab.doc);
  const canEdit = useCanEdit();
  const canRemove = canEdit && parties.length > template.minParties;
  return (
    <>
      <ol className="party-cards">
        {parties.map((p, index) => (
          <RemovablePartyCard key={p.id} party={p.map} id={p.id} index={index} template={template} doc={collab.doc} canRemove={canRemove} />
        ))}
      </ol>
      {canEdit && (
        <button type="button" className="button ghost" data-testid="add-party" onClick={() => addParty(collab.doc, { legalName: '', address: '', mission: '' })}>
          + {t.addParty}
        </button>
      )}
    </>
  );
}

import { useState, type FormEvent } from 'react';
import type { ParticipantView } from '../../shared/api';
import { INVITABLE_ROLES } from '../../shared/roles';
import { inviteParticipant } from '../api/participants';
import { errorText } from '../errorText';
import { roleName, useT } from '../intl';
import { looksLikeEmail, type InvitableRole } from './validate';
import type { PartyLabel } from '../editor/usePartyNames';

/** The owner's form to invite someone; the answer carries their personal link, shown once. */
export function InviteForm({
  agreementId,
  parties,
  onInvited,
  onCancel,
}: {
  agreementId: string;
  parties: PartyLabel[];
  onInvited: (p: ParticipantView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [partyId, setPartyId] = useState('');
  const [role, setRole] = useState<InvitableRole>('editor');
  const [signatory, setSignatory] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return setError(t('participants.nameRequired'));
    if (!looksLikeEmail(email)) return setError(t('participants.emailInvalid'));
    if (!parties.some((p) => p.id === partyId)) return setError(t('participants.partyRequired'));
    setError('');
    setBusy(true);
    try {
      onInvited(await inviteParticipant(agreementId, { name: name.trim(), email: email.trim(), partyId, role, signatory }));
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  };

  return (
    <form className="invite-form" data-testid="invite-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('participants.inviteTitle')}</h3>
      <label className="field">
        <span>{t('participants.name')}</span>
        <input name="inviteName" value={name} maxLength={120} autoComplete="off" onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>{t('participants.email')}</span>
        <input name="inviteEmail" type="email" value={email} maxLength={254} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('participants.party')}</span>
        <select name="inviteParty" value={partyId} onChange={(e) => setPartyId(e.target.value)}>
          <option value="" disabled>
            —
          </option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.legalName || t('party.n', { n: p.index + 1 })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('participants.role')}</span>
        <select name="inviteRole" value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
          {INVITABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(t, r)}
            </option>
          ))}
        </select>
        <span className="role-help">{t(`role.help.${role}`)}</span>
      </label>
      <label className="check field-check">
        <input name="inviteSignatory" type="checkbox" checked={signatory} onChange={(e) => setSignatory(e.target.checked)} />
        {t('participants.signatoryLabel')}
      </label>
      {error && (
        <p className="error small" role="alert" data-testid="invite-error">
          {error}
        </p>
      )}
      <div className="invite-actions">
        <button type="button" className="button small" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary small" disabled={busy} data-testid="invite-submit">
          {busy ? t('participants.inviting') : t('participants.sendInvite')}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import type { ParticipantView } from '../../shared/api';
import { INVITABLE_ROLES } from '../../shared/roles';
import { reissueLink, revokeParticipant, updateParticipant } from '../api/participants';
import { colorFor, initials } from '../identity';
import type { Translate } from '../../shared/i18n/translate';
import { errorText } from '../errorText';
import { roleName, useT } from '../intl';
import type { InvitableRole } from './validate';
import { NewLink } from './PersonalLink';
import { ConfirmBox } from './ConfirmBox';
import type { PartyLabel } from '../editor/usePartyNames';

const partyText = (parties: PartyLabel[], partyId: string, t: Translate): string => {
  const party = parties.find((p) => p.id === partyId);
  if (!party) return t('party.unknown');
  return party.legalName || t('party.n', { n: party.index + 1 });
};

/** One person on the agreement; for the owner, the controls to change their rights, give them a new link, or revoke them. */
export function ParticipantRow({
  agreementId,
  p,
  self,
  manage,
  parties,
  onChanged,
}: {
  agreementId: string;
  p: ParticipantView;
  self: boolean;
  manage: boolean;
  parties: PartyLabel[];
  onChanged: (p: ParticipantView) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<'revoke' | 'link' | null>(null);
  // A link just re-issued: shown here once, the server cannot show it again.
  const [issued, setIssued] = useState<ParticipantView | null>(null);
  const revoked = p.revokedAt !== null;
  const canChange = manage && !revoked;

  const run = async (action: () => Promise<ParticipantView>, then: (p: ParticipantView) => void = onChanged): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      then(await action());
      setConfirming(null);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`participant${revoked ? ' is-revoked' : ''}`}
      data-participant={p.id}
      data-role={p.role}
      data-revoked={revoked ? 'true' : 'false'}
      data-signatory={p.signatory ? 'true' : 'false'}
    >
      <div className="participant-main">
        <span className="avatar small" style={{ backgroundColor: revoked ? '#8c939d' : colorFor(p.id) }} aria-hidden="true">
          {initials(p.name)}
        </span>
        <div className="participant-text">
          <span className="participant-name" data-testid="participant-name">
            {p.name}
            {self && <span className="muted"> ({t('common.you')})</span>}
          </span>
          <span className="participant-email">{p.email}</span>
          <span className="participant-party">{partyText(parties, p.partyId, t)}</span>
          <span className="badges">
            <span className={`badge role-badge role-${p.role}`} data-testid="role-badge">
              {roleName(t, p.role)}
            </span>
            {p.signatory && <span className="badge signatory-badge">{t('access.signatory')}</span>}
            {revoked && (
              <span className="badge revoked-badge" data-testid="revoked-badge">
                {t('access.revoked')}
              </span>
            )}
          </span>
        </div>
      </div>
      {canChange && (
        <div className="participant-controls">
          {p.role !== 'owner' && (
            <select
              aria-label={t('participants.changeRole', { name: p.name })}
              data-testid="role-select"
              value={p.role}
              disabled={busy}
              onChange={(e) => void run(() => updateParticipant(agreementId, p.id, { role: e.target.value as InvitableRole }))}
            >
              {INVITABLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(t, r)}
                </option>
              ))}
            </select>
          )}
          <label className="check" title={t('participants.signatoryLabel')}>
            <input
              type="checkbox"
              data-testid="signatory-toggle"
              aria-label={t('participants.signatoryOf', { name: p.name })}
              checked={p.signatory}
              disabled={busy}
              onChange={(e) => void run(() => updateParticipant(agreementId, p.id, { signatory: e.target.checked }))}
            />
            {t('access.signatory')}
          </label>
        </div>
      )}
      {canChange && !confirming && (
        <div className="participant-actions">
          <button
            type="button"
            className="button link"
            data-testid="new-link-open"
            disabled={busy}
            onClick={() => {
              setIssued(null);
              setConfirming('link');
            }}
          >
            {t('participants.newLink')}…
          </button>
          {p.role !== 'owner' && (
            <button type="button" className="button link danger" data-testid="revoke" disabled={busy} onClick={() => setConfirming('revoke')}>
              {t('participants.revoke')}…
            </button>
          )}
        </div>
      )}
      {confirming === 'link' && (
        <ConfirmBox
          label={t('participants.newLink')}
          question={self ? t('participants.newLinkConfirmSelf') : t('participants.newLinkConfirm', { name: p.name })}
          yes={t('participants.newLinkYes')}
          testId="new-link"
          busy={busy}
          onCancel={() => setConfirming(null)}
          onYes={() => void run(() => reissueLink(agreementId, p.id), setIssued)}
        />
      )}
      {confirming === 'revoke' && (
        <ConfirmBox
          label={t('participants.revoke')}
          question={t('participants.revokeConfirm', { name: p.name })}
          yes={t('participants.revokeYes')}
          testId="revoke"
          busy={busy}
          onCancel={() => setConfirming(null)}
          onYes={() => void run(() => revokeParticipant(agreementId, p.id))}
        />
      )}
      {issued && !revoked && <NewLink person={issued} message={t('participants.reissued', { name: p.name })} onClose={() => setIssued(null)} />}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

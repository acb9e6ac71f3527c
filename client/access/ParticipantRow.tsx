import { useState } from 'react';
import { INVITABLE_ROLES, type ParticipantView } from '../../shared/api';
import { reissueLink, revokeParticipant, updateParticipant } from '../api';
import { useI18n } from '../i18n';
import { colorFor, initials } from '../identity';
import { failure, useAccessStrings, type AccessStrings, type InvitableRole } from './i18n';
import { roleName } from './MeBadge';
import { NewLink } from './PersonalLink';
import type { PartyLabel } from './usePartyNames';

const partyText = (parties: PartyLabel[], partyId: string, s: AccessStrings, partyN: (n: number) => string): string => {
  const party = parties.find((p) => p.id === partyId);
  if (!party) return s.unknownParty;
  return party.legalName || partyN(party.index + 1);
};

/** One person on the agreement; for the owner, the controls to change their rights, give them a new link, or revoke them. */
export function ParticipantRow({ agreementId, p, self, manage, parties, onChanged }: { agreementId: string; p: ParticipantView; self: boolean; manage: boolean; parties: PartyLabel[]; onChanged: (p: ParticipantView) => void }) {
  const { t } = useI18n();
  const s = useAccessStrings();
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
      setError(failure(s, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`participant${revoked ? ' is-revoked' : ''}`} data-participant={p.id} data-role={p.role} data-revoked={revoked ? 'true' : 'false'} data-signatory={p.signatory ? 'true' : 'false'}>
      <div className="participant-main">
        <span className="avatar small" style={{ backgroundColor: revoked ? '#8c939d' : colorFor(p.id) }} aria-hidden="true">
          {initials(p.name)}
        </span>
        <div className="participant-text">
          <span className="participant-name" data-testid="participant-name">
            {p.name}
            {self && <span className="muted"> ({s.you})</span>}
          </span>
          <span className="participant-email">{p.email}</span>
          <span className="participant-party">{partyText(parties, p.partyId, s, t.partyN)}</span>
          <span className="badges">
            <span className={`badge role-badge role-${p.role}`} data-testid="role-badge">
              {roleName(s, p.role)}
            </span>
            {p.signatory && <span className="badge signatory-badge">{s.signatory}</span>}
            {revoked && (
              <span className="badge revoked-badge" data-testid="revoked-badge">
                {s.revoked}
              </span>
            )}
          </span>
        </div>
      </div>
      {canChange && (
        <div className="participant-controls">
          {p.role !== 'owner' && (
            <select
              aria-label={s.changeRole(p.name)}
              data-testid="role-select"
              value={p.role}
              disabled={busy}
              onChange={(e) => void run(() => updateParticipant(agreementId, p.id, { role: e.target.value as InvitableRole }))}
            >
              {INVITABLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(s, r)}
                </option>
              ))}
            </select>
          )}
          <label className="check" title={s.signatoryLabel}>
            <input
              type="checkbox"
              data-testid="signatory-toggle"
              aria-label={s.signatoryOf(p.name)}
              checked={p.signatory}
              disabled={busy}
              onChange={(e) => void run(() => updateParticipant(agreementId, p.id, { signatory: e.target.checked }))}
            />
            {s.signatory}
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
            {s.newLink}…
          </button>
          {p.role !== 'owner' && (
            <button type="button" className="button link danger" data-testid="revoke" disabled={busy} onClick={() => setConfirming('revoke')}>
              {s.revoke}…
            </button>
          )}
        </div>
      )}
      {confirming === 'link' && (
        <div className="confirm-box" role="alertdialog" aria-label={s.newLink} data-testid="new-link-confirm">
          <p>{self ? s.newLinkConfirmSelf : s.newLinkConfirm(p.name)}</p>
          <div className="confirm-actions">
            <button type="button" className="button small" onClick={() => setConfirming(null)} disabled={busy}>
              {s.cancel}
            </button>
            <button type="button" className="button small danger-button" data-testid="new-link-yes" disabled={busy} onClick={() => void run(() => reissueLink(agreementId, p.id), setIssued)}>
              {s.newLinkYes}
            </button>
          </div>
        </div>
      )}
      {confirming === 'revoke' && (
        <div className="confirm-box" role="alertdialog" aria-label={s.revoke} data-testid="revoke-confirm">
          <p>{s.revokeConfirm(p.name)}</p>
          <div className="confirm-actions">
            <button type="button" className="button small" onClick={() => setConfirming(null)} disabled={busy}>
              {s.cancel}
            </button>
            <button type="button" className="button small danger-button" data-testid="revoke-yes" disabled={busy} onClick={() => void run(() => revokeParticipant(agreementId, p.id))}>
              {s.revokeYes}
            </button>
          </div>
        </div>
      )}
      {issued && !revoked && <NewLink person={issued} message={s.reissued(p.name)} onClose={() => setIssued(null)} />}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

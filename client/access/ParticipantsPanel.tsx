import { useEffect, useRef, useState, type FormEvent } from 'react';
import { INVITABLE_ROLES, type ParticipantView, type Role } from '../../shared/api';
import { ApiFailure, inviteParticipant, revokeParticipant, updateParticipant } from '../api';
import type { Collab } from '../editor/useCollab';
import { useI18n } from '../i18n';
import { colorFor, initials } from '../identity';
import { useSession } from '../session';
import { useParticipants } from './AccessLayer';
import { looksLikeEmail, useAccessStrings, type AccessStrings } from './i18n';
import { roleName } from './MeBadge';
import { usePartyNames, type PartyLabel } from './usePartyNames';

type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** The server's reason, or a plain "could not reach the server". */
function failure(s: AccessStrings, err: unknown): string {
  return err instanceof ApiFailure ? s.failed(err.message) : s.networkFailed;
}

const fullUrl = (link: string): string => `${window.location.origin}${link}`;

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (typeof navigator.clipboard?.writeText !== 'function') return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A read-only field holding a link, selected on focus so it is easy to copy by hand. */
function LinkField({ url, label, testId, autoSelect }: { url: string; label: string; testId: string; autoSelect?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoSelect) ref.current?.select();
  }, [autoSelect]);
  return <input ref={ref} className="link-field" readOnly value={url} aria-label={label} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />;
}

/** "Copy link": the clipboard when it works, otherwise a selected field to copy from. */
function CopyLink({ link, name }: { link: string; name: string }) {
  const s = useAccessStrings();
  const [state, setState] = useState<'idle' | 'copied' | 'fallback'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async (): Promise<void> => setState((await copyToClipboard(fullUrl(link))) ? 'copied' : 'fallback');
  return (
    <div className="copy-link">
      <button type="button" className="button small" data-testid="copy-link" onClick={() => void copy()} aria-live="polite">
        {state === 'copied' ? `✓ ${s.copied}` : s.copyLink}
      </button>
      {state === 'fallback' && (
        <div className="link-fallback">
          <span className="small">{s.copyFallback}</span>
          <LinkField url={fullUrl(link)} label={s.linkFor(name)} testId="link-field" autoSelect />
        </div>
      )}
    </div>
  );
}

const partyText = (parties: PartyLabel[], partyId: string, s: AccessStrings, partyN: (n: number) => string): string => {
  const party = parties.find((p) => p.id === partyId);
  if (!party) return s.unknownParty;
  return party.legalName || partyN(party.index + 1);
};

function ParticipantRow({ agreementId, p, self, manage, parties, onChanged }: { agreementId: string; p: ParticipantView; self: boolean; manage: boolean; parties: PartyLabel[]; onChanged: (p: ParticipantView) => void }) {
  const { t } = useI18n();
  const s = useAccessStrings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const revoked = p.revokedAt !== null;
  const canChange = manage && !revoked;

  const run = async (action: () => Promise<ParticipantView>): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      onChanged(await action());
      setConfirming(false);
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
      {p.link && !revoked && (
        <div className="participant-actions">
          <CopyLink link={p.link} name={p.name} />
          {canChange && p.role !== 'owner' && !confirming && (
            <button type="button" className="button link danger" data-testid="revoke" disabled={busy} onClick={() => setConfirming(true)}>
              {s.revoke}…
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div className="confirm-box" role="alertdialog" aria-label={s.revoke} data-testid="revoke-confirm">
          <p>{s.revokeConfirm(p.name)}</p>
          <div className="confirm-actions">
            <button type="button" className="button small" onClick={() => setConfirming(false)} disabled={busy}>
              {s.cancel}
            </button>
            <button type="button" className="button small danger-button" data-testid="revoke-yes" disabled={busy} onClick={() => void run(() => revokeParticipant(agreementId, p.id))}>
              {s.revokeYes}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function InviteForm({ agreementId, parties, onInvited, onCancel }: { agreementId: string; parties: PartyLabel[]; onInvited: (p: ParticipantView) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const s = useAccessStrings();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [partyId, setPartyId] = useState('');
  const [role, setRole] = useState<InvitableRole>('editor');
  const [signatory, setSignatory] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return setError(s.nameRequired);
    if (!looksLikeEmail(email)) return setError(s.emailInvalid);
    if (!parties.some((p) => p.id === partyId)) return setError(s.partyRequired);
    setError('');
    setBusy(true);
    try {
      onInvited(await inviteParticipant(agreementId, { name: name.trim(), email: email.trim(), partyId, role, signatory }));
    } catch (err) {
      setError(failure(s, err));
      setBusy(false);
    }
  };

  return (
    <form className="invite-form" data-testid="invite-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{s.inviteTitle}</h3>
      <label className="field">
        <span>{s.name}</span>
        <input name="inviteName" value={name} maxLength={120} autoComplete="off" onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>{s.email}</span>
        <input name="inviteEmail" type="email" value={email} maxLength={254} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>{s.party}</span>
        <select name="inviteParty" value={partyId} onChange={(e) => setPartyId(e.target.value)}>
          <option value="" disabled>
            —
          </option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.legalName || t.partyN(p.index + 1)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{s.roleLabel}</span>
        <select name="inviteRole" value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
          {INVITABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(s, r)}
            </option>
          ))}
        </select>
        <span className="role-help">{s.roleHelp[role as Role]}</span>
      </label>
      <label className="check field-check">
        <input name="inviteSignatory" type="checkbox" checked={signatory} onChange={(e) => setSignatory(e.target.checked)} />
        {s.signatoryLabel}
      </label>
      {error && (
        <p className="error small" role="alert" data-testid="invite-error">
          {error}
        </p>
      )}
      <div className="invite-actions">
        <button type="button" className="button small" onClick={onCancel} disabled={busy}>
          {s.cancel}
        </button>
        <button type="submit" className="button primary small" disabled={busy} data-testid="invite-submit">
          {busy ? s.inviting : s.sendInvite}
        </button>
      </div>
    </form>
  );
}

/** The personal link of someone just invited, ready to copy and send. */
function NewLink({ person, onClose }: { person: ParticipantView; onClose: () => void }) {
  const s = useAccessStrings();
  const link = person.link ?? '';
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="new-link" role="status" data-testid="new-link-box">
      <p>{s.invited(person.name)}</p>
      <LinkField url={fullUrl(link)} label={s.linkFor(person.name)} testId="new-link" autoSelect />
      <div className="new-link-actions">
        <button type="button" className="button small primary" onClick={() => void copyToClipboard(fullUrl(link)).then(setCopied)}>
          {copied ? `✓ ${s.copied}` : s.copyLink}
        </button>
        <button type="button" className="button link" onClick={onClose}>
          {s.close}
        </button>
      </div>
      {copied === false && <p className="small">{s.copyFallback}</p>}
      <p className="small muted">{s.linkWarning}</p>
    </div>
  );
}

/**
 * Who is on the agreement. Everyone sees names, emails, parties, roles,
 * signatories and revoked people; the owner also invites, changes roles,
 * marks signatories, revokes and copies personal links.
 */
export function ParticipantsPanel({ collab }: { collab: Collab }) {
  const s = useAccessStrings();
  const { me } = useSession();
  const manage = me.can.manage;
  const { participants, reloadParticipants, upsertParticipant } = useParticipants();
  const parties = usePartyNames(collab.doc);
  const [inviting, setInviting] = useState(false);
  const [justInvited, setJustInvited] = useState<ParticipantView | null>(null);

  // Active people first (in the server's order: owner, then by invitation), revoked ones last.
  const list = participants.status === 'ready' ? [...participants.participants].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null)) : [];
  const active = list.filter((p) => p.revokedAt === null).length;

  return (
    <section className="side-card participants-panel" aria-labelledby="participants-heading" data-testid="participants-panel">
      <h2 id="participants-heading">
        {s.participants} {participants.status === 'ready' && <span className="count">{active}</span>}
      </h2>
      {participants.status === 'loading' && <p className="muted small">…</p>}
      {participants.status === 'error' && (
        <p className="error small" role="alert">
          {s.loadParticipantsFailed}{' '}
          <button type="button" className="button link" onClick={reloadParticipants}>
            {s.retry}
          </button>
        </p>
      )}
      {list.length > 0 && (
        <ul className="participant-list" data-testid="participant-list">
          {list.map((p) => (
            <ParticipantRow key={p.id} agreementId={collab.id} p={p} self={p.id === me.participant.id} manage={manage} parties={parties} onChanged={upsertParticipant} />
          ))}
        </ul>
      )}
      {justInvited && <NewLink person={justInvited} onClose={() => setJustInvited(null)} />}
      {manage &&
        (inviting ? (
          <InviteForm
            agreementId={collab.id}
            parties={parties}
            onCancel={() => setInviting(false)}
            onInvited={(p) => {
              upsertParticipant(p);
              setJustInvited(p);
              setInviting(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="button ghost small invite-button"
            data-testid="invite-open"
            onClick={() => {
              setJustInvited(null);
              setInviting(true);
            }}
          >
            + {s.invite}
          </button>
        ))}
    </section>
  );
}

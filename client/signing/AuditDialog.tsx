import { useEffect, useState } from 'react';
import type { AuditView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import { useAccessStrings } from '../access/i18n';
import { getAudit } from '../api';
import { useI18n } from '../i18n';
import { actionLabel, auditDetails, peopleOf } from './auditDetails';
import { Dialog } from './Dialog';
import { Fingerprint } from './Fingerprint';
import { usePartyNames } from '../editor/usePartyNames';
import { NO_DOC, useSigning } from './SigningContext';
import { useSigningText } from './strings';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; audit: AuditView };

/** The audit log of the agreement: every step in order, and whether the hash chain holds. */
export function AuditDialog({ template, onClose }: { template: AgreementTemplate | undefined; onClose: () => void }) {
  const signing = useSigning();
  const { s } = useSigningText();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const agreementId = signing?.agreementId;
  const status = signing?.status;

  // Reloaded whenever the status moves (a signature, an export…), so the log stays current while open.
  useEffect(() => {
    if (!agreementId) return;
    let live = true;
    getAudit(agreementId).then(
      (audit) => live && setLoad({ state: 'ready', audit }),
      () => live && setLoad((l) => (l.state === 'ready' ? l : { state: 'failed' })),
    );
    return () => {
      live = false;
    };
  }, [agreementId, status]);

  return (
    <Dialog title={s.auditTitle} onClose={onClose} wide testId="audit-dialog">
      <p className="muted small">{s.auditIntro}</p>
      {load.state === 'loading' && <p className="muted">{s.auditLoading}</p>}
      {load.state === 'failed' && <p className="error">{s.auditFailed}</p>}
      {load.state === 'ready' && <AuditBody audit={load.audit} template={template} />}
    </Dialog>
  );
}

function AuditBody({ audit, template }: { audit: AuditView; template: AgreementTemplate | undefined }) {
  const signing = useSigning();
  const { t } = useI18n();
  const { s, lang, date, exactDate } = useSigningText();
  // The same role names as the participants panel, from the same strings.
  const { role: roles } = useAccessStrings();
  const parties = usePartyNames(signing?.doc ?? NO_DOC);
  const { chain } = audit;
  const people = peopleOf(audit.entries);
  const ctx = { s, lang, template, parties, unnamedParty: t.unnamedParty, roles, people, date };
  return (
    <>
      <div className={`chain-result ${chain.ok ? 'chain-ok' : 'chain-broken'}`} data-testid="audit-chain" data-ok={chain.ok} role="status">
        <strong>{chain.ok ? s.chainOk(chain.entries) : s.chainBroken(chain.brokenAt ?? 0)}</strong>
        {chain.ok && chain.head && (
          <span className="small">
            {' '}
            {s.chainHead}
            {s.colon} <Fingerprint hash={chain.head} short />
          </span>
        )}
      </div>
      <div className="audit-table-wrap">
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{s.auditWhen}</th>
              <th scope="col">{s.auditWho}</th>
              <th scope="col">{s.auditWhat}</th>
              <th scope="col">{s.auditDetails}</th>
            </tr>
          </thead>
          <tbody>
            {audit.entries.map((e) => (
              <tr key={e.seq} data-action={e.action} className={!chain.ok && chain.brokenAt !== undefined && e.seq >= chain.brokenAt ? 'audit-broken' : undefined}>
                <td className="num">{e.seq}</td>
                <td className="nowrap">
                  <time dateTime={e.at} title={e.at}>
                    {exactDate(e.at)}
                  </time>
                </td>
                <td>{e.actorId ? e.actorName || people.get(e.actorId) || '—' : s.auditSystem}</td>
                <td>{actionLabel(e, s)}</td>
                <td className="audit-details">{auditDetails(e, ctx)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

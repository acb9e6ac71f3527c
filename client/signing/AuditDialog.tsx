import { useEffect, useState } from 'react';
import type { AuditView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import { getAudit } from '../api/audit';
import { actionLabel, auditDetails, peopleOf } from './auditDetails';
import { Dialog } from './Dialog';
import { Fingerprint } from './Fingerprint';
import { usePartyNames } from '../editor/usePartyNames';
import { NO_DOC, useSigning } from './SigningContext';
import { useDates, useT } from '../intl';
import { useLanguage } from '../language';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; audit: AuditView };

/** The audit log of the agreement: every step in order, and whether the hash chain holds. */
export function AuditDialog({ template, onClose }: { template: AgreementTemplate | undefined; onClose: () => void }) {
  const signing = useSigning();
  const t = useT();
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
    <Dialog title={t('audit.title')} onClose={onClose} wide testId="audit-dialog">
      <p className="muted small">{t('audit.intro')}</p>
      {load.state === 'loading' && <p className="muted">{t('audit.loading')}</p>}
      {load.state === 'failed' && <p className="error">{t('audit.failed')}</p>}
      {load.state === 'ready' && <AuditBody audit={load.audit} template={template} />}
    </Dialog>
  );
}

function AuditBody({ audit, template }: { audit: AuditView; template: AgreementTemplate | undefined }) {
  const signing = useSigning();
  const t = useT();
  const { lang } = useLanguage();
  const dates = useDates();
  const parties = usePartyNames(signing?.doc ?? NO_DOC);
  const { chain } = audit;
  const people = peopleOf(audit.entries);
  const ctx = { t, lang, template, parties, unnamedParty: t('party.unnamed'), people, date: (iso: string) => dates.dayTime(iso) };
  return (
    <>
      <div className={`chain-result ${chain.ok ? 'chain-ok' : 'chain-broken'}`} data-testid="audit-chain" data-ok={chain.ok} role="status">
        <strong>{chain.ok ? t('audit.chainOk', { n: chain.entries }) : t('audit.chainBroken', { seq: chain.brokenAt ?? 0 })}</strong>
        {chain.ok && chain.head && (
          <span className="small">
            {' '}
            {t('common.labelColon', { label: t('audit.chainHead') })} <Fingerprint hash={chain.head} short />
          </span>
        )}
      </div>
      <div className="audit-table-wrap">
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.entries.map((e) => (
              <tr
                key={e.seq}
                data-action={e.action}
                className={!chain.ok && chain.brokenAt !== undefined && e.seq >= chain.brokenAt ? 'audit-broken' : undefined}
              >
                <td className="num">{e.seq}</td>
                <td className="nowrap">
                  <time dateTime={e.at} title={e.at}>
                    {dates.dayTime(e.at, { month: '2-digit', seconds: true })}
                  </time>
                </td>
                <td>{e.actorId ? e.actorName || people.get(e.actorId) || '—' : t('audit.system')}</td>
                <td>{actionLabel(e, t)}</td>
                <td className="audit-details">{auditDetails(e, ctx)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

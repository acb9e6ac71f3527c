import { useEffect, useState, type ReactNode } from 'react';
import type { AuditView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import { getAudit } from '../api';
import { useI18n } from '../i18n';
import { partyLabel, sectionLabel } from './describe';
import { Dialog } from './Dialog';
import { Fingerprint } from './Fingerprint';
import { NO_DOC, usePartyNames, useSigning } from './SigningContext';
import { useSigningText, type SigningStrings } from './strings';

type Entry = AuditView['entries'][number];
type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; audit: AuditView };

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  const parties = usePartyNames(signing?.doc ?? NO_DOC);
  const { chain } = audit;
  // Names of participants, as the log itself recorded them (invitations and the creation).
  const people = new Map<string, string>();
  for (const e of audit.entries) {
    if (e.action === 'created' && e.actorId) people.set(e.actorId, e.actorName || str(e.details['owner']));
    if (e.action === 'invited') people.set(str(e.details['participantId']), str(e.details['name']));
  }
  const ctx = { s, lang, template, parties, unnamedParty: t.unnamedParty };
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
                <td>{s.actions[e.action] ?? e.action}</td>
                <td className="audit-details">{details(e, { ...ctx, people, date })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface DetailContext {
  s: SigningStrings;
  lang: 'fr' | 'en';
  template: AgreementTemplate | undefined;
  parties: ReadonlyMap<string, string>;
  unnamedParty: string;
  people: Map<string, string>;
  date: (iso: string) => string;
}

/** An entry's details in words: what was approved, signed, changed, and why. */
function details(e: Entry, ctx: DetailContext): ReactNode {
  const { s } = ctx;
  const d = e.details;
  const parts: [string, ReactNode][] = [];
  const party = (id: unknown): string => partyLabel(ctx, str(id));
  const role = (r: unknown): string => s.roles[str(r)] ?? str(r);
  const yesNo = (b: unknown): string => (b === true ? s.yes : s.no);
  const hash = (h: unknown): ReactNode => (str(h) ? <Fingerprint hash={str(h)} short /> : '');
  switch (e.action) {
    case 'created':
      parts.push([s.detail.title, str(d['title'])], [s.detail.owner, str(d['owner'])]);
      break;
    case 'invited':
      parts.push([s.detail.name, str(d['name'])], [s.detail.role, role(d['role'])], [s.detail.party, party(d['partyId'])], [s.detail.signatory, yesNo(d['signatory'])]);
      break;
    case 'role_changed': {
      parts.push([s.detail.name, ctx.people.get(str(d['participantId'])) ?? '—']);
      const from = isRecord(d['from']) ? d['from'] : {};
      const to = isRecord(d['to']) ? d['to'] : {};
      if (to['role'] !== undefined && to['role'] !== from['role']) parts.push([s.detail.role, `${role(from['role'])} → ${role(to['role'])}`]);
      if (to['signatory'] !== undefined && to['signatory'] !== from['signatory']) parts.push([s.detail.signatory, `${yesNo(from['signatory'])} → ${yesNo(to['signatory'])}`]);
      if (to['partyId'] !== undefined && to['partyId'] !== from['partyId']) parts.push([s.detail.party, `${party(from['partyId'])} → ${party(to['partyId'])}`]);
      break;
    }
    case 'revoked':
    case 'link_reissued':
      parts.push([s.detail.name, str(d['name'])]);
      break;
    case 'section_approved':
      parts.push([s.detail.section, sectionLabel(ctx, str(d['section']))], [s.detail.party, party(d['partyId'])]);
      break;
    case 'locked':
      parts.push([s.detail.version, str(d['version'])], [s.detail.hash, hash(d['hash'])]);
      break;
    case 'unlocked':
    case 'cancelled':
      parts.push([s.detail.version, str(d['version'])], [s.detail.reason, str(d['reason'])]);
      break;
    case 'signed':
      parts.push([s.detail.name, `${str(d['fullName'])}, ${str(d['title'])}`], [s.detail.party, party(d['partyId'])], [s.detail.version, str(d['version'])]);
      break;
    case 'completed':
      parts.push([s.detail.version, str(d['version'])], [s.detail.inForceFrom, ctx.date(str(d['inForceFrom']))]);
      break;
    case 'exported':
      parts.push([s.detail.format, str(d['format']).toUpperCase()], [s.detail.version, str(d['version'])]);
      break;
    default:
      for (const [k, v] of Object.entries(d)) parts.push([k, typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)]);
  }
  return (
    <ul className="detail-list">
      {parts
        .filter(([, v]) => v !== '')
        .map(([k, v], i) => (
          <li key={i}>
            <span className="muted">
              {k}
              {s.colon}
            </span>{' '}
            {v}
          </li>
        ))}
    </ul>
  );
}

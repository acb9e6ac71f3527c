import type { ReactNode } from 'react';
import type { AuditView } from '../../shared/api';
import { isMessageKey } from '../messages';
import type { Translate } from '../../shared/i18n/translate';
import type { AgreementTemplate } from '../../shared/template';
import { partyLabel, sectionLabel } from './describe';
import { Fingerprint } from './Fingerprint';
import { roleName } from '../intl';

type Entry = AuditView['entries'][number];

export interface DetailContext {
  t: Translate;
  lang: 'fr' | 'en';
  template: AgreementTemplate | undefined;
  parties: ReadonlyMap<string, string>;
  unnamedParty: string;
  /** Participant names by id, as the log itself recorded them. */
  people: ReadonlyMap<string, string>;
  date: (iso: string) => string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an entry's action is called. Review copies downloaded before they had
 * their own action were logged as 'exported' with `copy: 'review'`: the log
 * is append-only, so those old entries are named for what they were here.
 */
export function actionLabel(e: Entry, t: Translate): string {
  const action = e.action === 'exported' && e.details['copy'] === 'review' ? 'review_copy_downloaded' : e.action;
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : e.action;
}

/** Names of participants, as the log recorded them (the creation, invitations, cleared approvals). */
export function peopleOf(entries: readonly Entry[]): Map<string, string> {
  const people = new Map<string, string>();
  const note = (p: unknown): void => {
    if (isRecord(p) && str(p['id']) && str(p['name'])) people.set(str(p['id']), str(p['name']));
  };
  for (const e of entries) {
    if (e.action === 'created' && e.actorId) people.set(e.actorId, e.actorName || str(e.details['owner']));
    if (e.action === 'invited') people.set(str(e.details['participantId']), str(e.details['name']));
    if (e.action === 'approvals_cleared') {
      note(e.details['approvedBy']);
      if (Array.isArray(e.details['editedBy'])) e.details['editedBy'].forEach(note);
    }
  }
  return people;
}

/** An entry's details in words: what was approved, signed, changed, and why. */
export function auditDetails(e: Entry, ctx: DetailContext): ReactNode {
  const { t } = ctx;
  const d = e.details;
  const parts: [string, ReactNode][] = [];
  const party = (id: unknown): string => partyLabel(ctx, str(id));
  // Role names as the participants panel shows them (role.* in the catalogue).
  const role = (r: unknown): string => roleName(t, str(r));
  const yesNo = (b: unknown): string => (b === true ? t('common.yes') : t('common.no'));
  const hash = (h: unknown): ReactNode => (str(h) ? <Fingerprint hash={str(h)} short /> : '');
  const person = (p: unknown): string => (isRecord(p) ? str(p['name']) || ctx.people.get(str(p['id'])) || '—' : '');
  switch (e.action) {
    case 'created':
      parts.push([t('audit.detail.title'), str(d['title'])], [t('audit.detail.owner'), str(d['owner'])]);
      break;
    case 'invited':
      parts.push(
        [t('audit.detail.name'), str(d['name'])],
        [t('audit.detail.role'), role(d['role'])],
        [t('audit.detail.party'), party(d['partyId'])],
        [t('audit.detail.signatory'), yesNo(d['signatory'])],
      );
      break;
    case 'role_changed': {
      parts.push([t('audit.detail.name'), ctx.people.get(str(d['participantId'])) ?? '—']);
      const from = isRecord(d['from']) ? d['from'] : {};
      const to = isRecord(d['to']) ? d['to'] : {};
      if (to['role'] !== undefined && to['role'] !== from['role']) parts.push([t('audit.detail.role'), `${role(from['role'])} → ${role(to['role'])}`]);
      if (to['signatory'] !== undefined && to['signatory'] !== from['signatory'])
        parts.push([t('audit.detail.signatory'), `${yesNo(from['signatory'])} → ${yesNo(to['signatory'])}`]);
      if (to['partyId'] !== undefined && to['partyId'] !== from['partyId'])
        parts.push([t('audit.detail.party'), `${party(from['partyId'])} → ${party(to['partyId'])}`]);
      break;
    }
    case 'revoked':
    case 'link_reissued':
      parts.push([t('audit.detail.name'), str(d['name'])]);
      break;
    case 'party_added':
    case 'party_removed':
      parts.push([t('audit.detail.party'), str(d['legalName']) || party(d['partyId'])]);
      break;
    case 'section_approved':
      parts.push([t('audit.detail.section'), sectionLabel(ctx, str(d['section']))], [t('audit.detail.party'), party(d['partyId'])]);
      break;
    case 'approvals_cleared': {
      const editors = Array.isArray(d['editedBy']) ? d['editedBy'].map(person).filter(Boolean) : [];
      parts.push(
        [t('audit.detail.section'), sectionLabel(ctx, str(d['section']))],
        [t('audit.detail.party'), party(d['partyId'])],
        [t('audit.detail.approvedBy'), person(d['approvedBy'])],
        [t('audit.detail.editedBy'), editors.length > 0 ? editors.join(', ') : t('audit.system')],
      );
      break;
    }
    case 'locked':
      parts.push([t('audit.detail.version'), str(d['version'])], [t('audit.detail.hash'), hash(d['hash'])]);
      break;
    case 'unlocked':
    case 'cancelled':
      parts.push([t('audit.detail.version'), str(d['version'])], [t('audit.detail.reason'), str(d['reason'])]);
      break;
    case 'signed':
      parts.push(
        [t('audit.detail.name'), `${str(d['fullName'])}, ${str(d['title'])}`],
        [t('audit.detail.party'), party(d['partyId'])],
        [t('audit.detail.version'), str(d['version'])],
      );
      break;
    case 'completed':
      parts.push([t('audit.detail.version'), str(d['version'])], [t('audit.detail.inForceFrom'), ctx.date(str(d['inForceFrom']))]);
      break;
    case 'exported':
    case 'review_copy_downloaded':
      parts.push([t('audit.detail.format'), str(d['format']).toUpperCase()], [t('audit.detail.version'), str(d['version'])]);
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
            <span className="muted">{t('common.labelColon', { label: k })}</span> {v}
          </li>
        ))}
    </ul>
  );
}

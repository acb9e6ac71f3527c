import type { DashboardItem, DashboardStatus } from '../../shared/lifecycleSchemas';
import type { Db } from '../store/db';
import type { VersionStore } from '../store/versions';
import { nextDate } from './nextDate';
import type { AfterSigningService } from './service';
import type { LifecycleStore } from './store';

interface Row {
  id: string;
  participant_id: string;
  title: string;
  status: 'draft' | 'locked' | 'signed';
  updated_at: string;
  role: DashboardItem['role'];
  approvals: number;
  version_id: string | null;
  signatures: number;
  parties: string | null;
}

/**
 * "My agreements": every agreement of the given participants (one person's,
 * see server/notify/people.ts) in one query, so a thousand cost one pass:
 * status from the agreement, its approvals, its current version and its
 * signatures; the parties' names from the latest drafting version the
 * server kept (or the signed one). Signed agreements add their phase and
 * next date from the signed terms.
 */
export class Dashboard {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly d: { versions: VersionStore; service: AfterSigningService; store: LifecycleStore },
  ) {
    // The parties' legal names, as a JSON array, out of a canonical text: JSON functions are not portable.
    const partyNames =
      db.dialect === 'postgres'
        ? `(SELECT coalesce(json_agg(x.value->>'legalName' ORDER BY x.n), '[]')::text FROM jsonb_array_elements(latest.canonical::jsonb->'parties') WITH ORDINALITY AS x(value, n))`
        : `(SELECT json_group_array(json_extract(value, '$.legalName')) FROM json_each(latest.canonical, '$.parties'))`;
    this.stmt = db.prepare<[string], Row>(
      `WITH mine AS (SELECT p.id, p.agreement_id, p.role FROM participants p WHERE p.id IN (SELECT value FROM json_each(?)) AND p.revoked_at IS NULL),
       cur AS (SELECT v.agreement_id, v.id FROM versions v
               WHERE v.agreement_id IN (SELECT agreement_id FROM mine) AND v.status IN ('locked', 'signed')
                 AND v.number = (SELECT max(w.number) FROM versions w WHERE w.agreement_id = v.agreement_id AND w.status IN ('locked', 'signed'))),
       latest AS (SELECT h.agreement_id, h.canonical FROM history h
                  WHERE h.agreement_id IN (SELECT agreement_id FROM mine)
                    AND h.number = (SELECT max(g.number) FROM history g WHERE g.agreement_id = h.agreement_id))
       SELECT a.id, m.id AS participant_id, a.title, a.status, a.updated_at, m.role,
         (SELECT count(*) FROM approvals ap WHERE ap.agreement_id = a.id) AS approvals,
         cur.id AS version_id,
         (SELECT count(*) FROM signatures s WHERE s.version_id = cur.id) AS signatures,
         ${partyNames} AS parties
       FROM mine m JOIN agreements a ON a.id = m.agreement_id
       LEFT JOIN cur ON cur.agreement_id = a.id
       LEFT JOIN latest ON latest.agreement_id = a.id`,
    );
  }

  /** One row per agreement: of a person's several participants on one, the first in `participantIds` (who they are there). */
  list(participantIds: readonly string[]): DashboardItem[] {
    const today = this.d.service.today();
    const rank = new Map(participantIds.map((id, i) => [id, i]));
    const first = new Map<string, Row>();
    for (const r of this.stmt.all(JSON.stringify(participantIds))) {
      const kept = first.get(r.id);
      if (!kept || (rank.get(r.participant_id) ?? 0) < (rank.get(kept.participant_id) ?? 0)) first.set(r.id, r);
    }
    return [...first.values()].map((r) => {
      let status: DashboardStatus =
        r.status === 'draft' ? (r.approvals > 0 ? 'awaiting_approvals' : 'drafting') : r.signatures > 0 ? 'awaiting_signatures' : 'locked';
      let next: DashboardItem['next'] = null;
      let parties = r.parties ? (JSON.parse(r.parties) as unknown[]).filter((n): n is string => typeof n === 'string') : [];
      const version = r.status === 'signed' && r.version_id ? this.d.versions.get(r.version_id) : undefined;
      const state = version && this.d.service.stateOf(version, today);
      if (state) {
        status = state.phase;
        next = nextDate(state, today, this.d.store.reviewMeetings(r.id));
        parties = state.content.parties.map((p) => p.legalName);
      }
      return { id: r.id, title: r.title, status, role: r.role, parties, next, updatedAt: r.updated_at };
    });
  }
}

import { isWritableRoot } from '../../shared/schema';
import type { AgreementTemplate } from '../../shared/template';
import { analyseUpdate, type Analysis } from './encoded/analyse';
import type { DocState } from './encoded/docState';

/** `clients` (in the analysis): the client ids the update brings new items for (authorship binds and checks them, see authorship.ts). */
export type GuardResult = ({ ok: true } & Analysis) | { ok: false; reason: 'outside_schema' | 'missing_dependencies'; detail: string };

/**
 * Decides, before a client's update is taken in, whether it stays inside
 * the schema: every item it inserts must land under a top-level name that
 * clients may write (`isWritableRoot`), and it may delete nothing of the
 * party list, which only the server writes. Items the document already has
 * are skipped: honest clients resend what the server has, e.g. the whole
 * IndexedDB copy when it loads after the socket connected. Items the party
 * list already lost do not count either: every sync step 2 carries the
 * client's whole delete set, so a party the owner removed is "deleted" again
 * by every client that reconnects.
 */
export function checkUpdate(doc: DocState, update: Uint8Array, template: AgreementTemplate): GuardResult {
  const analysis = analyseUpdate(doc, update);
  if (!analysis.ok) return { ok: false, reason: 'missing_dependencies', detail: analysis.detail };
  const partyIds = doc.partyIds();
  for (const run of analysis.runs) {
    if (run.root !== null && !isWritableRoot(run.root, template, partyIds)) return { ok: false, reason: 'outside_schema', detail: `writes to "${run.root}"` };
  }
  if (doc.deletesParty(analysis.deletes)) return { ok: false, reason: 'outside_schema', detail: 'deletes from the party list' };
  return analysis;
}

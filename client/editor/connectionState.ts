import type { Translate } from '../../shared/i18n/translate';

/**
 * What the connection indicator shows. `state` is coarse (and is the
 * `data-state` of the indicator); `detail` refines it for the label.
 *
 * "Saved" means the server has answered a sync step 1 sent after our last
 * local change. The server handles a connection's messages in order, so its
 * answer proves it has received (and, per the sync server, stored) every
 * update we sent before the question.
 */
export type SyncState = 'connected' | 'reconnecting' | 'offline' | 'saved' | 'refused';
/**
 * `offline`: the browser says it has no network. `unreachable`: it has, but the
 * sync server has not answered for several attempts. Both have the coarse state
 * `offline`: edits stay on this device until the socket is back.
 */
export type SyncDetail = 'connecting' | 'connected' | 'saving' | 'saved' | 'reconnecting' | 'offline' | 'unreachable' | 'refused';

export interface SyncSnapshot {
  state: SyncState;
  detail: SyncDetail;
  /** Local changes the server has not confirmed yet. */
  pending: boolean;
  /** The close code of a final refusal (4400–4499), if any. */
  refusal: number | null;
}

/** Everything the indicator depends on, read from the browser, the provider and the monitor. */
export interface SyncInputs {
  /** `navigator.onLine`, kept current by the 'online'/'offline' events. */
  browserOnline: boolean;
  wsConnected: boolean;
  synced: boolean;
  /** Connection attempts that failed in a row (y-websocket's `wsUnsuccessfulReconnects`). */
  failedAttempts: number;
  everConnected: boolean;
  pending: boolean;
  refusal: number | null;
}

/** After this many failed attempts in a row with the network up, say the server cannot be reached. */
export const UNREACHABLE_AFTER_ATTEMPTS = 4;

/** What the indicator shows, from what is known. Pure, so every combination can be tested. */
export function deriveSyncState(i: SyncInputs): SyncSnapshot {
  const base = { pending: i.pending, refusal: i.refusal };
  if (i.refusal !== null) return { ...base, state: 'refused', detail: 'refused' };
  // Before the socket: a socket can stay open, unaware, through an outage (Chromium keeps it
  // open in emulated offline mode too), and the browser knows first.
  if (!i.browserOnline) return { ...base, state: 'offline', detail: 'offline' };
  if (i.wsConnected) {
    if (!i.synced) return { ...base, state: 'connected', detail: 'connected' };
    return i.pending ? { ...base, state: 'connected', detail: 'saving' } : { ...base, state: 'saved', detail: 'saved' };
  }
  if (i.failedAttempts >= UNREACHABLE_AFTER_ATTEMPTS) return { ...base, state: 'offline', detail: 'unreachable' };
  return { ...base, state: 'reconnecting', detail: i.everConnected ? 'reconnecting' : 'connecting' };
}

/** The indicator's words: a refusal gives its reason; both offline details add that edits are kept and will be sent. */
export function statusText(snap: SyncSnapshot, t: Translate, refusalReason: string | null): { label: string; note: string | null } {
  if (snap.state === 'refused') return { label: refusalReason ?? t('connection.refused'), note: null };
  const kept = snap.detail === 'offline' || snap.detail === 'unreachable';
  return { label: t(`connection.${snap.detail}`), note: kept ? t('connection.keptOnDevice') : null };
}

import { describe, expect, it } from 'vitest';
import { deriveSyncState, statusText, UNREACHABLE_AFTER_ATTEMPTS, type SyncInputs } from '../../client/editor/connectionState';
import { createIntl } from '@formatjs/intl';
import { LOCALES, MESSAGES } from '../../shared/i18n';
import { translator } from '../../shared/i18n/translate';
import type { Lang } from '../../shared/template';
import { CloseCode } from '../../shared/closeCodes';

const inputs = (over: Partial<SyncInputs> = {}): SyncInputs => ({
  browserOnline: true,
  wsConnected: true,
  synced: true,
  failedAttempts: 0,
  everConnected: true,
  pending: false,
  refusal: null,
  ...over,
});
const shown = (over: Partial<SyncInputs>): string => {
  const s = deriveSyncState(inputs(over));
  return `${s.state}/${s.detail}`;
};
/** The socket has been failing with the network up (the server is down or cut off). */
const serverDown = { wsConnected: false, synced: false, failedAttempts: UNREACHABLE_AFTER_ATTEMPTS };

describe('connection state', () => {
  it('saved, saving and connected while the socket is up', () => {
    expect(shown({})).toBe('saved/saved');
    expect(shown({ pending: true })).toBe('connected/saving');
    expect(shown({ synced: false })).toBe('connected/connected');
  });

  it('the browser being offline wins over a socket that still looks open', () => {
    expect(shown({ browserOnline: false })).toBe('offline/offline');
    expect(shown({ browserOnline: false, pending: true })).toBe('offline/offline');
    expect(shown({ browserOnline: false, ...serverDown })).toBe('offline/offline');
  });

  it('with the network up, a server that does not answer is unreachable, not offline', () => {
    expect(shown(serverDown)).toBe('offline/unreachable');
    expect(shown({ ...serverDown, pending: true })).toBe('offline/unreachable');
  });

  it('the first failed attempts are reconnecting (or connecting, before the first connection)', () => {
    const failing = { wsConnected: false, synced: false, failedAttempts: UNREACHABLE_AFTER_ATTEMPTS - 1 };
    expect(shown(failing)).toBe('reconnecting/reconnecting');
    expect(shown({ ...failing, everConnected: false })).toBe('reconnecting/connecting');
  });

  it('a refusal wins over everything, offline included', () => {
    expect(shown({ refusal: CloseCode.Revoked, browserOnline: false })).toBe('refused/refused');
    expect(deriveSyncState(inputs({ refusal: CloseCode.Revoked })).refusal).toBe(CloseCode.Revoked);
  });

  it('keeps the pending flag whatever it shows', () => {
    expect(deriveSyncState(inputs({ ...serverDown, pending: true })).pending).toBe(true);
    expect(deriveSyncState(inputs({ browserOnline: false })).pending).toBe(false);
  });
});

describe('connection status text', () => {
  const tr = (lang: Lang) => translator(createIntl({ locale: LOCALES[lang], messages: MESSAGES[lang] }));
  for (const lang of ['en', 'fr'] as const) {
    const t = tr(lang);
    it(`says which one it is and that edits are kept and will be sent (${lang})`, () => {
      const offline = statusText(deriveSyncState(inputs({ browserOnline: false })), t, null);
      const unreachable = statusText(deriveSyncState(inputs(serverDown)), t, null);
      expect(offline.label).not.toBe(unreachable.label);
      expect(offline.note).toBe(t('connection.keptOnDevice'));
      expect(unreachable.note).toBe(t('connection.keptOnDevice'));
      expect(offline.note).toMatch(lang === 'en' ? /kept on this device.*will be sent/ : /conservées sur cet appareil.*seront envoyées/);
    });
  }

  it('in English, offline and unreachable say what they mean', () => {
    const t = tr('en');
    expect(statusText(deriveSyncState(inputs({ browserOnline: false })), t, null).label).toBe('You are offline');
    expect(statusText(deriveSyncState(inputs(serverDown)), t, null).label).toBe('The server cannot be reached');
  });

  it('connected states carry no note; a refusal shows its reason', () => {
    const t = tr('en');
    expect(statusText(deriveSyncState(inputs({})), t, null)).toEqual({ label: 'All changes saved', note: null });
    expect(statusText(deriveSyncState(inputs({ refusal: CloseCode.Revoked })), t, 'Revoked.')).toEqual({ label: 'Revoked.', note: null });
    expect(statusText(deriveSyncState(inputs({ refusal: CloseCode.Revoked })), t, null).label).toBe('Disconnected');
  });
});

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { canonicalJson } from '../../shared/canonical';
import { readAgreement } from '../../shared/render';
import { getMeta } from '../../shared/schema';
import { loadTemplate } from '../editor/templates';
import type { SyncMonitor } from '../editor/syncMonitor';

/**
 * Whether the text on this page is exactly the locked version: the page
 * computes the version fingerprint the way the server does (SHA-256 of the
 * canonical JSON of the content) and compares. 'differs' means this device
 * holds changes the server refused (typed while the lock happened, or kept
 * offline): what is shown is not what is signed.
 */
export type VersionMatch = 'none' | 'checking' | 'match' | 'differs' | 'unavailable';

/** How long a difference must last, fully synced, before we say so (updates may still be arriving). */
const SETTLE_MS = 1500;

async function sha256Hex(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // Not a secure context: no Web Crypto.
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function localVersionHash(doc: Y.Doc): Promise<string | null> {
  const template = await loadTemplate(String(getMeta(doc).get('templateId') ?? ''));
  if (!template) return null;
  return sha256Hex(canonicalJson(readAgreement(doc, template)));
}

export function useVersionMatch(doc: Y.Doc, monitor: SyncMonitor, versionHash: string | null): VersionMatch {
  const [match, setMatch] = useState<VersionMatch>('none');
  useEffect(() => {
    if (!versionHash) {
      setMatch('none');
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let differingSince: number | null = null;
    const check = async (): Promise<void> => {
      const hash = await localVersionHash(doc).catch(() => null);
      if (!live) return;
      if (hash === null) return setMatch('unavailable');
      if (hash === versionHash) {
        differingSince = null;
        return setMatch('match');
      }
      // Synced with the server (local changes may be pending: the server refuses them while locked).
      const snap = monitor.getSnapshot();
      const synced = snap.state === 'saved' || snap.detail === 'saving';
      differingSince = synced ? (differingSince ?? Date.now()) : null;
      if (differingSince !== null && Date.now() - differingSince >= SETTLE_MS) return setMatch('differs');
      setMatch('checking');
      schedule(synced ? SETTLE_MS : 500);
    };
    const schedule = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void check(), ms);
    };
    const onUpdate = (): void => schedule(200);
    void check();
    doc.on('update', onUpdate);
    const unsubscribe = monitor.subscribe(() => schedule(100));
    return () => {
      live = false;
      clearTimeout(timer);
      doc.off('update', onUpdate);
      unsubscribe();
    };
  }, [doc, monitor, versionHash]);
  return match;
}

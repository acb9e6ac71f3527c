import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode } from '../../shared/closeCodes';

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
export type SyncDetail = 'connecting' | 'connected' | 'saving' | 'saved' | 'reconnecting' | 'offline' | 'refused';

export interface SyncSnapshot {
  state: SyncState;
  detail: SyncDetail;
  /** Local changes the server has not confirmed yet. */
  pending: boolean;
  /** The close code of a final refusal (4400–4499), if any. */
  refusal: number | null;
}

type SyncHandler = WebsocketProvider['messageHandlers'][number];

const PROBE_DELAY_MS = 150;
/** If the server never sends its own step 1, stop waiting for it after this. */
const SERVER_STEP1_GRACE_MS = 1000;
/** After this many failed attempts in a row, call it offline rather than reconnecting. */
const OFFLINE_AFTER_ATTEMPTS = 4;
/** A rate-limit refusal is final for y-websocket, but its reason says "in a moment": retry once calm. */
const RATE_LIMIT_RETRY_MS = 5000;

export class SyncMonitor {
  private localSeq = 0;
  private confirmedSeq = 0;
  /** localSeq at each outstanding probe, oldest first. */
  private probes: number[] = [];
  private handshakeDone = false;
  private serverStep1Seen = false;
  private everConnected = false;
  private refusal: number | null = null;
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<() => void>();
  private snapshot: SyncSnapshot;
  private readonly originalSyncHandler: SyncHandler | undefined;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly doc: Y.Doc,
  ) {
    this.snapshot = this.derive();
    this.originalSyncHandler = provider.messageHandlers[0];
    const original = this.originalSyncHandler;
    if (original) {
      provider.messageHandlers[0] = (encoder, decoder, p, emitSynced, type) => {
        // Peek at the sync sub-type (0 step 1, 1 step 2, 2 update): one byte, not consumed.
        const subType = decoder.arr[decoder.pos];
        original(encoder, decoder, p, emitSynced, type);
        if (emitSynced) this.onSyncMessage(subType);
      };
    }
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('closed', this.onClosed);
    provider.on('connection-close', this.update);
    doc.on('update', this.onDocUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  destroy(): void {
    clearTimeout(this.probeTimer);
    clearTimeout(this.graceTimer);
    clearTimeout(this.retryTimer);
    if (this.originalSyncHandler) this.provider.messageHandlers[0] = this.originalSyncHandler;
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('closed', this.onClosed);
    this.provider.off('connection-close', this.update);
    this.doc.off('update', this.onDocUpdate);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  private update = (): void => {
    const next = this.derive();
    const prev = this.snapshot;
    if (prev.state === next.state && prev.detail === next.detail && prev.pending === next.pending && prev.refusal === next.refusal) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  };

  private derive(): SyncSnapshot {
    const pending = this.localSeq > this.confirmedSeq;
    const p = this.provider;
    const base = { pending, refusal: this.refusal };
    if (this.refusal !== null) return { ...base, state: 'refused', detail: 'refused' };
    if (!this.online) return { ...base, state: 'offline', detail: 'offline' };
    if (p.wsconnected) {
      if (!p.synced) return { ...base, state: 'connected', detail: 'connected' };
      return pending ? { ...base, state: 'connected', detail: 'saving' } : { ...base, state: 'saved', detail: 'saved' };
    }
    if (p.wsUnsuccessfulReconnects >= OFFLINE_AFTER_ATTEMPTS) return { ...base, state: 'offline', detail: 'offline' };
    return { ...base, state: 'reconnecting', detail: this.everConnected ? 'reconnecting' : 'connecting' };
  }

  private onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (status === 'connected') this.everConnected = true;
    if (status !== 'connected') {
      this.probes = [];
      clearTimeout(this.graceTimer);
    }
    this.handshakeDone = false;
    this.serverStep1Seen = false;
    this.update();
  };

  private onSync = (synced: boolean): void => {
    if (synced) {
      clearTimeout(this.graceTimer);
      this.graceTimer = setTimeout(() => {
        this.serverStep1Seen = true;
        this.scheduleProbe();
      }, SERVER_STEP1_GRACE_MS);
      this.scheduleProbe();
    }
    this.update();
  };

  private onClosed = ({ code }: { code: number }): void => {
    this.refusal = code;
    if (code === CloseCode.RateLimited) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.refusal = null;
        this.provider.connect();
        this.update();
      }, RATE_LIMIT_RETRY_MS);
    }
    this.update();
  };

  private onOnline = (): void => {
    this.online = true;
    this.update();
  };

  private onOffline = (): void => {
    this.online = false;
    this.update();
  };

  private onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return;
    this.localSeq += 1;
    this.scheduleProbe();
    this.update();
  };

  private onSyncMessage(subType: number | undefined): void {
    if (subType === syncProtocol.messageYjsSyncStep1) {
      // Our step 2 answer (with any offline changes) is sent right after this handler.
      this.serverStep1Seen = true;
      this.scheduleProbe();
    } else if (subType === syncProtocol.messageYjsSyncStep2) {
      if (!this.handshakeDone) {
        this.handshakeDone = true;
      } else {
        const seq = this.probes.shift();
        if (seq !== undefined) this.confirmedSeq = Math.max(this.confirmedSeq, seq);
        this.scheduleProbe();
      }
      this.update();
    }
  }

  private scheduleProbe(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(this.probe, PROBE_DELAY_MS);
  }

  private probe = (): void => {
    const p = this.provider;
    const ws = p.ws;
    if (!ws || ws.readyState !== ws.OPEN || !p.wsconnected || !p.synced || !this.handshakeDone) return;
    if (!this.serverStep1Seen || this.probes.length > 0 || this.localSeq <= this.confirmedSeq) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    this.probes.push(this.localSeq);
  };
}

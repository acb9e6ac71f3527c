import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode } from '../../shared/closeCodes';
import { deriveSyncState, type SyncSnapshot } from './connectionState';

export type { SyncSnapshot } from './connectionState';

type SyncHandler = WebsocketProvider['messageHandlers'][number];

const PROBE_DELAY_MS = 150;
/** If the server never sends its own step 1, stop waiting for it after this. */
const SERVER_STEP1_GRACE_MS = 1000;
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
    const p = this.provider;
    return deriveSyncState({
      browserOnline: this.online,
      wsConnected: p.wsconnected,
      synced: p.synced,
      failedAttempts: p.wsUnsuccessfulReconnects,
      everConnected: this.everConnected,
      pending: this.localSeq > this.confirmedSeq,
      refusal: this.refusal,
    });
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
    // Back on the network: try now rather than at the end of y-websocket's backoff (up to 2.5 s).
    const p = this.provider;
    if (this.refusal === null && p.shouldConnect && p.ws === null) p.connect();
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
      // Our step 2 answer (with any offline changes) is sent right after this handler. The first
      // question after the handshake goes at once (on the next task, after that answer): what this
      // device had kept is then confirmed without the wait that gathers keystrokes into one probe.
      this.serverStep1Seen = true;
      this.scheduleProbe(0);
    } else if (subType === syncProtocol.messageYjsSyncStep2) {
      if (!this.handshakeDone) {
        this.handshakeDone = true;
        this.scheduleProbe(0);
      } else {
        const seq = this.probes.shift();
        if (seq !== undefined) this.confirmedSeq = Math.max(this.confirmedSeq, seq);
        this.scheduleProbe();
      }
      this.update();
    }
  }

  private scheduleProbe(delay = PROBE_DELAY_MS): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(this.probe, delay);
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

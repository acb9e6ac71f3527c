import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * The worker's code, as a CommonJS script (a `.ts` worker file would need a
 * loader that differs between `npm start`, vitest and the benchmark). It
 * applies the parts to a Y.Doc, which garbage-collects deleted content, and
 * encodes the result.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', ({ job, parts }) => {
  try {
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => { for (const part of parts) Y.applyUpdate(doc, part); });
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new Error('the state is incomplete');
    const state = Y.encodeStateAsUpdate(doc);
    const vector = Y.encodeStateVector(doc);
    doc.destroy();
    parentPort.postMessage({ job, state, vector }, [state.buffer, vector.buffer]);
  } catch (error) {
    parentPort.postMessage({ job, error: String(error) });
  }
});
`;

export interface Compacted {
  state: Uint8Array;
  vector: Uint8Array;
}

type Answer = { job: number; state: Uint8Array; vector: Uint8Array } | { job: number; error: string };

/**
 * Folds a document's encoded state and the updates since into one
 * garbage-collected state, in a worker thread: building a Y.Doc of a long
 * agreement holds a thread for tens of milliseconds, which on the event loop
 * would delay every client of every document. One worker per server, started
 * at the first compaction; if it dies, the next compaction starts another.
 */
export class Compactor {
  private worker: Worker | null = null;
  private nextJob = 1;
  private readonly waiting = new Map<number, { resolve: (c: Compacted) => void; reject: (e: Error) => void }>();

  run(parts: readonly Uint8Array[]): Promise<Compacted> {
    const worker = this.worker ?? this.start();
    const job = this.nextJob++;
    return new Promise<Compacted>((resolve, reject) => {
      this.waiting.set(job, { resolve, reject });
      worker.postMessage({ job, parts });
    });
  }

  /** Ends the worker; compactions under way are refused (the room's unload compacts on its own). */
  stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the compactor stopped'));
    void worker?.terminate();
  }

  private start(): Worker {
    const yjs = createRequire(import.meta.url).resolve('yjs');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const waiter = this.waiting.get(answer.job);
      this.waiting.delete(answer.job);
      if (!waiter) return;
      if ('error' in answer) waiter.reject(new Error(answer.error));
      else waiter.resolve({ state: answer.state, vector: answer.vector });
    });
    // Only the current worker's end fails what waits: after stop(), jobs belong to the next worker.
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(error);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('the compactor exited'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(error);
  }
}

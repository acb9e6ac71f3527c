/**
 * A forked load process (bench/load.ts) driven over IPC, and a way to await
 * its next answer of a given type.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { stopChild, track } from './children';
import { isFromLoad, type FromLoad, type ToLoad } from './ipc';
import { processTreeCpu } from './procstat';

const LOAD_SCRIPT = 'load.ts';
/** A forked load process and a way to await its next answer of a given type. */
export class LoadProcess {
  readonly child: ChildProcess;
  private waiters: Array<{ type: FromLoad['type']; resolve: (m: FromLoad) => void; reject: (e: Error) => void }> = [];
  private failure: Error | null = null;

  constructor(
    benchDir: string,
    repoRoot: string,
    readonly name: string,
  ) {
    this.child = track(
      fork(join(benchDir, LOAD_SCRIPT), [], {
        cwd: repoRoot,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    this.child.on('message', (msg: unknown) => {
      if (!isFromLoad(msg)) return;
      if (msg.type === 'error') {
        this.fail(new Error(`${this.name}: ${msg.message}`));
        return;
      }
      const i = this.waiters.findIndex((w) => w.type === msg.type);
      const waiter = i >= 0 ? this.waiters.splice(i, 1)[0] : undefined;
      waiter?.resolve(msg);
    });
    this.child.once('exit', (code, signal) => {
      this.fail(new Error(`${this.name} exited (code ${String(code)}, signal ${String(signal)})`));
    });
  }

  private fail(err: Error): void {
    if (!this.failure) this.failure = err;
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  send(msg: ToLoad): void {
    if (this.child.connected) this.child.send(msg);
  }

  next<T extends FromLoad['type']>(type: T, timeoutMs: number): Promise<Extract<FromLoad, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<FromLoad, { type: T }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  cpuSeconds(): number {
    const cpu = this.child.pid !== undefined ? processTreeCpu(this.child.pid) : null;
    return cpu ? cpu.user + cpu.system : 0;
  }

  async stop(): Promise<void> {
    this.send({ type: 'close' });
    await stopChild(this.child, 2000);
  }
}

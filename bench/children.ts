/**
 * Every child process the benchmark starts is registered here, so that it is
 * killed (by its own pid) when the benchmark exits, fails or is interrupted;
 * so are other clean-ups (temporary data directories).
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
const cleanups = new Set<() => void>();
let hooked = false;

function killAllNow(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort
    }
  }
  cleanups.clear();
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAllNow();
      process.exit(130);
    });
  }
}

export function track(child: ChildProcess): ChildProcess {
  hook();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Runs `cleanup` if the benchmark exits before `cancel` (the returned function) is called. */
export function atExit(cleanup: () => void): () => void {
  hook();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** SIGTERM, then SIGKILL if the child has not exited after graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    live.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  live.delete(child);
}

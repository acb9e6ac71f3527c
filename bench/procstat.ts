/**
 * CPU time and memory of a process (and its descendants) read from /proc.
 * utime+stime in /proc/<pid>/stat cover every thread of the process (event
 * loop, GC and libuv threads alike); cutime+cstime add children it reaped.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function clockTicksPerSecond(): number {
  try {
    const n = Number.parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim(), 10);
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

export const CLK_TCK = clockTicksPerSecond();

interface StatFields {
  ppid: number;
  /** utime + cutime (own and reaped children's user time), in ticks. */
  userTicks: number;
  /** stime + cstime, in ticks. */
  systemTicks: number;
}

function readStat(pid: number): StatFields | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): field n is rest[n - 3].
  const num = (field: number): number => Number.parseInt(rest[field - 3] ?? '0', 10);
  return { ppid: num(4), userTicks: num(14) + num(16), systemTicks: num(15) + num(17) };
}

/** Live descendants of pid (children, grandchildren, ...). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const st = readStat(pid);
    if (st) parentOf.set(pid, st.ppid);
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(pid);
        frontier.push(pid);
      }
    }
  }
  return found;
}

export interface CpuTime {
  /** Seconds in user mode (JavaScript, V8, GC, libraries). */
  user: number;
  /** Seconds in the kernel on behalf of the process (socket and file syscalls). */
  system: number;
}

/** CPU time used so far by pid and its descendants, or null if pid is gone. */
export function processTreeCpu(pid: number): CpuTime | null {
  const root = readStat(pid);
  if (!root) return null;
  let user = root.userTicks;
  let system = root.systemTicks;
  for (const child of descendants(pid)) {
    const st = readStat(child);
    if (!st) continue;
    user += st.userTicks;
    system += st.systemTicks;
  }
  return { user: user / CLK_TCK, system: system / CLK_TCK };
}

export interface MemoryInfo {
  rssMb: number;
  peakRssMb: number;
}

export function processMemory(pid: number): MemoryInfo | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (key: string): number => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
    return m?.[1] ? Number.parseInt(m[1], 10) : 0;
  };
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** CPU seconds the whole machine has been busy (all cores: user, nice, system, irq, softirq), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu  user nice system idle iowait irq softirq steal ...
  const f = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map((v) => Number.parseInt(v, 10) || 0);
  return ((f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0)) / CLK_TCK;
}

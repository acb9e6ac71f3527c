/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): where the self time went,
 * by package / area and by function. Used by `npm run bench -- --profile DIR`,
 * or directly: tsx bench/profile-summary.ts FILE.cpuprofile...
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function isProfile(v: unknown): v is CpuProfile {
  return (
    typeof v === 'object' &&
    v !== null &&
    'nodes' in v &&
    'samples' in v &&
    'timeDeltas' in v &&
    Array.isArray(v.nodes) &&
    Array.isArray(v.samples) &&
    Array.isArray(v.timeDeltas)
  );
}

/** Package or area a frame belongs to. */
function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url);
  }
  const m = /\/(server|shared|bench)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const m = /\/((?:server|shared|bench)\/.*)$/.exec(url);
  return m?.[1] ?? url.replace(/^file:\/\//, '');
}

/**
 * `window`: [start, end] in µs of CLOCK_MONOTONIC (process.hrtime), the clock
 * V8 stamps samples with; only samples inside it are counted.
 */
export function summarizeProfile(path: string, window: [number, number] | null = null, top = 15): string[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isProfile(parsed)) throw new Error(`${path} is not a V8 CPU profile`);
  const byId = new Map<number, ProfileNode>(parsed.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let t = parsed.startTime;
  parsed.samples.forEach((id, i) => {
    const delta = parsed.timeDeltas[i] ?? 0;
    t += delta;
    if (window && (t < window[0] || t > window[1])) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += us;
    const area = areaOf(node.callFrame);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'}${f.url ? `  ${shortUrl(f.url)}:${f.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const pct = (us: number): string => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
  const span = window ? 'in the measured window' : 'over the whole process lifetime';
  const lines = [`${path}: ${(busy / 1e6).toFixed(2)} s sampled on the main thread ${span}, idle excluded`, '  by area:'];
  for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(us)}  ${area}`);
  lines.push('  by function (self time):');
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(us)}  ${fn}`);
  return lines;
}

/** The main thread's profile in a --cpu-prof directory: the largest file (the others are helper threads). */
export function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`);
  return largest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of process.argv.slice(2)) console.log(summarizeProfile(file).join('\n'));
}

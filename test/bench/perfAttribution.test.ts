import { describe, expect, it } from 'vitest';
import { attribute } from '../../bench/perfAttribution';

/** One `perf script` sample: header, then the call chain innermost first. */
const sample = (tid: number, frames: string[], periodNs = 1_001_001): string =>
  [`node  ${tid} 35045.391222:    ${periodNs} cpu-clock: `, ...frames.map((f) => `\t    7ff684261 ${f}`), ''].join('\n');

const msOf = (script: string, name: string): number => attribute(script, new Set([100])).categories.find((c) => c.name === name)?.ms ?? NaN;

describe('perf attribution of a server (bench --perf)', () => {
  const write = sample(100, [
    'tcp_sendmsg+0x2b ([kernel.kallsyms])',
    'ksys_write+0x73 ([kernel.kallsyms])',
    'node::StreamBase::WriteBuffer+0x1 (/usr/bin/node)',
    'JS:*broadcast file:///repo/server/sync/room.ts:1:4383+0x191a (/tmp/perf-100.map)',
  ]);
  const commit = sample(100, [
    'ext4_buffered_write_iter+0x1 ([kernel.kallsyms])',
    '__x64_sys_pwrite64+0x9 ([kernel.kallsyms])',
    'sqlite3WalFrames+0x1 (/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node)',
    'JS:*appendMany file:///repo/server/store/docs.ts:1:1650+0x5b4 (/tmp/perf-100.map)',
    'JS:*broadcast file:///repo/server/sync/room.ts:1:4383+0x191a (/tmp/perf-100.map)',
  ]);
  const guard = sample(100, [
    'Builtins_LoadIC+0x1 (/usr/bin/node)',
    'JS:*analyseUpdate file:///repo/server/sync/encoded/analyse.ts:1:159+0xd33 (/tmp/perf-100.map)',
    'JS:*onMessage file:///repo/server/sync/connection.ts:1:2287+0xc62 (/tmp/perf-100.map)',
    'JS:*dataMessage /repo/node_modules/ws/lib/receiver.js:585:14+0x275 (/tmp/perf-100.map)',
  ]);
  // A room taking an update in runs inside the websocket receiver, itself a Writable stream.
  const takeIn = sample(100, [
    'Builtins_FindOrderedHashMapEntry+0x1 (/usr/bin/node)',
    'JS:*takeIn file:///repo/server/sync/room.ts:1:2548+0x10c4 (/tmp/perf-100.map)',
    'JS:*dataMessage /repo/node_modules/ws/lib/receiver.js:585:14+0x275 (/tmp/perf-100.map)',
    'JS:*writeOrBuffer node:internal/streams/writable:548:23+0x4b6 (/tmp/perf-100.map)',
    'JS:*onStreamRead node:internal/stream_base_commons:168:22+0x4a9 (/tmp/perf-100.map)',
  ]);
  const compaction = sample(101, ['JS:^integrateStructs /repo/node_modules/yjs/dist/yjs.cjs:1533:26+0x1 (/tmp/perf-100.map)']);
  const gc = sample(102, ['v8::internal::ConcurrentMarking::RunMajor+0x1 (/usr/bin/node)'], 2_000_000);

  it('counts each sample once: time in writes, commits and the guard apart', () => {
    const script = [write, write, commit, guard].join('\n');
    expect(msOf(script, 'socket writes (kernel and node)')).toBeCloseTo(2.002, 3);
    // The commit ran inside broadcast's caller, but its innermost named frame is storage's.
    expect(msOf(script, 'storage (SQLite, its file I/O)')).toBeCloseTo(1.001, 3);
    // The guard runs inside the websocket's message handler: it is not counted as reading.
    expect(msOf(script, 'schema guard (update analysis)')).toBeCloseTo(1.001, 3);
    expect(msOf(script, 'reading sockets, websocket frames')).toBe(0);
  });

  it('counts a sample under its innermost frame that names a category, not an outer one', () => {
    const script = [takeIn, guard].join('\n');
    expect(msOf(script, "the server's own code (rooms, authorship, connections)")).toBeCloseTo(1.001, 3);
    expect(msOf(script, 'socket write machinery (node streams, JS)')).toBe(0);
    expect(msOf(script, 'reading sockets, websocket frames')).toBe(0);
  });

  it("sorts other threads' samples apart from the main thread's, by what they ran", () => {
    const result = attribute([write, compaction, gc, sample(103, ['start_thread+0x1 (libc.so.6)'])].join('\n'), new Set([100]));
    const ms = Object.fromEntries(result.categories.map((c) => [c.name, c.ms]));
    expect(ms['compaction, other threads (Yjs)']).toBeCloseTo(1.001, 3);
    expect(ms['garbage collection, other threads']).toBeCloseTo(2, 3);
    expect(ms['other threads']).toBeCloseTo(1.001, 3);
    expect(result.totalMs).toBeCloseTo(1.001 * 3 + 2, 3);
  });

  it('ignores lines that are not samples of cpu-clock', () => {
    expect(attribute('garbage\n\n\tframe without header\n', new Set([100])).totalMs).toBe(0);
  });
});

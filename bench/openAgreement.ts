/**
 * The cold-open benchmarks' steps on a running server: storing the typed
 * agreement through a client, and one timed join checked to have received
 * all of it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { typeAgreement, typedCharacters } from './agreement';
import { join, type Joined } from './join';
import type { RunningServer } from './servers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The provider's server URL and room for one document on one instance of `server`. */
function whereIs(server: RunningServer, id: string, instance: number): { base: string; room: string; params: Record<string, string> } {
  const url = server.syncUrl(id, instance);
  const token = server.tokenOf(id);
  return { base: url.slice(0, url.lastIndexOf('/')), room: url.slice(url.lastIndexOf('/') + 1).split('?')[0] ?? '', params: token ? { token } : {} };
}

/** Joins (on `instance`), checks the whole agreement arrived, and returns the join. */
export async function timedJoin(server: RunningServer, id: string, characters: number, instance = 0): Promise<Joined> {
  // The documents of earlier joins are garbage: collected now, not during this join's apply.
  gc();
  const { base, room, params } = whereIs(server, id, instance);
  const joined = await join(base, room, params);
  const got = typedCharacters(joined.doc);
  if (got !== characters) throw new Error(`${server.kind}: synced ${got} characters, expected ${characters}`);
  return joined;
}

/** The 50-page agreement typed into a new document of `server`, as its owner's client would, and stored. */
export interface TypedAgreement {
  id: string;
  token: string;
  typed: ReturnType<typeof typeAgreement>;
  /** The whole document: the new agreement's content with the typing on top. */
  full: Uint8Array;
  characters: number;
}

export async function typeNewAgreement(server: RunningServer, tag: string): Promise<TypedAgreement> {
  const [id] = await server.createDocuments(1, tag);
  const token = id === undefined ? null : server.tokenOf(id);
  if (id === undefined || token === null) throw new Error('no agreement created');
  const created = await join(server.syncUrl(id).replace(/\/[^/]*$/, ''), id, { token });
  const baseState = Y.encodeStateAsUpdate(created.doc);
  created.close();
  const typed = typeAgreement(baseState);
  const full = Y.mergeUpdates([baseState, typed.update]);
  const characters = typedCharacters(full);
  (await seed(server, id, typed.update, characters)).close();
  return { id, token, typed, full, characters };
}

/** Stores the typed agreement on `server` through a client, as typing would, and waits until a new client gets all of it. */
export async function seed(server: RunningServer, id: string, agreement: Uint8Array, characters: number): Promise<Joined> {
  const { base, room, params } = whereIs(server, id, 0);
  const writer = await join(base, room, params);
  Y.applyUpdate(writer.doc, agreement);
  for (let i = 0; i < 100; i++) {
    const check = await join(base, room, params);
    const got = typedCharacters(check.doc);
    check.close();
    if (got === characters) return writer;
    await sleep(200);
  }
  throw new Error(`${server.kind} did not get the whole agreement`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import { fragmentName } from '../../../shared/schema';
import type { StartOptions } from '../../../server/start';
import { connect, startTestServer, useCleanup, type Client, type TestServer } from '../harness';
import { freshDatabase, TEST_REDIS_URL, type FreshDatabase } from '../pgTestDb';

/** What the cluster tests type into and read back: the purpose section. */
export const purpose = fragmentName('purpose');
export const textOf = (doc: Y.Doc, fragment = purpose): string => doc.getXmlFragment(fragment).toString();

/** A paragraph of `text` at the end of `fragment`, as the editor writes one. */
export function typeLine(doc: Y.Doc, text: string, fragment = purpose): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(fragment).push([p]);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface TwoInstances {
  db: FreshDatabase;
  one: TestServer;
  two: TestServer;
  /** A client of `server`, closed after the test. */
  open(server: TestServer, id: string, token: string): Client;
}

/**
 * Two in-process instances on one fresh PostgreSQL schema and, unless
 * `redis: false`, the shared Redis: started before the file's first test,
 * stopped (and the schema dropped) after its last. Call inside a
 * `describe.skipIf(!TEST_DATABASE_URL …)`.
 */
export function useTwoInstances(options: Partial<StartOptions> & { redis?: boolean } = {}): TwoInstances {
  const { redis = true, ...start } = options;
  const cleanup = useCleanup();
  let running: Omit<TwoInstances, 'open'> | undefined;
  beforeAll(async () => {
    const db = await freshDatabase();
    const config = { databaseUrl: db.url, redisUrl: redis ? TEST_REDIS_URL : undefined, ...start };
    const [one, two] = await Promise.all([startTestServer(config), startTestServer(config)]);
    running = { db, one, two };
  });
  afterAll(async () => {
    await Promise.all([running?.one.dispose(), running?.two.dispose()]);
    await running?.db.drop();
  });
  const get = (): Omit<TwoInstances, 'open'> => {
    if (!running) throw new Error('the instances start in beforeAll: use them inside a test');
    return running;
  };
  return {
    get db() {
      return get().db;
    },
    get one() {
      return get().one;
    },
    get two() {
      return get().two;
    },
    open(server, id, token) {
      const c = connect(server.wsUrl, id, token);
      cleanup.push(() => c.destroy());
      return c;
    },
  };
}

import { z } from 'zod/mini';

/**
 * What the REST API answers and the event stream carries, as zod schemas,
 * one file per resource in shared/schemas/ (this one holds what they share).
 * The response types in shared/api.ts are `z.infer` of these, so the types
 * the server builds and the checks the client runs (client/api/,
 * client/events.ts) cannot drift apart. Objects strip keys they do not
 * name: test/shared/responseSchemas.test.ts parses every route's real answer
 * and checks nothing was dropped.
 *
 * Written with zod/mini, whose schemas are plain functions a bundler leaves
 * out when unused, because the client checks every answer with them: classic
 * zod's schemas carry every method (and JSON Schema output), about 20 kB gzip
 * more on each page that loads the data layer. They are zod schemas all the
 * same: the server's classic request schemas embed them (AnchorSchema in
 * shared/api.ts) and everything parses them alike. Request schemas stay in
 * classic zod (shared/api.ts and the like), which only the server loads.
 *
 * One file per resource because a schema is built when its module is
 * evaluated and the bundler keeps a module whole in one chunk: a page loads
 * (and builds) only the schemas of the answers it fetches, so no file here
 * re-exports the others.
 */

/** ISO 8601 timestamps as the server writes them; kept as strings. */
export const at = z.string();

/** Both directions assignable: the schema and a hand-written interface describe the same shape. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;

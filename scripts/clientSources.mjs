// What the client build is made from: `npm start` (scripts/start.mjs) and the browser tests
// (test/browser/browserHarness.ts) build dist/client again when any of it is newer than the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CLIENT_SOURCES = ['client', 'shared', 'tools/vite', 'vite.config.ts'];

/** The newest modification time (ms) of a file or folder under `path`, the folder's own included (a deleted file changes it). */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether the build whose index.html is `builtIndex` is missing or older than the sources under `root`. */
export function clientBuildIsStale(root, builtIndex) {
  if (!existsSync(builtIndex)) return true;
  const sources = CLIENT_SOURCES.map((p) => join(root, p)).filter((p) => existsSync(p));
  return statSync(builtIndex).mtimeMs < Math.max(...sources.map(newestMtime));
}

/**
 * The Entente server exactly as server/index.ts starts it (the same startOptions), with one
 * difference: documents unload after the idle time given as the first
 * argument (ms) instead of 30 s, so the cold-open benchmark can measure an
 * open after the idle unload without waiting half a minute each time.
 */
import { loadConfig } from '../server/config';
import { startServer } from '../server/start';
import { startOptions } from '../server/startOptions';

const idleMs = Number(process.argv[2]);
if (!Number.isInteger(idleMs) || idleMs < 1) throw new Error(`usage: entente-idle.ts <idle ms>, got "${process.argv[2] ?? ''}"`);
const config = loadConfig();
const server = await startServer({ ...startOptions(config), idleMs });
console.log(`Entente listening on ${server.url}  (data in ${config.DATABASE_URL ? 'PostgreSQL' : config.DATA_DIR}, idle unload after ${idleMs} ms)`);
const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

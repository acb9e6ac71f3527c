import { loadConfig } from './config';
import { startServer } from './start';
import { startOptions } from './startOptions';

/** Process start-up: configuration from the environment, graceful stop on signals. */
const config = loadConfig();
const server = await startServer(startOptions(config));
if (!(config.SMTP_URL && config.MAIL_FROM && config.PUBLIC_URL))
  console.log('E-mail is off (set SMTP_URL, MAIL_FROM and PUBLIC_URL to send it): notifications show in the app.');
console.log(`Entente listening on ${server.url}  (data in ${config.DATABASE_URL ? 'PostgreSQL' : config.DATA_DIR})`);
if (server.bouncePort !== undefined) console.log(`Bounces for ${config.BOUNCE_ADDRESS} received over SMTP on port ${server.bouncePort}`);

const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

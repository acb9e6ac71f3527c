import type { Config } from './config';
import type { StartOptions } from './start';

/** What the environment's configuration asks of the server (`npm start`, and the benchmark's variant of it). */
export function startOptions(config: Config): StartOptions {
  return {
    port: config.PORT,
    host: config.HOST,
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    durability: config.DURABILITY,
    clientDir: config.CLIENT_DIR,
    publicUrl: config.PUBLIC_URL,
    trustProxy: config.TRUST_PROXY,
    mail:
      config.SMTP_URL && config.MAIL_FROM
        ? {
            smtpUrl: config.SMTP_URL,
            from: config.MAIL_FROM,
            bounceAddress: config.BOUNCE_ADDRESS,
            bounceSmtp: config.BOUNCE_SMTP_PORT === undefined ? undefined : { port: config.BOUNCE_SMTP_PORT, host: config.BOUNCE_SMTP_HOST ?? config.HOST },
          }
        : undefined,
  };
}

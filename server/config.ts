import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** `full` adds an fsync per commit: survives power loss, not only a crash. */
  DURABILITY: z.enum(['normal', 'full']).default('normal'),
  CLIENT_DIR: z.string().default('dist/client'),
  /** PostgreSQL instead of the SQLite file in DATA_DIR: every store, shared by every instance started with it. */
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// URL, e.g. postgres://entente:secret@db.example.org/entente' }).optional(),
  ),
  /** Several instances: cross-instance delivery over Redis (updates, presence, events, locks). Needs DATABASE_URL, the store they share. */
  REDIS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL, e.g. redis://redis.example.org:6379' }).optional(),
  ),
  /**
   * The address people open, when it differs from what reaches this process
   * (an HTTPS proxy): pages from its origin may open websockets.
   */
  PUBLIC_URL: z.preprocess(
    (v) => (v === '' ? undefined : v), // `PUBLIC_URL=` in an env file means unset
    z.url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://entente.example.org' }).optional(),
  ),
  /**
   * Behind load balancers or proxies: how many are in front, each appending to
   * X-Forwarded-For the address it got the request from (server/clientAddress.ts).
   * Unset or 0: the socket's address, and the header is ignored.
   */
  TRUST_PROXY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number({ error: 'the number of proxies in front, e.g. 1 behind one load balancer' }).int().min(0).max(20).optional(),
  ),
  /** E-mail (with MAIL_FROM and PUBLIC_URL): `smtp://user:pass@host:587` or `smtps://…:465`. */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional()),
  MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).optional()),
  /** Bounces: each message's envelope sender becomes `bounces+<id>@domain` under this address (VERP). */
  BOUNCE_ADDRESS: z.preprocess((v) => (v === '' ? undefined : v), z.email({ error: 'an e-mail address, e.g. bounces@example.org' }).optional()),
  /** Receives those bounces over SMTP on this port (needs BOUNCE_ADDRESS), on BOUNCE_SMTP_HOST or else HOST. */
  BOUNCE_SMTP_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  BOUNCE_SMTP_HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
});

export type Config = z.output<typeof EnvSchema>;

/** Reads the configuration from the environment; throws a readable error if invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.REDIS_URL !== undefined && parsed.data.DATABASE_URL === undefined)
    throw new Error('Invalid configuration: REDIS_URL: needs DATABASE_URL (instances share their documents through PostgreSQL)');
  if (parsed.data.BOUNCE_SMTP_PORT !== undefined && parsed.data.BOUNCE_ADDRESS === undefined)
    throw new Error('Invalid configuration: BOUNCE_SMTP_PORT: needs BOUNCE_ADDRESS (the addresses it takes bounces for)');
  return parsed.data;
}

import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** `full` adds an fsync per commit: survives power loss, not only a crash. */
  DURABILITY: z.enum(['normal', 'full']).default('normal'),
  CLIENT_DIR: z.string().default('dist/client'),
  /**
   * The address people open, when it differs from what reaches this process
   * (an HTTPS proxy): pages from its origin may open websockets.
   */
  PUBLIC_URL: z.preprocess(
    (v) => (v === '' ? undefined : v), // `PUBLIC_URL=` in an env file means unset
    z.url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://entente.example.org' }).optional(),
  ),
  /** E-mail (with MAIL_FROM and PUBLIC_URL): `smtp://user:pass@host:587` or `smtps://…:465`. */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional()),
  MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).optional()),
});

export type Config = z.output<typeof EnvSchema>;

/** Reads the configuration from the environment; throws a readable error if invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

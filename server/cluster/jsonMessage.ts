import type { z } from 'zod';

/**
 * A JSON message from another instance, checked by `schema`: anything else
 * (another version's message, garbage on the channel) is logged and ignored.
 */
export function readJsonMessage<T>(schema: z.ZodType<T>, bytes: Buffer, what: string, log: (message: string) => void): T | null {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    log(`redis: an unreadable ${what} message was ignored`);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  log(`redis: a ${what} message was ignored: ${parsed.error.message.slice(0, 200)}`);
  return null;
}

/** The bytes of a JSON message to publish. */
export const jsonMessage = (message: unknown): Buffer => Buffer.from(JSON.stringify(message));

import { z } from 'zod/mini';
import type { AgreementEvent } from '../events';
import { NotificationViewSchema } from '../notifyViews';
import type { Assert, Same } from './common';
import { AuthorListSchema } from './authors';
import { PartyListSchema } from './parties';
import { ThreadViewSchema } from './threads';

/** A signal without content: whatever `data` holds is not read. */
const signal = z.pipe(
  z.unknown(),
  z.transform((): Record<string, never> => ({})),
);

/**
 * One server-sent event as the client receives it (shared/events.ts), its
 * payload checked: `{ type: <event name>, data: <parsed JSON> }`.
 */
export const AgreementEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), data: signal }),
  z.object({ type: z.literal('thread'), data: ThreadViewSchema }),
  z.object({ type: z.literal('participants'), data: signal }),
  z.object({ type: z.literal('parties'), data: PartyListSchema }),
  z.object({ type: z.literal('status'), data: signal }),
  z.object({ type: z.literal('authors'), data: AuthorListSchema }),
  z.object({ type: z.literal('history'), data: signal }),
  z.object({ type: z.literal('notification'), data: NotificationViewSchema }),
  z.object({ type: z.literal('ping'), data: signal }),
]);
export type EventSchemaMatches = Assert<Same<z.output<typeof AgreementEventSchema>, AgreementEvent>>;

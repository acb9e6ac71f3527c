import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { EventName, EventPayloads } from '../../shared/events';
import { authorize } from '../auth/policy';
import type { EventHub } from '../events/hub';
import type { AuthEnv } from './access';

const KEEPALIVE_MS = 25_000;

/** Every event on the stream goes through here, typed by shared/events.ts like the client reads it. */
const write = <K extends EventName>(stream: SSEStreamingApi, event: K, data: EventPayloads[K]): Promise<void> =>
  stream.writeSSE({ event, data: JSON.stringify(data) });

/** GET /api/agreements/:id/events: a server-sent event stream of what changes for this participant. */
export function eventRoutes(hub: EventHub): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/events', (c) => {
    authorize(c.var.participant, 'read');
    const participantId = c.var.participant.id;
    const agreementId = c.var.agreementId;
    return streamSSE(c, async (stream) => {
      let open = true;
      const unsubscribe = hub.subscribe(agreementId, {
        participantId,
        send: (event, data) => void write(stream, event, data).catch(() => undefined),
        close: () => {
          open = false;
          void stream.close();
        },
      });
      stream.onAbort(() => {
        open = false;
        unsubscribe();
      });
      await write(stream, 'ready', {});
      while (open && !stream.aborted && !stream.closed) {
        await stream.sleep(KEEPALIVE_MS);
        if (open && !stream.closed) await write(stream, 'ping', {});
      }
      unsubscribe();
    });
  });
}

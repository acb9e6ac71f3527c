import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventHub } from '../events/hub';
import type { AuthEnv } from './access';

const KEEPALIVE_MS = 25_000;

/** GET /api/agreements/:id/events: a server-sent event stream of what changes for this participant. */
export function eventRoutes(hub: EventHub): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/events', (c) => {
    const participantId = c.var.participant.id;
    const agreementId = c.var.agreementId;
    return streamSSE(c, async (stream) => {
      let open = true;
      const unsubscribe = hub.subscribe(agreementId, {
        participantId,
        send: (event, data) => void stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => undefined),
        close: () => {
          open = false;
          void stream.close();
        },
      });
      stream.onAbort(() => {
        open = false;
        unsubscribe();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (open && !stream.aborted && !stream.closed) {
        await stream.sleep(KEEPALIVE_MS);
        if (open && !stream.closed) await stream.writeSSE({ event: 'ping', data: '{}' });
      }
      unsubscribe();
    });
  });
}

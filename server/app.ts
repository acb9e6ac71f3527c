import { Hono } from 'hono';
import type { ApiError } from '../shared/api';
import type { Authenticator } from './auth/sessions';
import { toErrorResponse } from './errors';
import { requireParticipant } from './routes/access';
import { agreementRoutes } from './routes/agreements';
import { joinRoutes } from './routes/join';
import { participantRoutes } from './routes/participants';
import { threadRoutes } from './routes/threads';
import { eventRoutes } from './routes/events';
import type { CommentService } from './comments/service';
import type { EventHub } from './events/hub';
import { templateRoutes } from './routes/templates';
import type { AgreementService } from './services/agreements';
import type { ParticipantService } from './services/participants';
import type { AgreementStore } from './store/agreements';
import { serveClient } from './static';

export interface AppDeps {
  agreements: AgreementService;
  participants: ParticipantService;
  comments: CommentService;
  hub: EventHub;
  auth: Authenticator;
  agreementStore: AgreementStore;
  /** Built client to serve (dist/client); omitted in API-only tests. */
  clientDir?: string;
  log: (message: string) => void;
}

/** The HTTP application: REST under /api, personal links under /join, the client everywhere else. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.route('/api/agreements', agreementRoutes(deps.agreements, deps.auth, deps.agreementStore));
  app.use('/api/agreements/:id/*', requireParticipant(deps.auth, deps.agreementStore));
  app.route('/api/agreements/:id', participantRoutes(deps.participants));
  app.route('/api/agreements/:id', threadRoutes(deps.comments));
  app.route('/api/agreements/:id', eventRoutes(deps.hub));
  app.route('/api/templates', templateRoutes());
  app.all('/api/*', (c) => c.json<ApiError>({ error: 'not_found', message: `No route ${c.req.method} ${c.req.path}` }, 404));
  app.route('/join', joinRoutes(deps.auth));
  if (deps.clientDir) app.route('/', serveClient(deps.clientDir));
  app.notFound((c) => c.json<ApiError>({ error: 'not_found', message: `Nothing at ${c.req.path}` }, 404));
  app.onError((err, c) => toErrorResponse(err, c, deps.log));
  return app;
}

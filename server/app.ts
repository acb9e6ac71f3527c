import { Hono } from 'hono';
import type { ApiError } from '../shared/api';
import { toErrorResponse } from './errors';
import { agreementRoutes } from './routes/agreements';
import { templateRoutes } from './routes/templates';
import { serveClient } from './static';
import type { AgreementService } from './services/agreements';

export interface AppDeps {
  agreements: AgreementService;
  /** Built client to serve (dist/client); omitted in API-only tests. */
  clientDir?: string;
  log: (message: string) => void;
}

/** The HTTP application: REST under /api, the client everywhere else. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.route('/api/agreements', agreementRoutes(deps.agreements));
  app.route('/api/templates', templateRoutes());
  app.all('/api/*', (c) => c.json<ApiError>({ error: 'not_found', message: `No route ${c.req.method} ${c.req.path}` }, 404));
  if (deps.clientDir) app.route('/', serveClient(deps.clientDir));
  app.notFound((c) => c.json<ApiError>({ error: 'not_found', message: `Nothing at ${c.req.path}` }, 404));
  app.onError((err, c) => toErrorResponse(err, c, deps.log));
  return app;
}

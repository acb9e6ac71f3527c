import { Hono } from 'hono';
import type { ApiError } from '../shared/api';
import { addressReader } from './clientAddress';
import { toErrorResponse } from './errors';
import { personSessions, requireParticipant } from './routes/access';
import { personRoutes } from './routes/person';
import { bodyLimits } from './routes/bodyLimits';
import { agreementRoutes } from './routes/agreements';
import { auditRoutes } from './routes/audit';
import { authorRoutes } from './routes/authors';
import { eventRoutes } from './routes/events';
import { exportRoutes, verifyRoutes } from './routes/exports';
import { joinRoutes } from './routes/join';
import { participantRoutes } from './routes/participants';
import { partyRoutes } from './routes/parties';
import { signingRoutes } from './routes/signing';
import { suggestionRoutes } from './routes/suggestions';
import { draftExportRoutes } from './routes/draftExports';
import { historyRoutes } from './routes/history';
import { legalReviewRoutes } from './routes/legalReview';
import { editModeRoutes } from './routes/editMode';
import { importRoutes } from './routes/importAgreement';
import { lifecycleRoutes } from './routes/lifecycle';
import { dashboardRoutes } from './routes/dashboard';
import { calendarFeedRoutes, calendarRoutes } from './routes/calendar';
import { notificationRoutes } from './routes/notifications';
import { templateRoutes } from './routes/templates';
import { threadRoutes } from './routes/threads';
import type { Services } from './services/container';
import { securityHeaders } from './securityHeaders';
import { serveClient } from './static';

export interface AppDeps {
  services: Services;
  /** Built client to serve (dist/client); omitted in API-only tests. */
  clientDir?: string;
  log: (message: string) => void;
  /** `TRUST_PROXY`: proxies in front whose X-Forwarded-For tells the client's address (server/clientAddress.ts). */
  trustProxy?: number;
}

/** The HTTP application: REST under /api, personal links under /join, the client everywhere else. */
export function createApp({ services: s, clientDir, log, trustProxy }: AppDeps): Hono {
  const app = new Hono();
  const addressOf = addressReader(trustProxy);
  app.use(securityHeaders());
  app.use(bodyLimits());
  // A session a route opens (a personal link, a new agreement) joins the browser's person.
  app.use(personSessions(s.persons));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Before the agreement routes, whose '/:id' would take 'import' for an id.
  app.route('/api/agreements/import', importRoutes(s.agreements));
  app.route('/api/agreements', agreementRoutes(s.agreements, s.auth, s.agreementStore));
  // Everything under one agreement needs a participant of that agreement.
  app.use('/api/agreements/:id/*', requireParticipant(s.auth, s.agreementStore));
  for (const routes of [
    participantRoutes(s.participants),
    partyRoutes(s.parties),
    threadRoutes(s.comments),
    eventRoutes(s.hub),
    signingRoutes(s.lifecycle, s.approvals, addressOf),
    exportRoutes(s.exports),
    auditRoutes(s.audit),
    authorRoutes(s.authors),
    suggestionRoutes(s.suggestions),
    draftExportRoutes(s.drafts),
    historyRoutes(s.history),
    legalReviewRoutes(s.legalReview, s.lifecycle),
    editModeRoutes(s.legalReview, s.lifecycle),
    lifecycleRoutes(s.afterSigning.service, s.afterSigning.copies, s.followUps, s.history.redline),
    notificationRoutes(s.notifications, s.auth),
    calendarRoutes(s.calendar, s.auth),
  ]) {
    app.route('/api/agreements/:id', routes);
  }
  app.route('/api/templates', templateRoutes());
  app.route('/api/dashboard', dashboardRoutes(s.afterSigning.dashboard, s.auth));
  app.route('/api/person', personRoutes(s.persons, s.auth, addressOf));
  app.route('/api/calendar', calendarFeedRoutes(s.calendar));
  app.route('/api/verify', verifyRoutes(s.exports, s.afterSigning.copies));
  app.all('/api/*', (c) => c.json<ApiError>({ error: 'not_found', message: `No route ${c.req.method} ${c.req.path}` }, 404));
  app.route('/join', joinRoutes(s.auth));
  if (clientDir) app.route('/', serveClient(clientDir));
  app.notFound((c) => c.json<ApiError>({ error: 'not_found', message: `Nothing at ${c.req.path}` }, 404));
  app.onError((err, c) => toErrorResponse(err, c, log));
  return app;
}

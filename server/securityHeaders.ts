import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** A Host header we are willing to repeat inside a header value. */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * `'self'` covers same-origin websockets in CSP 3, but not in every browser
 * still in use (older Safari), so the sync endpoint is named explicitly.
 */
const syncOrigins = (c: Context): string => {
  const host = c.req.header('host') ?? '';
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
};

/**
 * Security headers on every response, with a Content-Security-Policy for the
 * built client: its scripts, styles and fonts are files of its own, it talks
 * only to this server (REST, event stream, sync websocket), and no other
 * site may frame it. Styles allow 'unsafe-inline' because Tiptap injects its
 * base stylesheet (a <style> element) and others' selections are editor
 * decorations with a `style` attribute (y-tiptap); React's `style` props and
 * the carets' colours are set through CSSOM, which CSP does not restrict.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", syncOrigins],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    // Only sent by browsers over HTTPS; no includeSubDomains: other hosts of the domain are not ours.
    strictTransportSecurity: 'max-age=15552000',
  });
}

/**
 * Whether a websocket upgrade may come from the page that sent it.
 *
 * Browsers attach cookies to a websocket upgrade from any site, so without
 * this check a page elsewhere could open a participant's session socket
 * (cross-site websocket hijacking). Browsers always send `Origin` on an
 * upgrade; a client that sends none is not a browser and carries no cookie
 * it did not choose to send, so it is judged by its token or session alone.
 *
 * Allowed: the server's own origin as the request reached it
 * (`http://` + the Host header), and the configured public URL's origin
 * (needed behind an HTTPS proxy, where the browser's origin is `https://…`).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicOrigin: string | undefined): boolean {
  if (origin === undefined) return true;
  const given = origin.toLowerCase();
  if (publicOrigin !== undefined && given === publicOrigin) return true;
  return host !== undefined && host !== '' && given === `http://${host.toLowerCase()}`;
}

/** The origin (`scheme://host[:port]`) of a configured public URL; undefined if none. */
export function originOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : new URL(url).origin;
}

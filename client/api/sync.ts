/** Where the page opens its sync connection (server/sync), beside the REST client. */

/** ws(s)://host of the page, where the server accepts sync connections. */
export function syncBase(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/sync`;
}

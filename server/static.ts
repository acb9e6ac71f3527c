import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * Serves the built client; unknown paths get index.html so client routes work
 * on reload. A file the build also wrote compressed (`.br`, `.gz`: vite.config.ts)
 * goes compressed to a browser that accepts it.
 */
export function serveClient(clientDir: string): Hono {
  const root = resolve(clientDir);
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
  return new Hono()
    .use('/assets/*', async (c, next) => {
      await next();
      // Asset names carry a content hash.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    })
    .use('*', serveStatic({ root, precompressed: true }))
    .get('*', (c) => c.html(indexHtml));
}

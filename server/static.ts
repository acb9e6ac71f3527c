import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { assetFiles } from './assetFiles';

/**
 * Serves the built client: its scripts and styles from memory (assetFiles.ts),
 * any other file from disk; unknown paths get index.html so client routes work
 * on reload, but an unknown asset is a 404 (HTML under a script's name, kept
 * for a year, would break the page that asked for it). A file the build also
 * wrote compressed (`.br`, `.gz`: vite.config.ts) goes compressed to a browser
 * that accepts it.
 */
export function serveClient(clientDir: string): Hono {
  const root = resolve(clientDir);
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
  return new Hono()
    .get('/assets/*', assetFiles(join(root, 'assets')))
    .use('*', serveStatic({ root, precompressed: true }))
    .get('*', (c) => c.html(indexHtml));
}

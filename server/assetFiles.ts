import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

interface Asset {
  type: string;
  plain: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer> | null;
  gzip: Uint8Array<ArrayBuffer> | null;
}

const PREFIX = '/assets/';

/** One file name directly inside assets/: no separators, so nothing outside it can be named. */
const FILE_NAME = /^[\w-][\w.-]*$/;

const readOrNull = (path: string): Promise<Uint8Array<ArrayBuffer> | null> => readFile(path).catch(() => null);

/** The encodings the browser accepts (q=0 refuses one). */
function accepted(header: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

function send(c: Context, asset: Asset): Response {
  const accepts = accepted(c.req.header('accept-encoding'));
  const [encoding, body] = asset.br && accepts.has('br') ? ['br', asset.br] : asset.gzip && accepts.has('gzip') ? ['gzip', asset.gzip] : [null, asset.plain];
  c.header('Content-Type', asset.type);
  // Names carry a content hash: a file never changes under its name.
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  if (asset.br || asset.gzip) c.header('Vary', 'Accept-Encoding');
  if (encoding) c.header('Content-Encoding', encoding);
  return c.body(body);
}

/**
 * GET /assets/<name>: the built client's files, answered from memory, with
 * the `.br`/`.gz` copies the build wrote beside them (vite.config.ts) for a
 * browser that accepts them. A page's first load asks for about 20 of these
 * at once; from disk each took a stat and a stream, on the CPU the browser
 * is waiting for. The scripts and styles are read in the background at
 * start (about 2 MB with their compressed copies), so the first visitor
 * gets them from memory too; source maps only once asked for. Only files
 * that exist are kept, so the memory held is bounded by the build; a name
 * that is not there is a 404.
 */
export function assetFiles(assetsDir: string): MiddlewareHandler {
  const cache = new Map<string, Promise<Asset | null>>();
  const load = async (name: string): Promise<Asset | null> => {
    const path = join(assetsDir, name);
    const [plain, br, gzip] = await Promise.all([readOrNull(path), readOrNull(`${path}.br`), readOrNull(`${path}.gz`)]);
    return plain ? { type: getMimeType(name) ?? 'application/octet-stream', plain, br, gzip } : null;
  };
  const keep = (name: string): void => {
    if (!cache.has(name)) cache.set(name, load(name));
  };
  void readdir(assetsDir)
    .then((names) => names.filter((n) => FILE_NAME.test(n) && !/\.(br|gz|map)$/.test(n)).forEach(keep))
    .catch(() => undefined);
  return async (c) => {
    const name = c.req.path.slice(PREFIX.length);
    const known = FILE_NAME.test(name);
    if (known) keep(name);
    const asset = known ? await cache.get(name) : null;
    if (asset) return send(c, asset);
    // Misses are not kept: any name can be asked for.
    cache.delete(name);
    return c.json({ error: 'not_found', message: `No asset ${name}` }, 404);
  };
}

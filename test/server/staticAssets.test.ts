import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { basename, join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestServer, tempDir, type TestServer } from './harness';

/** The built client's files, sent compressed when the build wrote them so (vite.config.ts) and the browser accepts it. */

const SCRIPT = `export const words = ${JSON.stringify('les parties conviennent de collaborer '.repeat(200))};\n`;
let server: TestServer;
const clientDir = tempDir();

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>client</title><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(clientDir, 'assets', 'app-1a2b.js'), SCRIPT);
  writeFileSync(join(clientDir, 'assets', 'app-1a2b.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(clientDir, 'assets', 'app-1a2b.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(clientDir, 'assets', 'plain-3c4d.js'), SCRIPT);
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.dispose();
  rmSync(clientDir, { recursive: true, force: true });
});

/** A raw GET (fetch would decode the body and hide how it came). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static client files', () => {
  it('go as brotli to a browser that accepts it, as gzip to one that accepts only gzip, and as they are otherwise', async () => {
    const br = await get('/assets/app-1a2b.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(br.body).toEqual(brotliCompressSync(SCRIPT));

    const gz = await get('/assets/app-1a2b.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toEqual(gzipSync(SCRIPT));

    const plain = await get('/assets/app-1a2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('without a compressed copy go as they are, whatever the browser accepts', async () => {
    const res = await get('/assets/plain-3c4d.js', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('a browser that refuses brotli (q=0) gets gzip', async () => {
    const res = await get('/assets/app-1a2b.js', 'br;q=0, gzip;q=0.8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('a file the build wrote after the server started is served too', async () => {
    writeFileSync(join(clientDir, 'assets', 'later-5e6f.js'), SCRIPT);
    const res = await get('/assets/later-5e6f.js', 'br');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('an unknown asset is a 404 with a JSON error, not the page under a script name', async () => {
    const res = await get('/assets/gone-0000.js', 'br, gzip');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toEqual({ error: 'not_found', message: 'No asset gone-0000.js' });
  });

  it('nothing outside the client is reachable through it', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'not for the web');
    const up = `..%2F..%2F${basename(outside)}%2Fsecret.txt`;
    try {
      for (const path of [`/assets/${up}`, `/assets/${up.replaceAll('%2F', '/')}`, `/assets/${up.replaceAll('..', '%2e%2e')}`, '/assets/..', '/assets/.']) {
        const res = await get(path);
        expect(res.body.toString(), path).not.toContain('not for the web');
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a client route still gets index.html', async () => {
    const res = await get('/a/some-agreement', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<title>client</title>');
  });
});

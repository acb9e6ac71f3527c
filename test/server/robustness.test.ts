import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CreateAgreementSchema } from '../../shared/api';
import { CloseCode } from '../../shared/closeCodes';
import { findTemplate } from '../../shared/templates';
import { createServices } from '../../server/services/container';
import { DocStore } from '../../server/store/docs';
import { Rooms } from '../../server/sync/rooms';
import { api, connect, createAgreement, openTestDb, startTestServer, synced, tempDir, waitFor, type TestAgreement, type TestServer } from './harness';
import { rawRequest } from './rawHttp';

let server: TestServer;
let a: TestAgreement;
let host: string;
const clientDir = tempDir();

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>client</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(clientDir, 'assets', 'app.js'), 'export {};');
  server = await startTestServer({ clientDir, publicUrl: 'https://entente.example.org' });
  a = await createAgreement(server.url);
  host = new URL(server.url).host;
});
afterAll(async () => {
  await server.dispose();
  rmSync(clientDir, { recursive: true, force: true });
});

const alive = async (): Promise<void> => {
  expect((await fetch(`${server.url}/api/templates`)).status).toBe(200);
};

/** Opens a websocket to a raw path, with extra handshake headers; resolves with how it ended or that it synced. */
function openSync(path: string, headers: Record<string, string> = {}): Promise<{ code: number; opened: boolean; gotSyncStep1: boolean }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}${path}`, { headers });
    let opened = false;
    let gotSyncStep1 = false;
    ws.on('open', () => (opened = true));
    ws.on('message', (data: Buffer) => {
      // The server's first message to an accepted client is its sync step 1.
      if (data[0] === 0 && data[1] === 0) {
        gotSyncStep1 = true;
        ws.close(1000);
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => resolve({ code, opened, gotSyncStep1 }));
  });
}

describe('ids are validated before anything decodes them', () => {
  it('a websocket upgrade to /sync/%E0 is closed as an unknown agreement and the server keeps serving', async () => {
    for (const id of ['%E0', '%', '%%', '%C0%AF', '%00', 'a'.repeat(5000)]) {
      const result = await openSync(`/sync/${id}`);
      expect(result, id).toMatchObject({ opened: true, code: CloseCode.UnknownAgreement });
    }
    await alive();
  });

  it('upgrade request targets that URL parsers reject get an HTTP answer, not a crash', async () => {
    for (const target of ['//', '/\\', '//@', '/sync/%E0?token=%', '*']) {
      const res = await rawRequest(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
      expect([101, 400, 404], target).toContain(res.status);
      if (res.status === 101) expect(res.closeCode, target).toBe(CloseCode.UnknownAgreement);
    }
    await alive();
  });

  it('REST paths with malformed percent-encoding in an id are 404 JSON errors', async () => {
    const participantId = a.content.parties[0]?.id ?? '';
    const paths = [
      '/api/agreements/%E0',
      '/api/agreements/%E0/participants',
      `/api/agreements/${a.id}/participants/%E0%80`,
      `/api/agreements/${a.id}/participants/%`,
      `/api/agreements/${a.id}/threads/%%/comments`,
      `/api/agreements/${a.id}/comments/%C0%AF`,
      `/api/agreements/${a.id}/parties/%ED%A0%80`,
      `/api/agreements/${a.id}/parties/${participantId}%FF`,
    ];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
        const res = await rawRequest(
          server.port,
          `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${a.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
        );
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(JSON.parse(res.body.toString()), `${method} ${path}`).toMatchObject({ error: 'not_found' });
      }
    }
    const join = await rawRequest(server.port, `GET /join/%E0 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(join.status).toBe(302);
    expect(join.head).toMatch(/\r\nlocation: \/\?link=invalid/i);
    await alive();
  });
});

describe('websocket Origin', () => {
  it('a page on another site cannot open a session socket, even with a valid token: 4403', async () => {
    for (const origin of ['http://evil.example', 'null', `https://${host}`, `http://${host}.evil.example`]) {
      const result = await openSync(`/sync/${a.id}?token=${a.token}`, { Origin: origin });
      expect(result, origin).toEqual({ code: CloseCode.Forbidden, opened: true, gotSyncStep1: false });
    }
  });

  it("the server's own origin, PUBLIC_URL's origin and clients without Origin are judged by the token", async () => {
    const variants: Record<string, string>[] = [{ Origin: `http://${host}` }, { Origin: 'https://entente.example.org' }, {}];
    for (const headers of variants) {
      expect((await openSync(`/sync/${a.id}?token=${a.token}`, headers)).gotSyncStep1, JSON.stringify(headers)).toBe(true);
      expect((await openSync(`/sync/${a.id}`, headers)).code, JSON.stringify(headers)).toBe(CloseCode.Unauthenticated);
    }
  });
});

/** A POST whose declared length is `declared` bytes, of which only `sent` are written before the answer is awaited. */
function lyingPost(path: string, declared: number, sent: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(declared), authorization: `Bearer ${a.token}` } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', () => undefined); // the server may close once it has answered
    req.write(Buffer.alloc(sent, 0x20));
  });
}

/** A chunked POST that keeps writing until the server answers (or `max` bytes). */
function chunkedPost(path: string, max: number, contentType = 'application/json'): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${a.token}` } }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, written }));
      res.on('error', reject);
    });
    req.on('error', () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (!answered && written < max) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('body limits', () => {
  it('a 300 MB declared body is answered 413 before it is sent, and the server carries on', async () => {
    for (const path of ['/api/agreements', `/api/agreements/${a.id}/lock`, `/api/agreements/${a.id}/threads`, '/api/verify', '/api/nowhere', '/']) {
      const res = await lyingPost(path, 300 * 1024 * 1024, 1024);
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body), path).toMatchObject({ error: 'too_large' });
    }
    await alive();
  });

  it('a chunked body is cut off with 413 once it crosses the route limit', async () => {
    const lock = await chunkedPost(`/api/agreements/${a.id}/lock`, 256 * 1024 * 1024);
    expect(lock.status).toBe(413);
    expect(lock.body).toContain('64 KiB');
    expect(lock.written).toBeLessThan(64 * 1024 * 1024);
    const verify = await chunkedPost('/api/verify', 256 * 1024 * 1024, 'application/pdf');
    expect(verify.status).toBe(413);
    expect(verify.body).toContain('25 MiB');
    await alive();
  });

  it('each route takes the largest body its schema allows', async () => {
    // Twenty parties with every field at its maximum, all non-ASCII and escaped: about 340 KB.
    const long = (n: number): string => '\\u00e9'.repeat(n);
    const parties = Array.from({ length: 20 }, () => `{"legalName":"${long(300)}","address":"${long(500)}","mission":"${long(2000)}"}`);
    const create = `{"title":"Grande","language":"fr","owner":{"name":"Odile","email":"odile@example.org"},"parties":[${parties.join(',')}]}`;
    expect(create.length).toBeGreaterThan(300 * 1024);
    expect((await api(server.url, undefined, '/api/agreements', { method: 'POST', body: create })).status).toBe(201);

    // A thread quoting 2,000 characters, with a 10,000-character comment: about 72 KB.
    const thread = `{"section":"purpose","anchor":{"fragment":"section:purpose","start":"AAAA","end":"AAAA","quote":"${long(2000)}"},"body":"${long(10_000)}"}`;
    expect(thread.length).toBeGreaterThan(64 * 1024);
    expect((await api(server.url, a.token, `/api/agreements/${a.id}/threads`, { method: 'POST', body: thread })).status).toBe(201);
    const reason = `{"reason":"${long(12_000)}"}`; // over 64 KiB
    expect((await api(server.url, a.token, `/api/agreements/${a.id}/cancel`, { method: 'POST', body: reason })).status).toBe(413);
  });
});

describe('security headers', () => {
  it('every response carries a CSP for the client, no framing and nosniff', async () => {
    for (const path of ['/', '/a/whatever', '/assets/app.js', '/api/templates', '/api/nowhere']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('a Host header that is not a host is refused (400) and never copied into a policy', async () => {
    for (const badHost of ['x; script-src *', 'x y', 'a/b']) {
      const res = await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: ${badHost}\r\nConnection: close\r\n\r\n`);
      expect(res.status, badHost).toBe(400);
      expect(res.head, badHost).not.toContain('script-src *');
    }
  });
});

describe('timers', () => {
  it('a hook failing after updates were stored is logged; the room keeps storing and broadcasting', async () => {
    const dataDir = tempDir();
    const db = await openTestDb(dataDir);
    try {
      const logs: string[] = [];
      const services = createServices(db, { idleMs: 60_000, compactAfter: 1000, log: (m) => logs.push(m) });
      const { created } = services.agreements.create(
        CreateAgreementSchema.parse({ title: 'T', language: 'fr', owner: { name: 'Odile', email: 'o@example.org' } }),
      );
      const template = findTemplate('mou');
      if (!template) throw new Error('no mou template');
      const rooms = new Rooms(new DocStore(db), services.agreementStore, {
        idleMs: 5,
        compactAfter: 1,
        log: (m) => logs.push(m),
        templateOf: () => template,
      });
      rooms.onStored(() => {
        throw new Error('hook exploded');
      });
      const room = rooms.acquire(created.id);
      // A change from a client (not the server): stored from setImmediate, where nothing else would catch.
      room.change((doc) => doc.getMap('meta').set('title', 'first'), 'client');
      await waitFor(() => logs.some((l) => l.includes('hook exploded')), 'the failure logged');
      room.change((doc) => doc.getMap('meta').set('title', 'second'), 'client');
      await waitFor(() => logs.filter((l) => l.includes('hook exploded')).length >= 2, 'the second failure logged');
      // The compaction and idle-unload timers ran too (compactAfter 1, idleMs 5) without taking the process down.
      rooms.closeAll(1012, 'test over');
      const stored = new DocStore(db).load(created.id).doc;
      expect(stored.getMap('meta').get('title')).toBe('second');
      stored.destroy();
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an honest client alongside', () => {
  it('still syncs after all of the above', async () => {
    const c = connect(server.wsUrl, a.id, a.token, new Y.Doc());
    await synced(c);
    c.destroy();
  });
});

/**
 * Malformed requests for the fuzz test, drawn from a seeded PRNG so a
 * failure reproduces with the same seed (FUZZ_SEED).
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
  /** A string of `n` characters from `alphabet`. */
  text(n: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}

/** UTF-8 bytes written as a latin1 string, so they go on the wire as is. */
const raw = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/** Path segments that have broken URL decoders, routers and file servers. */
export const ODD_SEGMENTS: readonly string[] = [
  '%E0',
  '%',
  '%%',
  '%C0%AF',
  '%C0%80',
  '%00',
  '%2e%2e',
  '..',
  '.',
  '%2F',
  '%5C',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%FF%FE',
  '%u0041',
  '+',
  ';',
  '%25',
  '%252e%252e',
  raw('é'),
  raw('\u202e'),
  raw('😀'),
  'a'.repeat(3000),
  '%E0'.repeat(300),
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  '-1',
  '0',
  '1e309',
  '[]',
  '{}',
  '*',
  '~',
  '%0d%0aSet-Cookie:x=1',
  'AAAAAAAAAAAAAAAAAAAAAA',
  '..%2f..%2f..%2fsecret.txt',
  '%2e%2e%2fsecret.txt',
  '..\\secret.txt',
  '%c0%ae%c0%ae/secret.txt',
  '\x00',
  '\x7f',
  '\xff',
  ' ',
  '\t',
  '#',
  '?',
];

const QUERIES = (token: string): readonly string[] => [
  '?',
  '??',
  '?&&&',
  '?token=%E0',
  `?token=${token}`,
  '?token=',
  '?a=%',
  '?%00=%00',
  '?%E0%80=1',
  '?__proto__[polluted]=1',
  '?constructor[prototype][polluted]=1',
  '?a=1&a=2&a[]=3',
  `?${'a=b&'.repeat(2000)}`,
  `?x=${raw('é')}`,
  '?#frag',
  '?link=invalid',
];

/** JSON-ish bodies: malformed, wrong types, huge numbers, deep nesting, prototype keys. */
function jsonBody(r: Rng): string {
  const depth = 1 + r.int(20_000);
  return r.pick<() => string>([
    () => '{',
    () => '{"a":}',
    () => '[',
    () => 'nul',
    () => '"\\ud800"',
    () => '\ufeff{"title":"bom"}',
    () => '1e999999',
    () => '-0',
    () => '18446744073709551616',
    () => `{"title":${'9'.repeat(5000)}}`,
    () => '{"title":[],"language":5,"owner":null,"parties":"x"}',
    () => '{"title":"t","language":"fr","owner":{"name":"n","email":"e@example.org","partyIndex":1e309}}',
    () => '{"title":"t","language":"fr","owner":{"name":"n","email":"e@example.org","partyIndex":-1}}',
    () => '{"title":"\\u0000","language":"fr","owner":{"name":"\\ud800","email":"x@example.org"}}',
    () => '['.repeat(depth) + ']'.repeat(depth),
    () => '{"a":'.repeat(Math.min(depth, 10_000)) + '1' + '}'.repeat(Math.min(depth, 10_000)),
    () => '{"__proto__":{"polluted":true},"title":"x","language":"fr","owner":{"name":"n","email":"e@example.org"}}',
    () => '{"constructor":{"prototype":{"polluted":true}},"reason":"because"}',
    () => '{"section":"__proto__","body":"x","anchor":{"fragment":"__proto__","start":"AAAA","end":"AAAA","quote":"q"}}',
    () => '{"section":"purpose","body":"hi","mentions":["__proto__","constructor",""],"visibility":"party"}',
    () => '{"role":"owner","partyId":"__proto__","name":"x","email":"x@example.org"}',
    () => '{"fullName":"A B","title":"CEO","versionHash":"' + 'f'.repeat(64) + '"}',
    () => '{"hash":"' + 'A'.repeat(64) + '"}',
    () => '{"hash":{"$gt":""}}',
    () => '{"a":1,"a":2,"a":{"b":[1,2,{"c":null}]}}',
    () => `"${'x'.repeat(60_000)}"`,
    () => 'null',
    () => '[]',
    () => '{}',
    () => 'true',
    () => r.bytes(r.int(2000)).toString('latin1'),
  ])();
}

export interface HttpCaseContext {
  host: string;
  agreementIds: readonly string[];
  ids: readonly string[];
  token: string;
}

const ROUTES: readonly string[] = [
  '/api/agreements',
  '/api/agreements/{a}',
  '/api/agreements/{a}/me',
  '/api/agreements/{a}/participants',
  '/api/agreements/{a}/participants/{x}',
  '/api/agreements/{a}/participants/{x}/link',
  '/api/agreements/{a}/parties',
  '/api/agreements/{a}/parties/{x}',
  '/api/agreements/{a}/threads',
  '/api/agreements/{a}/threads/{x}/comments',
  '/api/agreements/{a}/threads/{x}/resolve',
  '/api/agreements/{a}/threads/{x}/reopen',
  '/api/agreements/{a}/threads/{x}/read',
  '/api/agreements/{a}/comments/{x}',
  '/api/agreements/{a}/status',
  '/api/agreements/{a}/approvals',
  '/api/agreements/{a}/lock',
  '/api/agreements/{a}/unlock',
  '/api/agreements/{a}/cancel',
  '/api/agreements/{a}/sign',
  '/api/agreements/{a}/audit',
  '/api/agreements/{a}/export.pdf',
  '/api/agreements/{a}/export.docx',
  '/api/agreements/{a}/review.pdf',
  '/api/agreements/{a}/events',
  '/api/agreements/{a}/{x}',
  '/api/verify',
  '/api/templates',
  '/api/{x}',
  '/join/{x}',
  '/a/{x}',
  '/assets/{x}',
  '/{x}',
  '/',
  '/{x}/{x}/{x}',
  '/sync/{x}',
  '/sync/{a}',
  '/index.html',
  '/../secret.txt',
  '/assets/../../secret.txt',
  '//',
  '/\\',
];
const METHODS: readonly string[] = [
  'GET',
  'GET',
  'POST',
  'POST',
  'PATCH',
  'DELETE',
  'PUT',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'get',
  'FOO',
  'QUERY',
];
const CONTENT_TYPES: readonly string[] = [
  'application/json',
  'application/json',
  'application/json; charset=utf-16',
  'application/pdf',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  '*/*;;;',
  'application/json; charset="',
];

export interface HttpCase {
  /** A readable description, to report a failure. */
  what: string;
  bytes: Buffer;
  isUpgrade: boolean;
}

/** One malformed (or, by chance, valid) HTTP request as raw bytes. */
export function httpCase(r: Rng, ctx: HttpCaseContext): HttpCase {
  const segment = (): string => (r.chance(0.5) ? r.pick(ctx.ids) : r.pick(ODD_SEGMENTS));
  const agreement = (): string => (r.chance(0.75) ? r.pick(ctx.agreementIds) : r.pick(ODD_SEGMENTS));
  const isUpgrade = r.chance(0.12);
  let target = r.pick(ROUTES).replace(/\{a\}/g, agreement).replace(/\{x\}/g, segment);
  // Half the upgrades aim at the sync endpoint itself, most with a token that opens it.
  if (isUpgrade && r.chance(0.5)) target = `/sync/${agreement()}${r.chance(0.6) ? `?token=${ctx.token}` : ''}`;
  if (r.chance(0.3)) target += r.pick(QUERIES(ctx.token));
  const method = isUpgrade && r.chance(0.8) ? 'GET' : r.pick(METHODS);
  const headers: string[] = [];
  if (r.chance(0.95))
    headers.push(`Host: ${r.chance(0.9) ? ctx.host : r.pick(['evil.example', '%E0', '[::1', 'a'.repeat(300), '', raw('é.example'), `${ctx.host}:99999`])}`);
  headers.push(r.chance(0.9) ? 'Connection: close' : r.pick(['Connection: keep-alive, close', 'Connection: close, close', 'Connection: \x01']));
  if (r.chance(0.6))
    headers.push(
      `Authorization: ${r.chance(0.8) ? `Bearer ${ctx.token}` : r.pick(['Bearer %E0', `Bearer ${'A'.repeat(5000)}`, 'Basic Zm9vOmJhcg==', 'Bearer', 'bearer  x', raw('Bearer é')])}`,
    );
  if (r.chance(0.2))
    headers.push(`Cookie: ${r.pick([`entente_${r.pick(ctx.agreementIds)}=garbage`, 'a=%E0; b', ';;;=', 'x='.repeat(1000), `entente_${'%E0'}=1`])}`);
  if (r.chance(0.15)) headers.push(`Origin: ${r.pick(['null', 'http://evil.example', '%E0', `http://${ctx.host}`])}`);
  if (r.chance(0.1)) headers.push(r.pick(['Range: bytes=0-0', 'Range: bytes=-1', 'Range: bytes=99999999999999999999-', 'Range: lines=1-2']));
  if (r.chance(0.1)) headers.push(r.pick(['If-None-Match: "x"', 'If-Modified-Since: yesterday', 'If-Modified-Since: Tue, 01 Jan 3000 00:00:00 GMT']));
  if (r.chance(0.1))
    headers.push(r.pick(['Accept-Encoding: gzip, br, zstd, *;q=0', 'Accept: */*;q=2', 'X-Forwarded-Proto: https', 'X-Forwarded-Host: evil.example']));
  if (r.chance(0.05)) headers.push(r.pick([`X-Long: ${'a'.repeat(20_000)}`, 'Bad Header: x', 'X-Fold: a\r\n b', 'X-Nul: a\x00b', `X-${raw('é')}: 1`]));
  if (r.chance(0.05)) headers.push('Expect: 100-continue');
  if (isUpgrade) {
    headers.push(r.chance(0.8) ? 'Connection: Upgrade' : 'Connection: upgrade, keep-alive');
    headers.push(`Upgrade: ${r.pick(['websocket', 'websocket', 'h2c', 'foo', ''])}`);
    if (r.chance(0.9)) headers.push(`Sec-WebSocket-Version: ${r.pick(['13', '13', '8', 'x'])}`);
    if (r.chance(0.9)) headers.push(`Sec-WebSocket-Key: ${r.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'short', '%E0'])}`);
  }

  let body: Buffer = Buffer.alloc(0);
  const withBody = method !== 'GET' && method !== 'HEAD' ? r.chance(0.85) : r.chance(0.1);
  if (withBody) {
    if (r.chance(0.9)) headers.push(`Content-Type: ${r.pick(CONTENT_TYPES)}`);
    body = Buffer.from(jsonBody(r), r.chance(0.5) ? 'utf8' : 'latin1');
    const framing = r.int(10);
    if (framing === 0) {
      // Declares far more than any limit and sends a little: answered 413 before the rest would come.
      headers.push(`Content-Length: ${400 * 1024 * 1024}`);
    } else if (framing === 1) {
      headers.push('Transfer-Encoding: chunked');
      body = r.chance(0.7)
        ? chunked(r, body)
        : Buffer.from(r.pick(['zz\r\nabc\r\n0\r\n\r\n', '5\r\nab\r\n0\r\n\r\n', '-1\r\n\r\n', 'ffffffffffffffffff\r\n']), 'latin1');
    } else if (framing === 2) {
      headers.push(`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`);
    } else {
      headers.push(`Content-Length: ${body.length}`);
    }
  }
  const head = `${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
  const what = `${method} ${JSON.stringify(target.slice(0, 200))} ${JSON.stringify(headers.map((h) => h.slice(0, 80)))} body ${body.length} B: ${JSON.stringify(body.subarray(0, 80).toString('latin1'))}`;
  return { what, bytes: Buffer.concat([Buffer.from(head, 'latin1'), body]), isUpgrade };
}

function chunked(r: Rng, body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length;) {
    const n = Math.min(body.length - at, 1 + r.int(4000));
    parts.push(Buffer.from(`${n.toString(16)}\r\n`, 'latin1'), body.subarray(at, at + n), Buffer.from('\r\n'));
    at += n;
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

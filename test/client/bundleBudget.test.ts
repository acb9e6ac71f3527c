import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, routeFiles, sizeOf, wordsModule, WORDS, type ChunkInfo, type RouteName } from '../../bench/bundleSizes';
import { areaOf } from '../../client/wordAreas';
import { en } from '../../shared/i18n/en';

/**
 * What each page downloads before it is usable, from a real production build
 * of the client (bench/bundleSizes.ts; bench/pageload.ts prints the same
 * figures beside the minimal Tiptap + Yjs page). Sizes are deterministic for
 * a given tree, so this is a budget, not a timing test.
 *
 * The ceilings are what the pages weigh today plus a little room, so a change
 * that makes a page heavier fails here and has to say why. The goals of issue
 * 16 are: verify and sign-in pages ≤ 80 kB (their ceilings are that goal),
 * agreement page ≤ 1.1× the minimal page; lower a ceiling when a page gets
 * lighter, never raise it to fit a change.
 */
const KB = 1024;
const CEILING: Record<RouteName, number> = { verify: 80 * KB, signIn: 80 * KB, list: 134 * KB, agreement: 281 * KB };
/** Scripts each page fetches before it is usable, each a request (tools/vite/pageChunks.ts keeps them few); the same rule as the sizes. */
const FILE_CEILING: Record<RouteName, number> = { verify: 5, signIn: 4, list: 17, agreement: 12 };

const TIPTAP = [/node_modules\/prosemirror-/, /node_modules\/@tiptap\//];
const EDITOR = [...TIPTAP, /node_modules\/yjs\//, /node_modules\/y-websocket\//];
const ZOD = /node_modules\/zod\//;
/** The editors' add-ons (client/editor/addOns.ts: table editing, highlights, Suggesting mode's rewrite), loaded once the page is usable. */
const ADD_ONS = [
  /node_modules\/prosemirror-tables\//,
  /node_modules\/@handlewithcare\/prosemirror-suggest-changes\//,
  /^client\/editor\/addOns\.ts$/,
  /^client\/comments\/highlights\.ts$/,
  /^client\/editor\/authors\/AuthorHighlights\.ts$/,
];
const CLASSIC_ZOD = /node_modules\/zod\/(v4\/classic|v4\/locales|v3)\//;
/** Parts of the agreement page that load after it is editable (client/deferred.tsx). */
const DEFERRED = [
  'client/signing/StatusPanel.tsx',
  'client/signing/StatusDialogs.tsx',
  'client/comments/CommentsSidebar.tsx',
  'client/access/ParticipantsPanel.tsx',
  'client/notifications/Bell.tsx',
  'client/notifications/MailSettings.tsx',
];

let outDir = '';
let chunks: ChunkInfo[] = [];

const modulesOf = (route: RouteName): string[] => {
  const files = routeFiles(chunks, route);
  return chunks.filter((c) => files.has(c.file)).flatMap((c) => c.modules);
};

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'entente-budget-'));
  chunks = await buildApp(outDir);
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('first page load budget', () => {
  it.each(Object.keys(CEILING) as RouteName[])('the %s page stays within its JS budget (gzip)', (route) => {
    const size = sizeOf(outDir, routeFiles(chunks, route));
    expect(size.gzipBytes, `${route}: ${(size.gzipBytes / KB).toFixed(1)} kB gzip in ${size.files.join(', ')}`).toBeLessThanOrEqual(CEILING[route]);
  });

  it.each(Object.keys(FILE_CEILING) as RouteName[])('the %s page fetches no more scripts than its ceiling', (route) => {
    const files = [...routeFiles(chunks, route)];
    expect(files.length, `${route}: ${files.join(', ')}`).toBeLessThanOrEqual(FILE_CEILING[route]);
  });

  it('the verify page loads no editor, no Yjs and no zod; the sign-in pages no editor', () => {
    expect(modulesOf('verify').filter((m) => ZOD.test(m) || EDITOR.some((re) => re.test(m)))).toEqual([]);
    expect(modulesOf('signIn').filter((m) => TIPTAP.some((re) => re.test(m)))).toEqual([]);
  });

  it('no page loads classic zod: answers are checked with zod/mini (shared/schemas/)', () => {
    for (const route of Object.keys(CEILING) as RouteName[])
      expect(
        modulesOf(route).filter((m) => CLASSIC_ZOD.test(m)),
        route,
      ).toEqual([]);
    expect(modulesOf('agreement').some((m) => ZOD.test(m))).toBe(true);
  });

  it('the agreement page is editable before its side column and dialogs load', () => {
    const initial = new Set(modulesOf('agreement'));
    expect(initial.has('client/editor/RichText.tsx')).toBe(true);
    for (const module of DEFERRED) expect(initial.has(module), module).toBe(false);
    expect([...initial].filter((m) => ADD_ONS.some((re) => re.test(m)))).toEqual([]);
  });

  it('a page loads one language, and only the areas of its words it needs', () => {
    for (const route of Object.keys(CEILING) as RouteName[]) {
      const modules = modulesOf(route).filter((m) => m.startsWith('virtual:entente-words/') || /^shared\/i18n\/(en|fr)\.ts$/.test(m));
      expect(modules.sort(), route).toEqual(WORDS[route].map((area) => wordsModule('fr', area)).sort());
    }
    expect(WORDS.verify).toEqual(['base']);
    expect(WORDS.signIn).toEqual(['base']);
    expect(WORDS.agreement).toEqual(['base', 'app']);
  });

  it.each(Object.keys(CEILING) as RouteName[])('every word the %s page can show at first is in an area it loads', (route) => {
    const keys = Object.keys(en);
    // client/wordAreas.ts names keys to sort them into areas, it shows none.
    const sources = new Set(modulesOf(route).filter((m) => /^(client|shared)\/.*\.tsx?$/.test(m) && m !== 'client/wordAreas.ts'));
    const named: string[] = [];
    for (const module of sources) {
      // Comments name keys as examples; only code counts.
      const source = readFileSync(join(import.meta.dirname, '../..', module), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [, key = ''] of source.matchAll(/'([a-z]+\.[\w.]+)'/gi)) if (Object.hasOwn(en, key)) named.push(key);
      // A key built at run time (`error.${code}`): every key it may be.
      for (const [, prefix = ''] of source.matchAll(/`([a-z]+\.[\w.]*)\$\{/gi)) named.push(...keys.filter((k) => k.startsWith(prefix)));
    }
    expect(named.length).toBeGreaterThan(40);
    const areas: readonly string[] = WORDS[route];
    expect(named.filter((key) => !areas.includes(areaOf(key)))).toEqual([]);
  });

  it('every script and stylesheet over 1 kB is also written compressed, brotli and gzip, for the server to send as is', () => {
    const assets = readdirSync(join(outDir, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    let checked = 0;
    for (const name of assets) {
      const path = join(outDir, 'assets', name);
      const data = readFileSync(path);
      if (data.length < 1024) continue;
      expect(brotliDecompressSync(readFileSync(`${path}.br`)).equals(data), `${name}.br`).toBe(true);
      expect(gunzipSync(readFileSync(`${path}.gz`)).equals(data), `${name}.gz`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

/**
 * What each page of the client downloads before it can show itself, from a
 * real Vite build: the entry chunk and every chunk it imports statically
 * (what the built index.html loads and modulepreloads), plus, for each
 * route, the chunks its lazy imports bring in before the page is there.
 * Sizes are of the built files, gzip level 9 (what a server compresses).
 * Used by bench/pageload.ts (the README figures) and
 * test/client/bundleBudget.test.ts (the budget).
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Rolldown } from 'vite';
import { PAGE_PARTS } from '../client/pageParts';
import type { WordArea } from '../client/wordAreas';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Which source modules each page needs before it is usable: what it loads
 * at once when it opens (client/pageParts.ts), and for the agreement page
 * the template its document names too, loaded on demand
 * (client/editor/templates.ts) before the sections show: the MOU, as in
 * bench/pageload.ts. The agreement page's side column (status card,
 * comments, participants) and dialogs are deferred and not counted.
 */
export const ROUTES = { ...PAGE_PARTS, agreement: [...PAGE_PARTS.agreement, 'shared/templates/mou.ts'] } as const;
export type RouteName = keyof typeof ROUTES;

/**
 * A page opens in one language and loads the areas of its words that its
 * parts need (client/wordAreas.ts): the pages before the data layer `base`,
 * the agreement page `app` too (its side column and dialogs add `later`
 * after its text, not counted), the list page all three. French, the
 * larger, unless told. In a build, each is
 * the virtual module `virtual:entente-words/<lang>-<area>` (vite.config.ts).
 */
export const WORDS: Record<RouteName, readonly WordArea[]> = { agreement: ['base', 'app'], signIn: ['base'], verify: ['base'], list: ['base', 'app', 'later'] };
export type Lang = 'fr' | 'en';
export const wordsModule = (lang: Lang, area: WordArea): string => `virtual:entente-words/${lang}-${area}`;

export interface ChunkInfo {
  file: string;
  modules: string[];
  imports: string[];
  isEntry: boolean;
}

export interface PageSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** Builds a Vite app (the client by default) into outDir; returns its JS chunks. */
export async function buildApp(outDir: string, config: InlineConfig = { configFile: join(ROOT, 'vite.config.ts') }): Promise<ChunkInfo[]> {
  // A production build whatever the caller's NODE_ENV (vitest sets 'test', which would pick React's development files).
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({ ...config, mode: 'production', logLevel: 'warn', build: { ...config.build, outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks: ChunkInfo[] = [];
  for (const output of outputs) {
    for (const item of output.output) {
      if (item.type !== 'chunk') continue;
      chunks.push({
        file: item.fileName,
        // Virtual modules (`\0` + their id) by their id; files relative to the repository.
        modules: item.moduleIds.map((id) => (id.startsWith('\0') ? id.slice(1) : relative(ROOT, id.replace(/\?.*$/, '')))),
        imports: item.imports,
        isEntry: item.isEntry,
      });
    }
  }
  return chunks;
}

/** The chunks loaded with these (their static imports, transitively). */
function closure(chunks: ChunkInfo[], start: ChunkInfo[]): Set<string> {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const seen = new Set<string>();
  const visit = (chunk: ChunkInfo): void => {
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next) visit(next);
    }
  };
  for (const chunk of start) visit(chunk);
  return seen;
}

function chunkOf(chunks: ChunkInfo[], module: string): ChunkInfo {
  const chunk = chunks.find((c) => c.modules.includes(module));
  if (!chunk) throw new Error(`no chunk holds ${module}`);
  return chunk;
}

/** Adds up the built files (raw and gzip). */
export function sizeOf(outDir: string, files: Iterable<string>): PageSize {
  const list = [...files].sort();
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of list) {
    const content = readFileSync(resolve(outDir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: list, bytes, gzipBytes };
}

/** The entry's JS: what index.html loads and modulepreloads. */
export function entryFiles(chunks: ChunkInfo[]): Set<string> {
  return closure(
    chunks,
    chunks.filter((c) => c.isEntry),
  );
}

/** What one route of the client downloads before it is usable (entry, catalogue, the route's chunks). */
export function routeFiles(chunks: ChunkInfo[], route: RouteName, lang: Lang = 'fr'): Set<string> {
  const words = WORDS[route].map((area) => chunkOf(chunks, wordsModule(lang, area)));
  const start = [...chunks.filter((c) => c.isEntry), ...words, ...ROUTES[route].map((m) => chunkOf(chunks, m))];
  return closure(chunks, start);
}

/** Sizes of every route of a client build in outDir. */
export function routeSizes(outDir: string, chunks: ChunkInfo[], lang: Lang = 'fr'): Record<RouteName, PageSize> {
  const names = Object.keys(ROUTES) as RouteName[];
  return Object.fromEntries(names.map((name) => [name, sizeOf(outDir, routeFiles(chunks, name, lang))])) as Record<RouteName, PageSize>;
}

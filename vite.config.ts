import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { parse } from '@formatjs/icu-messageformat-parser';
import { tsImport } from 'tsx/esm/api';
import type * as WordAreas from './client/wordAreas';
import { PAGE_LATER, PAGE_PARTS } from './client/pageParts.ts';
import { pageChunks } from './tools/vite/pageChunks.ts';

/**
 * The browser client. Sources live in client/, the build goes to dist/client,
 * which the server serves (with an SPA fallback to index.html). In development
 * the Vite dev server proxies the REST API and the sync websocket to the server.
 * Pages, the side column and dialogs are split with dynamic import() in the
 * code itself (client/routes.tsx, client/deferred.tsx); sizes per page:
 * bench/pageload.ts, budget: test/client/bundleBudget.test.ts.
 */
const backend = 'http://127.0.0.1:8787';

/**
 * In a build, each catalogue (shared/i18n/en.ts, fr.ts) is shipped already
 * parsed into FormatJS's message AST, as `formatjs compile --ast` would, so
 * the browser never parses ICU messages and the ICU parser (about 8 kB gzip)
 * is left out: the alias below swaps it for FormatJS's `no-parser` entry.
 * The sources stay plain strings (the server, the tests and the dev server
 * use them as they are). Parsing here also stops the build on a malformed message.
 * The client loads its words through client/words.ts, which the build
 * replaces with one chunk per language and area (client/wordAreas.ts), so a
 * page downloads only the words it shows.
 */
const WORDS = 'virtual:entente-words/';

function precompiledCatalogues(): Plugin {
  const catalogues: Record<string, Record<string, string>> = {};
  let areas: typeof WordAreas | null = null;
  return {
    name: 'entente:precompiled-catalogues',
    apply: 'build',
    enforce: 'pre',
    // Read when the build starts (not bundled into this config), so a build always sees the current words.
    async buildStart() {
      areas = (await tsImport('./client/wordAreas.ts', import.meta.url)) as typeof WordAreas;
      for (const lang of ['en', 'fr']) {
        const module: unknown = await tsImport(`./shared/i18n/${lang}.ts`, import.meta.url);
        const catalogue: unknown = typeof module === 'object' && module !== null ? (module as Record<string, unknown>)[lang] : undefined;
        if (typeof catalogue !== 'object' || catalogue === null) throw new Error(`shared/i18n/${lang}.ts exports no '${lang}' catalogue`);
        catalogues[lang] = Object.fromEntries(
          Object.entries(catalogue).map(([key, message]) => {
            if (typeof message !== 'string') throw new Error(`shared/i18n/${lang}.ts: ${key} is not a string`);
            return [key, message];
          }),
        );
      }
    },
    resolveId(id) {
      return id.startsWith(WORDS) ? `\0${id}` : null;
    },
    load(id) {
      if (!areas) return null;
      const { WORD_AREAS, pickArea } = areas;
      if (/[/\\]client[/\\]words\.ts$/.test(id)) {
        const parts = Object.keys(catalogues).flatMap((lang) => WORD_AREAS.map((area) => `${lang}-${area}`));
        const cases = parts.map((name) => `'${name}': () => import('${WORDS}${name}')`).join(', ');
        return `const parts = { ${cases} };\nexport const loadWords = (lang, area) => parts[lang + '-' + area]().then((m) => m.words);`;
      }
      const part = id.startsWith(`\0${WORDS}`) ? /^(en|fr)-(\w+)$/.exec(id.slice(WORDS.length + 1)) : null;
      if (part) {
        const [, lang = '', area = ''] = part;
        const catalogue = catalogues[lang];
        const known = WORD_AREAS.find((a) => a === area);
        if (!catalogue || !known) throw new Error(`no words ${lang} ${area}`);
        const ast = Object.fromEntries(Object.entries(pickArea(catalogue, known)).map(([key, message]) => [key, parse(message)]));
        return `export const words = ${JSON.stringify(ast)};`;
      }
      const lang = /[/\\]shared[/\\]i18n[/\\](en|fr)\.ts$/.exec(id)?.[1];
      const catalogue = lang ? catalogues[lang] : undefined;
      if (!lang || !catalogue) return null;
      const ast = Object.fromEntries(Object.entries(catalogue).map(([key, message]) => [key, parse(message)]));
      return `export const ${lang} = ${JSON.stringify(ast)};`;
    },
  };
}

/**
 * Writes each built script and stylesheet also compressed, beside it:
 * `.br` (brotli, best) and `.gz` (gzip -9), which the server sends to a
 * browser that accepts them (server/static.ts), so a page's first load
 * moves its JS compressed (about a quarter of its size) without the server
 * compressing anything per request. Files under 1 kB gain too little.
 */
function precompressedAssets(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'entente:precompressed-assets',
    apply: 'build',
    async writeBundle(output, bundle) {
      const dir = output.dir ?? '';
      const files = Object.keys(bundle).filter((name) => /\.(js|css|svg)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          const data = await readFile(path);
          if (data.length < 1024) return;
          const params = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length };
          await writeFile(`${path}.br`, await brotli(data, { params }));
          await writeFile(`${path}.gz`, await gz(data, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig(({ command }) => ({
  root: 'client',
  plugins: [react(), precompiledCatalogues(), precompressedAssets(), pageChunks({ parts: PAGE_PARTS, later: PAGE_LATER })],
  resolve: {
    alias: command === 'build' ? [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] : [],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // The agreement page's editor chunk (Tiptap + ProseMirror) is the largest, about 500 kB before gzip.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api': { target: backend },
      '/sync': { target: backend, ws: true },
    },
  },
}));

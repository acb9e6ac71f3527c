import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Fewer scripts for what each page loads first (a Vite build plugin, used by
 * vite.config.ts).
 *
 * Left to itself the bundler makes a chunk for every set of dynamic imports
 * that share modules: the agreement page fetched 18 scripts before it could
 * be edited, each a request that the browser, its network service and the
 * server pay for. But a page's parts always load together
 * (client/routes.tsx: the agreement page is the gate, the data layer and the
 * editor at once). So each module a page loads first gets a signature:
 *
 * - the pages whose parts reach it through static imports;
 * - every other dynamic import that reaches it (a template, the verify
 *   page's outcome, a dialog), unless that import can only happen once all
 *   of those pages are open, so that the module is already there.
 *
 * Modules with the same signature share one chunk. No load fetches a module
 * that it did not fetch before; it only fetches fewer files. No two of these
 * chunks import each other: what a module imports is reached by every import
 * that reaches the module, so along an import the pages of a signature only
 * grow, and with the same pages the rest of it too. What the entry
 * reaches statically goes to the entry's chunk (every page loads it; the
 * bundler would split out what later chunks import too, React among it),
 * and modules that no page loads first keep the bundler's chunks.
 */
export interface Pages {
  /** Per page, the modules it loads at once when opened (paths from the repository root; each must be one module). */
  parts: Readonly<Record<string, readonly string[]>>;
  /** Per page, modules the page imports once it is open: what they reach loads only on that page. */
  later: Readonly<Partial<Record<string, readonly string[]>>>;
}

/** The graph the plugin reads: Rolldown's module ids and their imports. */
export interface ModuleGraph {
  ids: string[];
  isEntry(id: string): boolean;
  imports(id: string): readonly string[];
  dynamicImports(id: string): readonly string[];
  isDynamicTarget(id: string): boolean;
}

export interface PageChunkNames {
  /** Module id → the name of the chunk it goes to (modules left out keep the bundler's chunks). */
  pages: Map<string, string>;
  /** What the entry reaches statically: the entry's own chunk. */
  entry: Set<string>;
}

export function pageChunkNames(graph: ModuleGraph, pages: Pages): PageChunkNames {
  const closure = (starts: Iterable<string>, withDynamic: boolean, stopAt: ReadonlySet<string> = new Set()): Set<string> => {
    const seen = new Set<string>();
    const todo = [...starts];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (seen.has(id) || stopAt.has(id)) continue;
      seen.add(id);
      todo.push(...graph.imports(id), ...(withDynamic ? graph.dynamicImports(id) : []));
    }
    return seen;
  };
  const find = (path: string): string => {
    const found = graph.ids.filter((id) => id === path || id.replaceAll('\\', '/').endsWith(`/${path}`));
    // A renamed part would otherwise quietly go back to the bundler's many chunks.
    if (found.length !== 1 || found[0] === undefined) throw new Error(`pageChunks: ${found.length} modules are ${path}, expected one`);
    return found[0];
  };
  const names = Object.keys(pages.parts);
  const partsOf = new Map(names.map((page) => [page, (pages.parts[page] ?? []).map(find)]));
  const laterOf = new Map(names.map((page) => [page, (pages.later[page] ?? []).map(find)]));
  const doors = new Set([...partsOf.values(), ...laterOf.values()].flat());

  const entries = graph.ids.filter((id) => graph.isEntry(id));
  const inEntry = closure(entries, false);
  // Dynamic imports that can happen on any page: reached from the entry other than through a page.
  const anywhere = closure(entries, true, doors);
  // The pages that load each module first (the entry's modules are the entry's).
  const firstPages = new Map<string, string[]>();
  for (const page of names)
    for (const id of closure(partsOf.get(page) ?? [], false)) if (!inEntry.has(id)) firstPages.set(id, [...(firstPages.get(id) ?? []), page]);
  const reachOf = new Map(names.map((page) => [page, closure([...(partsOf.get(page) ?? []), ...(laterOf.get(page) ?? [])], true)]));

  /** The pages on which `target` can be imported; null: on any page, named or not. */
  const loadsOn = (target: string): string[] | null => (anywhere.has(target) ? null : names.filter((page) => reachOf.get(page)?.has(target)));
  const signatures = new Map<string, Set<string>>();
  const parts = new Set([...partsOf.values()].flat());
  for (const target of graph.ids.filter((id) => graph.isDynamicTarget(id) || doors.has(id))) {
    // A page's own part adds only its pages, which the signature starts with.
    const on = parts.has(target) ? [] : loadsOn(target);
    for (const id of closure([target], false)) {
      const first = firstPages.get(id);
      if (!first) continue;
      const signature = signatures.get(id) ?? new Set(first);
      // Another import reaching it keeps it apart, unless that import happens only where it is loaded already.
      if (on === null || !on.every((page) => first.includes(page))) signature.add(target);
      signatures.set(id, signature);
    }
  }

  const chunkOf = new Map<string, string>();
  for (const [id, signature] of signatures) {
    // A template or a word catalogue loads on its own, by name: it keeps its chunk.
    if (graph.isDynamicTarget(id) && !doors.has(id)) continue;
    const pageNames = names.filter((page) => signature.has(page));
    const others = [...signature].filter((s) => !names.includes(s)).sort();
    chunkOf.set(id, others.length > 0 ? `${pageNames.join('-')}_${tag(others.join(' '))}` : pageNames.join('-'));
  }
  return { pages: chunkOf, entry: inEntry };
}

/** A short stable tag telling signatures apart in chunk names (two signatures under one name would share a chunk). */
const tag = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 6);

export function pageChunks(pages: Pages): Plugin {
  let names: PageChunkNames = { pages: new Map(), entry: new Set() };
  return {
    name: 'entente:page-chunks',
    apply: 'build',
    config() {
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                // Only the modules named, not their dependencies: each has its own signature.
                groups: [
                  { debugName: 'page', name: (id: string) => names.pages.get(id) ?? null, includeDependenciesRecursively: false },
                  // Holding the entry module, this group is the entry's chunk.
                  { debugName: 'entry', name: (id: string) => (names.entry.has(id) ? 'entry' : null), includeDependenciesRecursively: false },
                ],
              },
            },
          },
        },
      };
    },
    buildStart() {
      names = { pages: new Map(), entry: new Set() };
    },
    buildEnd() {
      const info = (id: string) => this.getModuleInfo(id);
      names = pageChunkNames(
        {
          ids: [...this.getModuleIds()],
          isEntry: (id) => info(id)?.isEntry ?? false,
          imports: (id) => info(id)?.importedIds ?? [],
          dynamicImports: (id) => info(id)?.dynamicallyImportedIds ?? [],
          isDynamicTarget: (id) => (info(id)?.dynamicImporters.length ?? 0) > 0,
        },
        pages,
      );
    },
  };
}

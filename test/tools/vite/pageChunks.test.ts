import { describe, expect, it } from 'vitest';
import { pageChunkNames, type ModuleGraph, type Pages } from '../../../tools/vite/pageChunks';

/** A module graph from `id: [static imports] | [dynamic imports]`. */
function graph(entry: string, modules: Record<string, { imports?: string[]; dynamic?: string[] }>): ModuleGraph {
  const ids = Object.keys(modules);
  const targets = new Set(ids.flatMap((id) => modules[id]?.dynamic ?? []));
  return {
    ids,
    isEntry: (id) => id === entry,
    imports: (id) => modules[id]?.imports ?? [],
    dynamicImports: (id) => modules[id]?.dynamic ?? [],
    isDynamicTarget: (id) => targets.has(id),
  };
}

const PAGES: Pages = {
  parts: { editor: ['gate', 'data', 'editor'], list: ['list', 'data'] },
  later: { editor: ['deferred'] },
};

/** The app the tests share: an entry that opens two pages, each of parts that load together. */
const app = (extra: Record<string, { imports?: string[]; dynamic?: string[] }> = {}) =>
  graph('main', {
    main: { imports: ['react'], dynamic: ['gate', 'data', 'editor', 'list', 'deferred', 'verify'] },
    react: {},
    gate: { imports: ['session', 'react'] },
    session: {},
    data: { imports: ['query', 'http'] },
    query: {},
    http: { imports: ['zod'] },
    zod: {},
    editor: { imports: ['tiptap', 'yjs', 'session'], dynamic: ['template'] },
    tiptap: {},
    yjs: {},
    template: { imports: ['templateKit'] },
    templateKit: {},
    list: { imports: ['cards'], dynamic: ['template'] },
    cards: {},
    deferred: { dynamic: ['panel'] },
    panel: { imports: ['tiptap', 'session', 'panelOnly'] },
    panelOnly: {},
    verify: { dynamic: ['outcome'] },
    outcome: { imports: ['http'] },
    ...extra,
  });

describe('page chunks', () => {
  it('modules that every opening of a page needs alike share one chunk', () => {
    const chunks = pageChunkNames(app(), PAGES).pages;
    expect(chunks.get('gate')).toBe('editor');
    expect(chunks.get('editor')).toBe('editor');
    expect(chunks.get('tiptap')).toBe('editor');
    expect(chunks.get('session')).toBe('editor');
    expect(chunks.get('data')).toBe('editor-list');
    expect(chunks.get('query')).toBe('editor-list');
    expect(chunks.get('list')).toBe('list');
  });

  it('what a page imports once open (its side column) does not keep the page’s modules apart', () => {
    // panel reaches tiptap and session, but it only loads on the editor page, where they already are.
    const chunks = pageChunkNames(app(), PAGES).pages;
    expect(chunks.get('tiptap')).toBe(chunks.get('yjs'));
    expect(chunks.has('panelOnly')).toBe(false);
  });

  it('a module another page imports later stays apart, so that page never fetches what it does not need', () => {
    // The verify page's outcome needs http (and zod), not the query library it is loaded with on the other pages.
    const chunks = pageChunkNames(app(), PAGES).pages;
    expect(chunks.get('http')).toBe(chunks.get('zod'));
    expect(chunks.get('http')).not.toBe(chunks.get('query'));
    expect(chunks.get('http')).toMatch(/^editor-list_/);
  });

  it('a module a dialog can import on any page stays apart from the page', () => {
    const chunks = pageChunkNames(
      app({ main: { imports: ['react'], dynamic: ['gate', 'data', 'editor', 'list', 'deferred', 'verify', 'help'] }, help: { imports: ['session'] } }),
      PAGES,
    ).pages;
    expect(chunks.get('session')).not.toBe(chunks.get('gate'));
    expect(chunks.get('session')).toMatch(/^editor_/);
  });

  it('puts what the entry reaches in the entry’s chunk, and leaves alone what loads by name on its own (a template)', () => {
    const { pages: chunks, entry } = pageChunkNames(app(), PAGES);
    expect([...entry].sort()).toEqual(['main', 'react']);
    expect(chunks.has('main')).toBe(false);
    expect(chunks.has('react')).toBe(false);
    expect(chunks.has('template')).toBe(false);
    // Not needed by any page as it opens: the bundler's own chunks.
    expect(chunks.has('templateKit')).toBe(false);
    expect(chunks.has('outcome')).toBe(false);
  });

  it('a part that is no module, or two, fails the build rather than falling back quietly', () => {
    expect(() => pageChunkNames(app(), { parts: { editor: ['nothing'] }, later: {} })).toThrow(/0 modules are nothing/);
    const twice = graph('main', { main: { dynamic: ['a/gate', 'b/gate'] }, 'a/gate': {}, 'b/gate': {} });
    expect(() => pageChunkNames(twice, { parts: { editor: ['gate'] }, later: {} })).toThrow(/2 modules are gate/);
  });
});

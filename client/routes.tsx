import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { earlyGet } from './earlyFetch';
import { RequireWords } from './intl';
import { needWords } from './messages';
import type { Route } from './router';

/**
 * Each page is its own chunk, loaded when its route is first shown, so a
 * page only downloads what it renders: /verify needs neither the editor nor
 * the data layer, the list page no editor. The data layer (TanStack Query,
 * and zod through the REST client) comes with the pages that fetch, loaded
 * beside the page rather than after it, and so do the words of those pages
 * (the `app` area of the catalogue, client/wordAreas.ts). What each page
 * loads together is listed in client/pageParts.ts, which the build reads to
 * put it in few scripts. Sizes per route: bench/pageload.ts; the budget:
 * test/client/bundleBudget.test.ts.
 */
function withData<P extends object>(page: () => Promise<ComponentType<P>>, later = false) {
  return lazy(async () => {
    const [{ DataProvider }, Page] = await Promise.all([import('./data/DataProvider'), page(), needWords('app'), later && needWords('later')]);
    const data = (props: P) => (
      <RequireWords area="app">
        <DataProvider>
          <Page {...props} />
        </DataProvider>
      </RequireWords>
    );
    return { default: later ? (props: P) => <RequireWords area="later">{data(props)}</RequireWords> : data };
  });
}

const loadList = () => import('./pages/AgreementsPage');
const loadGate = () => Promise.all([import('./access/AccessGate'), import('./data/DataProvider')]);
const loadRefused = () => import('./access/AccessRefused');
const loadVerify = () => import('./signing/VerifyPage');

// The list page shows words the agreement page leaves for later (client/wordAreas.ts).
const AgreementsPage = withData(async () => (await loadList()).AgreementsPage, true);
// The gate (the session through the data layer) and the editor are fetched once GET /me lets the reader in.
const AccessGate = withData(async () => (await loadGate())[0].AccessGate);
// The sign-in pages (a refused GET /me) need neither the data layer nor the app's words.
const AccessRefused = lazy(async () => ({ default: (await loadRefused()).AccessRefused }));
const loadEditor = () => import('./editor/AgreementEditor');
const CollabEditor = lazy(async () => {
  const { CollabEditor } = await loadEditor();
  // The side column and dialogs next, in idle time (client/deferred.tsx).
  (await import('./deferred')).preloadDeferred();
  return { default: CollabEditor };
});
const VerifyPage = lazy(async () => ({ default: (await loadVerify()).VerifyPage }));

/**
 * Asks for the chunks of the page at `path` at once, from client/main.tsx,
 * beside the catalogue instead of after it (the app renders nothing until
 * its words are there). The same imports the routes make, so nothing loads twice.
 */
export function preloadRoute(route: Route): void {
  const load = { list: loadList, agreement: null, verify: loadVerify, notFound: null }[route.name];
  load?.().catch(() => undefined); // the route's own import meets the failure again
  if (route.name === 'list') for (const area of ['app', 'later'] as const) needWords(area).catch(() => undefined);
  if (route.name === 'agreement') void probe(route.id);
}

/** While a page's chunk loads: an empty page of the same shape, so nothing jumps. */
function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<main className="page narrow muted" aria-busy="true" />}>{children}</Suspense>;
}

export const ListRoute = () => (
  <Loading>
    <AgreementsPage />
  </Loading>
);

/** What a bare GET /me said: let in, refused (a 4xx: the sign-in pages), or unknown (the gate asks again and says why). */
type Probe = { kind: 'admitted' } | { kind: 'refused'; status: number } | { kind: 'unknown' };

/**
 * Asks GET /me as the page starts, once per agreement and page, and reads
 * its status alone: a reader the server lets in gets the gate, the data
 * layer, the editor and the app's words at once, all in parallel (the gate's
 * own GET /me through the data layer takes this same answer,
 * client/earlyFetch.ts); a refused reader gets only the sign-in page.
 */
const probes = new Map<string, Promise<Probe>>();
function probe(id: string): Promise<Probe> {
  let outcome = probes.get(id);
  if (!outcome) {
    outcome = earlyGet(`/api/agreements/${encodeURIComponent(id)}/me`).then(
      (answer): Probe =>
        answer.ok ? { kind: 'admitted' } : answer.status >= 400 && answer.status < 500 ? { kind: 'refused', status: answer.status } : { kind: 'unknown' },
      (): Probe => ({ kind: 'unknown' }),
    );
    void outcome.then((known) => {
      // The lazy imports meet any failure again.
      if (known.kind === 'refused') loadRefused().catch(() => undefined);
      else if (known.kind === 'admitted') loadOpenParts().catch(() => undefined);
      else for (const load of [loadGate, needWords.bind(null, 'app')]) load().catch(() => undefined);
    });
    probes.set(id, outcome);
  }
  return outcome;
}

/** What an admitted reader's page is made of, its chunks and words loaded. */
interface OpenParts {
  AccessGate: typeof import('./access/AccessGate').AccessGate;
  DataProvider: typeof import('./data/DataProvider').DataProvider;
  CollabEditor: typeof import('./editor/AgreementEditor').CollabEditor;
}
let openParts: Promise<OpenParts> | null = null;
function loadOpenParts(): Promise<OpenParts> {
  if (!openParts) {
    openParts = Promise.all([loadGate(), loadEditor(), needWords('app')]).then(([[{ AccessGate }, { DataProvider }], { CollabEditor }]) => {
      // The side column and dialogs next, in idle time (client/deferred.tsx).
      void import('./deferred').then((deferred) => deferred.preloadDeferred());
      return { AccessGate, DataProvider, CollabEditor };
    });
    openParts.catch(() => (openParts = null)); // the lazy route below meets the failure again
  }
  return openParts;
}

export function AgreementRoute({ id }: { id: string }) {
  const [known, setKnown] = useState<Probe | null>(null);
  const [parts, setParts] = useState<OpenParts | null>(null);
  useEffect(() => {
    let live = true;
    void probe(id).then(async (outcome) => {
      const loaded = outcome.kind === 'admitted' ? await loadOpenParts().catch(() => null) : null;
      if (!live) return;
      setParts(loaded);
      setKnown(outcome);
    });
    return () => {
      live = false;
    };
  }, [id]);
  if (!known) return <main className="page narrow muted" aria-busy="true" />;
  if (parts) {
    // Rendered as they are, not through lazy() and Suspense: React holds back content revealed
    // after a fallback for up to 300 ms, which the gate and then the editor would each wait.
    const { AccessGate: Gate, DataProvider, CollabEditor: Editor } = parts;
    return (
      <RequireWords area="app">
        <DataProvider>
          <Gate id={id}>
            <Editor id={id} />
          </Gate>
        </DataProvider>
      </RequireWords>
    );
  }
  if (known.kind === 'refused') {
    return (
      <Loading>
        <AccessRefused id={id} status={known.status} revoked={false} />
      </Loading>
    );
  }
  return (
    <Loading>
      <AccessGate id={id}>
        <Loading>
          <CollabEditor id={id} />
        </Loading>
      </AccessGate>
    </Loading>
  );
}

export const VerifyRoute = () => (
  <Loading>
    <VerifyPage />
  </Loading>
);

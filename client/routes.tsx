import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import type { Route } from './router';

/**
 * Each page is its own chunk, loaded when its route is first shown, so a
 * page only downloads what it renders: /verify needs neither the editor nor
 * the data layer, the list page no editor. The data layer (TanStack Query,
 * and zod through the REST client) comes with the pages that fetch, loaded
 * beside the page rather than after it. Sizes per route: bench/pageload.ts;
 * the budget: test/client/bundleBudget.test.ts.
 */
function withData<P extends object>(page: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [{ DataProvider }, Page] = await Promise.all([import('./data/DataProvider'), page()]);
    return {
      default: (props: P) => (
        <DataProvider>
          <Page {...props} />
        </DataProvider>
      ),
    };
  });
}

const loadList = () => import('./pages/AgreementsPage');
const loadGate = () => Promise.all([import('./access/AccessGate'), import('./data/DataProvider')]);
const loadVerify = () => import('./signing/VerifyPage');

const AgreementsPage = withData(async () => (await loadList()).AgreementsPage);
// The gate (GET /me, and the "open your personal link" pages) is small; the editor is fetched once it lets the reader in.
const AccessGate = withData(async () => (await loadGate())[0].AccessGate);
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
  const load = { list: loadList, agreement: loadGate, verify: loadVerify, notFound: null }[route.name];
  load?.().catch(() => undefined); // the route's own import meets the failure again
  if (route.name === 'agreement') preloadEditorIfAdmitted(route.id);
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

/**
 * Fetches the editor's code beside the gate's instead of after it, but only
 * for a reader the server will let in: a bare GET /me, asked once per
 * agreement and page, whose status alone is read (the gate asks again
 * through the data layer for the session itself). A refused reader (the
 * sign-in pages) never downloads the editor.
 */
const probed = new Set<string>();
function preloadEditorIfAdmitted(id: string): void {
  if (probed.has(id)) return;
  probed.add(id);
  fetch(`/api/agreements/${encodeURIComponent(id)}/me`, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((response) => {
      if (response.ok) void loadEditor().catch(() => undefined); // the lazy import meets any failure again
    })
    .catch(() => undefined);
}

export function AgreementRoute({ id }: { id: string }) {
  useEffect(() => preloadEditorIfAdmitted(id), [id]);
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

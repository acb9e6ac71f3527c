import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';

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

const AgreementsPage = withData(async () => (await import('./pages/AgreementsPage')).AgreementsPage);
// The gate (GET /me, and the "open your personal link" pages) is small; the editor is fetched once it lets the reader in.
const AccessGate = withData(async () => (await import('./access/AccessGate')).AccessGate);
const loadEditor = () => import('./editor/AgreementEditor');
const CollabEditor = lazy(async () => {
  const { CollabEditor } = await loadEditor();
  // The side column and dialogs next, in idle time (client/deferred.tsx).
  (await import('./deferred')).preloadDeferred();
  return { default: CollabEditor };
});
const VerifyPage = lazy(async () => ({ default: (await import('./signing/VerifyPage')).VerifyPage }));

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
 * for a reader the server will let in: a bare GET /me, asked at once, whose
 * status alone is read (the gate asks again through the data layer for the
 * session itself). A refused reader (the sign-in pages) never downloads the
 * editor.
 */
function usePreloadEditorIfAdmitted(id: string): void {
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/agreements/${encodeURIComponent(id)}/me`, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: controller.signal })
      .then((response) => {
        if (response.ok) void loadEditor().catch(() => undefined); // the lazy import meets any failure again
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [id]);
}

export function AgreementRoute({ id }: { id: string }) {
  usePreloadEditorIfAdmitted(id);
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

/**
 * What each page of the client loads at once when it opens
 * (client/routes.tsx), and what it imports once it is open: read by the
 * build, which puts what a page loads first in few scripts
 * (tools/vite/pageChunks.ts), and by the page sizes the budget and the
 * benchmark report (bench/bundleSizes.ts). Paths from the repository root.
 */
export const PAGE_PARTS = {
  // The gate (the session through the data layer) and the editor, fetched together once GET /me lets the reader in.
  agreement: ['client/access/AccessGate.tsx', 'client/data/DataProvider.tsx', 'client/editor/AgreementEditor.tsx'],
  list: ['client/pages/AgreementsPage.tsx', 'client/data/DataProvider.tsx'],
  // The agreement route answered 4xx by GET /me.
  signIn: ['client/access/AccessRefused.tsx'],
  verify: ['client/signing/VerifyPage.tsx'],
} as const;

/** Imported once the page is usable: the agreement page's side column and dialogs. */
export const PAGE_LATER: Partial<Record<keyof typeof PAGE_PARTS, readonly string[]>> = {
  agreement: ['client/deferred.tsx'],
};

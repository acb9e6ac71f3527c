/**
 * The name of the IndexedDB copy of an agreement on this device, one per
 * participant: what one person typed offline is only ever sent again by a
 * session of that same person (the server would refuse it from anyone else:
 * its client ids are bound to them, close 4409).
 */
export const localCopyName = (agreementId: string, participantId: string): string => `entente:${agreementId}:${participantId}`;

/** Forgets every copy of the agreement on this device (no access any more), including the one from before copies were per participant. */
export async function forgetLocalCopies(agreementId: string): Promise<void> {
  const names = new Set([`entente:${agreementId}`]);
  try {
    for (const db of await indexedDB.databases()) if (db.name?.startsWith(`entente:${agreementId}:`)) names.add(db.name);
  } catch {
    // No listing here: the shared copy is still forgotten.
  }
  for (const name of names) {
    try {
      indexedDB.deleteDatabase(name);
    } catch {
      // IndexedDB unavailable: nothing was stored.
    }
  }
}

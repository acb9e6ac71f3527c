/**
 * A suggestion id: random, so two people suggesting at once never reuse one
 * (the library's default counts up from the highest id in the document,
 * which two clients reach at the same time).
 */
export function randomId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

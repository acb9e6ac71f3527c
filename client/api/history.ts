/** The drafting history: versions, comparisons and redlines (server/routes/history.ts). */
import { ComparisonSchema, HistoryEntryViewSchema, HistoryListSchema } from '../../shared/historyViews';
import { failureOf, get, json, request, under } from './http';

/** The drafting history (server/routes/history.ts). */
export const listHistory = (id: string, signal?: AbortSignal) => get(under(id, '/history'), HistoryListSchema, signal);
export const nameVersion = (id: string, name: string) => request(under(id, '/history'), HistoryEntryViewSchema, json('POST', { name }));
export const restoreVersion = (id: string, vid: string, section?: string) =>
  request(under(id, `/history/${vid}/restore`), HistoryEntryViewSchema, json('POST', section === undefined ? {} : { section }));
export const compareVersions = (id: string, from: string, to: string, signal?: AbortSignal) =>
  get(under(id, `/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`), ComparisonSchema, signal);
/** A comparison as a redline to download (insertions underlined, deletions struck through). */
export const redlineUrl = (id: string, from: string, to: string, format: 'pdf' | 'docx'): string =>
  under(id, `/compare.${format}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
/** A version's Yjs state (a full update), to open it read-only. */
export async function getVersionState(id: string, vid: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(under(id, `/history/${vid}/state`), { credentials: 'same-origin', signal });
  if (!response.ok) throw failureOf(response.status, await response.json().catch(() => null));
  return new Uint8Array(await response.arrayBuffer());
}

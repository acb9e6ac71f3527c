import type { Db } from '../store/db';
import type { Version } from '../store/versions';

/** A row of `agreement_links`: what a draft was opened from (an amendment, a renewal) or an expiry decision. */
export interface LinkRow {
  /** The signed version the new draft was prefilled from (of the source, or of one of its signed amendments). */
  source_version_id: string;
  source_id: string;
  kind: 'amendment' | 'renewal' | 'expire';
  target_id: string | null;
  created_at: string;
}

export interface LinkLookup {
  /** The rows whose source is `id`, oldest first. */
  from(id: string): LinkRow[];
  /** The row that opened `id`, if any. */
  to(id: string): LinkRow | undefined;
}

/**
 * The original agreement an agreement's chain hangs from: itself, unless it
 * is an amendment, then the original its amendments amend. An amendment of
 * an amendment amends the same original (its row names the original); older
 * rows named the amendment, so this walks up.
 */
export function rootOf(links: LinkLookup, id: string): string {
  const seen = new Set<string>([id]);
  let at = id;
  for (let up = links.to(at); up?.kind === 'amendment' && !seen.has(up.source_id); up = links.to(at)) {
    at = up.source_id;
    seen.add(at);
  }
  return at;
}

/** Every amendment of the chain hanging from `root`, opened first first (older rows' amendments of amendments included). */
export function amendmentRows(links: LinkLookup, root: string): LinkRow[] {
  const out: LinkRow[] = [];
  const seen = new Set<string>([root]);
  const queue = [root];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const row of links.from(at)) {
      if (row.kind !== 'amendment' || !row.target_id || seen.has(row.target_id)) continue;
      seen.add(row.target_id);
      out.push(row);
      queue.push(row.target_id);
    }
  }
  return out.sort((a, b) => a.created_at.localeCompare(b.created_at));
}

/** The lookup over the `agreement_links` table. */
export function dbLinkLookup(db: Db): LinkLookup {
  const from = db.prepare<[string], LinkRow>('SELECT * FROM agreement_links WHERE source_id = ? ORDER BY created_at, rowid');
  const to = db.prepare<[string], LinkRow>('SELECT * FROM agreement_links WHERE target_id = ? LIMIT 1');
  return { from: (id) => from.all(id), to: (id) => to.get(id) };
}

/**
 * The agreement as it stands: the latest signed among `original` (the
 * chain's original's version) and the current versions of its signed
 * amendments; null when none is signed.
 */
export function latestSigned(links: LinkLookup, current: (id: string) => Version | undefined, root: string, original: Version | undefined): Version | null {
  let latest: Version | null = original?.status === 'signed' && original.signedAt ? original : null;
  for (const row of amendmentRows(links, root)) {
    const v = row.target_id ? current(row.target_id) : undefined;
    if (v?.status === 'signed' && v.signedAt && (!latest || v.signedAt >= latest.signedAt!)) latest = v;
  }
  return latest;
}

import type * as Y from 'yjs';
import { META, PARTY_IDS, PARTY_PREFIX, getMeta, partiesOf } from '../../../shared/schema';
import type { NewRun } from './analyse';

/**
 * The few values of a document the sync layer shows without a reader asking:
 * the title (for the agreement list) and the parties' names (stamped on
 * presence). Read from a copy of the document (Room.read) only when an
 * update touched where they live, then kept.
 */
export class DocFacts {
  private title: string | null = null;
  private partyNames: Map<string, string> | null = null;

  constructor(private readonly read: <T>(fn: (doc: Y.Doc) => T) => T) {}

  /** New runs were taken in: forget what they may have changed. */
  touched(runs: readonly NewRun[]): void {
    for (const { root } of runs) {
      if (root === META) this.title = null;
      else if (root === PARTY_IDS || root?.startsWith(PARTY_PREFIX)) this.partyNames = null;
    }
  }

  /** Reads both while a copy is at hand (at load), so that presence and the list need none later. */
  prime(): void {
    this.titleOf();
    this.partyName('');
  }

  titleOf(): string {
    this.title ??= this.read((doc) => {
      const title = getMeta(doc).get('title');
      return typeof title === 'string' ? title : '';
    });
    return this.title;
  }

  /** The party's legal name, '' if it has none or is not in the agreement. */
  partyName(partyId: string): string {
    this.partyNames ??= this.read((doc) => {
      const names = new Map<string, string>();
      for (const { id, map } of partiesOf(doc)) {
        const name = map.get('legalName');
        names.set(id, typeof name === 'string' ? name : '');
      }
      return names;
    });
    return this.partyNames.get(partyId) ?? '';
  }
}

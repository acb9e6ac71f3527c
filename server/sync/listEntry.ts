import type { AgreementStore } from '../store/agreements';
import type { Room } from './room';

/**
 * Keeps the agreement list's title and "last edited" current from a room's
 * edits: written at most every few seconds per agreement, and once more when
 * the room unloads.
 */
export class ListEntry {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly agreements: AgreementStore,
    private readonly log: (message: string) => void,
  ) {}

  /** The room's document was edited. */
  edited(room: Room): void {
    const now = Date.now();
    if (now - (this.written.get(room.id) ?? 0) < 2000) return;
    this.written.set(room.id, now);
    setImmediate(() => this.write(room));
  }

  /** The room unloads: its latest title is written if it was edited while loaded. */
  unloaded(room: Room): void {
    if (this.written.has(room.id)) this.write(room);
    this.written.delete(room.id);
  }

  private write(room: Room): void {
    try {
      this.agreements.touch(room.id, room.facts.titleOf());
    } catch (error) {
      this.log(`updating ${room.id} in the list failed: ${String(error)}`);
    }
  }
}

import { todayOn, isoOn, type Clock } from './clock';
import { dueEvents, type DueEvent } from './dueEvents';
import type { AfterSigningService, SignedState } from './service';
import type { LifecycleStore } from './store';
import type { VersionStore } from '../store/versions';

/** How often the scheduler looks at most (and always just after each UTC midnight: events are by the day). */
export const SCHEDULER_INTERVAL_MS = 6 * 60 * 60_000;

export interface SchedulerDeps {
  store: LifecycleStore;
  service: AfterSigningService;
  versions: Pick<VersionStore, 'get'>;
  clock: Clock;
  log: (message: string) => void;
  /** Runs once per event, after it was marked done in the same process turn. */
  handlers: ((event: DueEvent, state: SignedState) => void)[];
}

/**
 * Dated events of signed agreements (their end, reminders), each handled
 * exactly once: the event is marked in `lifecycle_events` first (a row
 * that another run already wrote means it was handled), and what it causes
 * — an audit entry, notifications into the outbox — is written in that
 * same transaction, so a restart neither loses nor repeats one. Runs at
 * start, then after each UTC midnight (and every six hours) on the injected clock.
 */
export class LifecycleScheduler {
  private timer: unknown;
  private stopped = false;

  constructor(private readonly d: SchedulerDeps) {}

  start(): void {
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.d.clock.clearTimeout(this.timer);
  }

  /** Handles everything due as of now; returns what it handled (tests read it). */
  runDue(): DueEvent[] {
    const today = todayOn(this.d.clock);
    const handled: DueEvent[] = [];
    for (const versionId of this.d.store.signedVersionIds()) {
      const version = this.d.versions.get(versionId);
      const state = version && this.d.service.stateOf(version, today);
      // Only the agreement's current signed version counts (a later one replaces it), and an
      // amendment's version lives its original's life: that one is handled once, under its own id.
      if (!state || state.version.id !== versionId) continue;
      const reviewMeetings = this.d.store.reviewMeetings(version.agreementId);
      for (const event of dueEvents(state, today, reviewMeetings)) {
        if (this.d.store.isDone(versionId, event.kind, event.on)) continue;
        try {
          const first = this.d.store.transaction(() => {
            if (!this.d.store.markDone(versionId, event.kind, event.on, isoOn(this.d.clock))) return false;
            for (const handle of this.d.handlers) handle(event, state);
            return true;
          });
          if (first) handled.push(event);
        } catch (error) {
          // Not marked (the transaction rolled back): tried again at the next run.
          this.d.log(`lifecycle ${event.kind} ${event.on} of version ${versionId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
    }
    return handled;
  }

  private tick(): void {
    if (this.stopped) return;
    try {
      this.runDue();
    } catch (error) {
      this.d.log(`lifecycle scheduler: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const now = this.d.clock.now();
    const nextMidnight = Math.ceil((now + 1) / 86_400_000) * 86_400_000;
    this.timer = this.d.clock.setTimeout(() => this.tick(), Math.min(SCHEDULER_INTERVAL_MS, nextMidnight - now + 1000));
  }
}

/**
 * The server's clock for everything dated after signing (the phase of an
 * agreement, notice, reminders). Injected through the services so tests
 * move time forward to a review date or a notice's effective day instead of
 * waiting; the same shape as the drafting history's clock, so one clock can
 * drive both.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending reminder must never keep a stopping process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Today (UTC) on a clock, as YYYY-MM-DD. */
export const todayOn = (clock: Pick<Clock, 'now'>): string => new Date(clock.now()).toISOString().slice(0, 10);
export const isoOn = (clock: Pick<Clock, 'now'>): string => new Date(clock.now()).toISOString();

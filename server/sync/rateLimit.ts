/**
 * A token bucket: it holds up to `capacity` tokens, refills continuously at
 * `ratePerSecond`, and each message takes one. A fixed one-second window
 * cannot tell a flood from a client whose socket survived a network outage:
 * that client sent each keystroke while the link was down, and TCP delivers
 * them all at once when it comes back. The bucket lets such a burst through
 * and still holds any sender to the sustained rate.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly ratePerSecond: number,
    /** Milliseconds on a clock that never goes back (injectable for tests). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `cost` tokens: false (nothing taken) when the bucket holds fewer. */
  take(cost = 1): boolean {
    const t = this.now();
    // A clock that went back gives nothing and takes nothing.
    const elapsed = Math.max(0, t - this.last);
    this.last = Math.max(this.last, t);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.ratePerSecond);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

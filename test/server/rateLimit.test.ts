import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/sync/rateLimit';
import { LIMITS } from '../../shared/closeCodes';

/** A bucket on a clock the test moves by hand. */
function bucket(capacity: number, rate: number): { b: TokenBucket; advance(ms: number): void } {
  let now = 1_000;
  return { b: new TokenBucket(capacity, rate, () => now), advance: (ms) => (now += ms) };
}

/** How many of `count` messages sent back to back (no time passing) get through. */
function admitted(b: TokenBucket, count: number): number {
  let ok = 0;
  for (let i = 0; i < count; i++) if (b.take()) ok++;
  return ok;
}

describe('token bucket', () => {
  it('an expensive message takes its cost, and is refused whole when the bucket holds less', () => {
    const { b, advance } = bucket(250, 100);
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(false);
    expect(admitted(b, 60)).toBe(50);
    advance(1000);
    expect(b.take(100)).toBe(true);
  });

  it('lets a full burst through at once, and not one message more', () => {
    const { b } = bucket(500, 200);
    expect(admitted(b, 500)).toBe(500);
    expect(b.take()).toBe(false);
  });

  it('refills at the sustained rate', () => {
    const { b, advance } = bucket(500, 200);
    admitted(b, 500);
    advance(100); // 0.1 s at 200/s: 20 tokens
    expect(admitted(b, 30)).toBe(20);
    advance(4); // less than a whole token
    expect(b.take()).toBe(false);
    advance(1);
    expect(b.take()).toBe(true);
  });

  it('never holds more than its capacity, however long it was idle', () => {
    const { b, advance } = bucket(500, 200);
    advance(3_600_000);
    expect(admitted(b, 1000)).toBe(500);
  });

  it('a sender at the sustained rate is never refused', () => {
    const { b, advance } = bucket(50, 200);
    for (let i = 0; i < 20_000; i++) {
      expect(b.take()).toBe(true);
      advance(5); // exactly 200 per second
    }
  });

  it('a sender above the rate is refused once the burst is spent', () => {
    const { b, advance } = bucket(500, 200);
    // 400/s against a 200/s refill drains 200 tokens a second: the 500 last 2.5 s.
    let sent = 0;
    while (b.take()) {
      sent++;
      advance(2.5);
    }
    expect(sent * 2.5).toBeGreaterThan(2400);
    expect(sent * 2.5).toBeLessThan(2600);
  });

  it('a clock that goes back neither adds nor removes tokens', () => {
    const { b, advance } = bucket(10, 200);
    admitted(b, 10);
    advance(-10_000);
    expect(b.take()).toBe(false);
    advance(10_000); // back where it was: still nothing earned
    expect(b.take()).toBe(false);
    advance(5);
    expect(b.take()).toBe(true);
  });

  it('the sync limits hold a socket that was half-open through its whole timeout at key-repeat speed', () => {
    // Measured in Chromium: each keystroke in the editor sends 2 frames (the update and the caret's
    // awareness). y-websocket drops a socket that received nothing for 30 s (checked every 3 s), so a
    // socket that stayed open through an outage holds at most ~33 s of them; key repeat is ~30 keys/s.
    const worstBurst = 33 * 30 * 2;
    const { b } = bucket(LIMITS.messageBurst, LIMITS.maxMessagesPerSecond);
    expect(admitted(b, worstBurst)).toBe(worstBurst);
  });
});

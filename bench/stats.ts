/**
 * Latency histogram with logarithmic buckets (1 % relative precision from 1 µs
 * to about 60 s). Recording is O(1) and allocation-free, histograms from
 * several load processes merge exactly, and percentiles are read from the
 * merged counts.
 */

const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 2048;

export interface HistogramData {
  /** Sparse bucket counts: [bucket index, count]. */
  buckets: Array<[number, number]>;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  const i = Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

/** Upper bound of a bucket, in ms. */
function bucketUpperMs(i: number): number {
  return MIN_MS * Math.pow(GROWTH, i);
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  record(ms: number): void {
    const i = bucketOf(ms);
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.count += 1;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  merge(data: HistogramData): void {
    for (const [i, n] of data.buckets) {
      if (i < 0 || i >= BUCKETS) continue;
      this.counts[i] = (this.counts[i] ?? 0) + n;
    }
    this.count += data.count;
    this.sum += data.sum;
    if (data.count > 0) {
      if (data.min < this.min) this.min = data.min;
      if (data.max > this.max) this.max = data.max;
    }
  }

  toData(): HistogramData {
    const buckets: Array<[number, number]> = [];
    this.counts.forEach((n, i) => {
      if (n > 0) buckets.push([i, n]);
    });
    return { buckets, count: this.count, sum: this.sum, min: this.min, max: this.max };
  }

  /** Value at quantile q (0..1): the upper bound of the bucket holding it, capped at max. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) return Math.min(bucketUpperMs(i), this.max);
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      meanMs: this.count > 0 ? this.sum / this.count : Number.NaN,
      p50Ms: this.quantile(0.5),
      p90Ms: this.quantile(0.9),
      p99Ms: this.quantile(0.99),
      p999Ms: this.quantile(0.999),
      maxMs: this.count > 0 ? this.max : Number.NaN,
    };
  }
}

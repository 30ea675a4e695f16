// A latency histogram with logarithmic buckets (1% wide), so hundreds of thousands of samples per worker cost a few
// kilobytes, can be sent over IPC as plain JSON and merged; percentiles are within 1% of the exact value.
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
// Samples are milliseconds; below 1 µs everything shares bucket 0.
const MIN_MS = 0.001;

export class Histogram {
  constructor() {
    this.buckets = new Map();
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  record(ms) {
    const v = Math.max(ms, MIN_MS);
    const idx = Math.floor(Math.log(v / MIN_MS) / LOG_GROWTH);
    this.buckets.set(idx, (this.buckets.get(idx) ?? 0) + 1);
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other) {
    for (const [idx, n] of other.buckets) this.buckets.set(idx, (this.buckets.get(idx) ?? 0) + n);
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** The upper edge of the bucket holding the q-quantile (0 < q ≤ 1), in ms; never above the true maximum. */
  quantile(q) {
    if (this.count === 0) return null;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (const idx of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(idx);
      if (seen >= rank) return Math.min(MIN_MS * GROWTH ** (idx + 1), this.max);
    }
    return this.max;
  }

  summary() {
    const r = (v) => (v === null ? null : Math.round(v * 100) / 100);
    return {
      count: this.count,
      meanMs: this.count ? r(this.sum / this.count) : null,
      p50Ms: r(this.quantile(0.5)),
      p95Ms: r(this.quantile(0.95)),
      p99Ms: r(this.quantile(0.99)),
      maxMs: r(this.count ? this.max : null),
    };
  }

  toJSON() {
    return { buckets: [...this.buckets], count: this.count, sum: this.sum, max: this.max };
  }

  static fromJSON(json) {
    const h = new Histogram();
    h.buckets = new Map(json.buckets);
    h.count = json.count;
    h.sum = json.sum;
    h.max = json.max;
    return h;
  }
}

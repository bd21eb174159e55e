import { LogHistogram } from '../engine/histogram';
import type { SimComponent, Simulation } from '../engine/simulation';
import type { Counters } from './counters';
import type { LatencySink } from './client';

/** One row per simulated second; rates are in full-system units (the sample scaled by S). */
export interface SeriesRow {
  /** End of the second (s). */
  t: number;
  /** Client requests arriving per second. */
  arrivals: number;
  /** Attempts sent per second (first tries + retries): the offered load. */
  offered: number;
  /** Attempt responses produced per second, success or error, in time or late. */
  throughput: number;
  /** Successful client requests delivered before the client's timeout, per second. */
  goodput: number;
  /** 99th percentile latency of that second's successes (s); null when there were none. */
  p99: number | null;
  /** Failed / (completed + failed) client requests that second (0 when none finished). */
  errorRate: number;
  /** Client requests in flight at the end of the second. */
  inFlight: number;
}

/**
 * Latency histograms and the per-second series. Rows already emitted are never rewritten; at most
 * `maxRows` are kept (older ones are dropped from the front, and `rowsSince` says where it starts).
 */
export class Recorder implements SimComponent, LatencySink {
  readonly all = new LogHistogram(7);
  private readonly second = new LogHistogram(6);
  private readonly rows: SeriesRow[] = [];
  /** Absolute index of rows[0]. */
  private dropped = 0;
  private readonly target: number;
  private last = { arrivals: 0, attempts: 0, responses: 0, completed: 0, failed: 0 };

  constructor(
    private readonly sim: Simulation,
    private readonly counters: Counters,
    private readonly scale: number,
    private readonly maxRows = 86_400,
  ) {
    this.target = sim.register(this);
    sim.schedule(1, this.target, 0);
  }

  success(latencyS: number): void {
    this.all.record(latencyS);
    this.second.record(latencyS);
  }

  onEvent(_data: number): void {
    const c = this.counters;
    const s = this.scale;
    const done = c.completed - this.last.completed;
    const failed = c.failed - this.last.failed;
    this.rows.push({
      t: Math.round(this.sim.now),
      arrivals: (c.arrivals - this.last.arrivals) * s,
      offered: (c.attempts - this.last.attempts) * s,
      throughput: (c.responses - this.last.responses) * s,
      goodput: done * s,
      p99: this.second.count > 0 ? this.second.quantile(0.99) : null,
      errorRate: done + failed > 0 ? failed / (done + failed) : 0,
      inFlight: (c.arrivals - c.completed - c.failed) * s,
    });
    if (this.rows.length > this.maxRows) {
      this.rows.shift();
      this.dropped++;
    }
    this.second.reset();
    this.last = {
      arrivals: c.arrivals,
      attempts: c.attempts,
      responses: c.responses,
      completed: c.completed,
      failed: c.failed,
    };
    this.sim.schedule(1, this.target, 0);
  }

  /** Rows from absolute index `i` on (rows older than the kept window are gone). */
  rowsSince(i: number): { from: number; rows: SeriesRow[] } {
    const from = Math.max(i, this.dropped);
    return { from, rows: this.rows.slice(from - this.dropped) };
  }

  get rowCount(): number {
    return this.dropped + this.rows.length;
  }
}

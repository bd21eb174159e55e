import type { SimComponent, Simulation } from './simulation';
import type { Station } from './station';

/**
 * How a column is turned into a per-interval value:
 * - level: the instantaneous value at the snapshot (a count, a queue length);
 * - rate: `read` returns a cumulative counter; the value is its increase per second;
 * - average: `read` returns a cumulative time integral; the value is the exact time average of the
 *   signal over the interval.
 */
export type ColumnKind = 'level' | 'rate' | 'average';

export interface SnapshotColumn {
  name: string;
  kind: ColumnKind;
  read: (now: number) => number;
}

/** A finished time series: times[i] is the end of interval i, each interval `intervalS` long. */
export interface TimeSeriesData {
  intervalS: number;
  times: number[];
  columns: Record<string, number[]>;
}

/**
 * Records a row every `intervalS` of simulated time with bounded memory: when `maxPoints` rows are
 * stored, neighbouring rows are merged pairwise (levels keep the later row; rates and averages are
 * averaged, exact since both intervals have equal length) and the interval doubles. A run of any
 * length therefore keeps between maxPoints/2 and maxPoints evenly spaced rows.
 */
export class Snapshotter implements SimComponent {
  private readonly sim: Simulation;
  private readonly target: number;
  private readonly columns: readonly SnapshotColumn[];
  private readonly maxPoints: number;
  private readonly times: Float64Array;
  private readonly values: Float64Array[];
  private readonly lastCumulative: Float64Array;
  private lastT: number;
  private interval: number;
  private count = 0;

  constructor(
    sim: Simulation,
    options: { intervalS: number; columns: readonly SnapshotColumn[]; maxPoints?: number },
  ) {
    const { intervalS, columns, maxPoints = 1024 } = options;
    if (!(intervalS > 0 && intervalS < Infinity))
      throw new RangeError(`intervalS must be > 0, got ${intervalS}`);
    if (!(Number.isInteger(maxPoints) && maxPoints >= 4 && maxPoints % 2 === 0)) {
      throw new RangeError(`maxPoints must be an even integer >= 4, got ${maxPoints}`);
    }
    this.sim = sim;
    this.columns = columns;
    this.maxPoints = maxPoints;
    this.interval = intervalS;
    this.times = new Float64Array(maxPoints);
    this.values = columns.map(() => new Float64Array(maxPoints));
    this.lastCumulative = Float64Array.from(columns, (c) =>
      c.kind === 'level' ? 0 : c.read(sim.now),
    );
    this.lastT = sim.now;
    this.target = sim.register(this);
    sim.schedule(intervalS, this.target, 0);
  }

  get intervalS(): number {
    return this.interval;
  }
  get length(): number {
    return this.count;
  }

  onEvent(_data: number): void {
    const now = this.sim.now;
    const row = this.count++;
    const span = now - this.lastT;
    this.times[row] = now;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      const v = column.read(now);
      if (column.kind === 'level') {
        this.values[c][row] = v;
      } else {
        this.values[c][row] = (v - this.lastCumulative[c]) / span;
        this.lastCumulative[c] = v;
      }
    }
    this.lastT = now;
    // Decimate as soon as the buffer is full, before scheduling the next row, so every stored row
    // spans the same interval.
    if (this.count === this.maxPoints) this.decimate();
    this.sim.schedule(this.interval, this.target, 0);
  }

  /** Values of one column (a copy), oldest first. */
  column(name: string): Float64Array {
    const c = this.columns.findIndex((col) => col.name === name);
    if (c < 0) throw new RangeError(`no snapshot column ${name}`);
    return this.values[c].slice(0, this.count);
  }

  timesS(): Float64Array {
    return this.times.slice(0, this.count);
  }

  toJSON(): TimeSeriesData {
    const columns: Record<string, number[]> = {};
    this.columns.forEach(
      (col, c) => (columns[col.name] = Array.from(this.values[c].subarray(0, this.count))),
    );
    return {
      intervalS: this.interval,
      times: Array.from(this.times.subarray(0, this.count)),
      columns,
    };
  }

  private decimate(): void {
    const half = this.maxPoints / 2;
    for (let i = 0; i < half; i++) {
      this.times[i] = this.times[2 * i + 1];
      for (let c = 0; c < this.columns.length; c++) {
        const v = this.values[c];
        v[i] = this.columns[c].kind === 'level' ? v[2 * i + 1] : (v[2 * i] + v[2 * i + 1]) / 2;
      }
    }
    this.count = half;
    this.interval *= 2;
  }
}

/** The standard columns for a station; names are prefixed with `prefix`. */
export function stationColumns(station: Station, prefix = ''): SnapshotColumn[] {
  return [
    { name: `${prefix}arrived`, kind: 'level', read: () => station.arrived },
    { name: `${prefix}completed`, kind: 'level', read: () => station.completed },
    { name: `${prefix}dropped`, kind: 'level', read: () => station.dropped },
    { name: `${prefix}inSystem`, kind: 'level', read: () => station.inSystem },
    { name: `${prefix}inQueue`, kind: 'level', read: () => station.inQueue },
    { name: `${prefix}arrivalRate`, kind: 'rate', read: () => station.arrived },
    { name: `${prefix}throughput`, kind: 'rate', read: () => station.completed },
    { name: `${prefix}meanInSystem`, kind: 'average', read: (now) => station.inSystemArea(now) },
    {
      name: `${prefix}utilization`,
      kind: 'average',
      read: (now) => station.busyArea(now) / station.servers,
    },
  ];
}

import { poissonArrivals } from './arrivals';
import { Deterministic, Exponential } from './distributions';
import { rngStream } from './rng';
import { Simulation } from './simulation';
import { Snapshotter, stationColumns, type TimeSeriesData } from './snapshots';
import { Station } from './station';
import { seriesBatchInterval, type ConfidenceInterval } from './stats';

/** One M/M/c or M/D/c(/K) run: Poisson arrivals into one FIFO station. Rates per second. */
export interface QueueRunParams {
  arrivalRate: number;
  serviceRate: number;
  servers: number;
  service: 'exp' | 'det';
  /** Measured customers (after warm-up); the run stops when they have all left or been dropped. */
  customers: number;
  /** Customers simulated first and discarded. */
  warmup: number;
  seed: number;
  /** Optional system capacity K (drops beyond it). */
  capacity?: number;
  /** Include the snapshot time series in the result. */
  includeSeries?: boolean;
}

export interface QueueRunResult {
  completed: number;
  dropped: number;
  meanWait: number;
  meanSojourn: number;
  p50Sojourn: number;
  p90Sojourn: number;
  p99Sojourn: number;
  p99Wait: number;
  /** Fraction of measured customers who had to queue. */
  probWait: number;
  /** Fraction of measured arrivals dropped (capacity). */
  dropRate: number;
  /** Time-average busy fraction of the servers over the measurement window. */
  utilization: number;
  /** Time-average number in system (L) and in queue (Lq). */
  meanInSystem: number;
  meanInQueue: number;
  /** Measured arrivals per simulated second. */
  arrivalRateObserved: number;
  /** Events processed (heap pops). */
  events: number;
  /** Simulated seconds, total and in the measurement window. */
  simulatedS: number;
  measuredS: number;
  /** 95% batch-means intervals. */
  ci: {
    meanWait: ConfidenceInterval;
    meanSojourn: ConfidenceInterval;
    meanInSystem: ConfidenceInterval;
    utilization: ConfidenceInterval;
  };
  series?: TimeSeriesData;
}

/** Snapshot rows kept for the time series (and the batch-means interval of L). */
const SNAPSHOT_POINTS = 1024;

export function runQueue(params: QueueRunParams): QueueRunResult {
  const { arrivalRate, serviceRate, servers, customers, warmup, seed } = params;
  const sim = new Simulation();
  const service =
    params.service === 'exp' ? new Exponential(serviceRate) : new Deterministic(1 / serviceRate);
  const station = new Station(sim, {
    servers,
    service,
    rng: rngStream(seed, 'station/service'),
    capacity: params.capacity,
    warmupCustomers: warmup,
  });
  poissonArrivals(sim, arrivalRate, { sink: station, rng: rngStream(seed, 'source/arrivals') });
  // About SNAPSHOT_POINTS/2 rows over the expected run length; decimation keeps it bounded anyway.
  const expectedS = (customers + warmup) / arrivalRate;
  const snapshots = new Snapshotter(sim, {
    intervalS: (2 * expectedS) / SNAPSHOT_POINTS,
    columns: stationColumns(station),
    maxPoints: SNAPSHOT_POINTS,
  });
  const done = () => {
    if (station.measuredCompleted + station.measuredDropped >= customers) sim.stop();
  };
  station.onDepart = done;
  station.onDrop = done;
  sim.run();

  const now = sim.now;
  const measuredS = now - station.measureStartS;
  const series = snapshots.toJSON();
  // Time averages (L, utilization): batch means over the per-interval averages recorded after
  // warm-up; the point estimates are the exact averages over the whole measurement window.
  const firstMeasured = series.times.findIndex(
    (t) => t - snapshots.intervalS >= station.measureStartS,
  );
  const measuredRows = (column: string) =>
    firstMeasured < 0 ? [] : series.columns[column].slice(firstMeasured);
  const meanInSystem = station.meanInSystem(now);
  const utilization = station.utilization(now);
  return {
    completed: station.measuredCompleted,
    dropped: station.measuredDropped,
    meanWait: station.waits.mean,
    meanSojourn: station.sojourns.mean,
    p50Sojourn: station.sojourns.quantile(0.5),
    p90Sojourn: station.sojourns.quantile(0.9),
    p99Sojourn: station.sojourns.quantile(0.99),
    p99Wait: station.waits.quantile(0.99),
    probWait: station.measuredWaited / station.waits.count,
    dropRate: station.measuredDropped / station.measuredArrived,
    utilization,
    meanInSystem,
    meanInQueue: station.meanInQueue(now),
    arrivalRateObserved: station.measuredArrived / measuredS,
    events: sim.events,
    simulatedS: now,
    measuredS,
    ci: {
      meanWait: station.waitBatches.interval(),
      meanSojourn: station.sojournBatches.interval(),
      meanInSystem: { ...seriesBatchInterval(measuredRows('meanInSystem')), mean: meanInSystem },
      utilization: { ...seriesBatchInterval(measuredRows('utilization')), mean: utilization },
    },
    ...(params.includeSeries ? { series } : {}),
  };
}

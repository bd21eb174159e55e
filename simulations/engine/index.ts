// Public surface of the engine. Model code imports from '@/simulations/engine'.
export { EventHeap, type EventHandle } from './heap';
export { XStateClock, type XStateClockLike } from './xstateClock';
export { Simulation, type SimComponent } from './simulation';
export { Rng, RngStreams, rngStream, fnv1a64, splitMix64 } from './rng';
export * from './distributions';
export { TruncatedNormal, truncatedStandardMoments } from './truncatedNormal';
export {
  DistributionSpecSchema,
  makeDistribution,
  type DistributionSpec,
} from './distributionSpec';
export { LogHistogram } from './histogram';
export {
  BatchMeans,
  TimeWeighted,
  tInterval,
  seriesBatchInterval,
  type ConfidenceInterval,
} from './stats';
export { Station, type Sink, type CustomerHook, type StationOptions } from './station';
export * from './profiles';
export * from './arrivals';
export {
  Snapshotter,
  stationColumns,
  type SnapshotColumn,
  type ColumnKind,
  type TimeSeriesData,
} from './snapshots';
export * from './theory';
export { runQueue, type QueueRunParams, type QueueRunResult } from './queueRun';
export { normalCdf, normalQuantile, studentTQuantile } from './special';
export { RequestPool, FLAG_CHILD_FAILED, FLAG_MISS, FLAG_ROOT } from './requestPool';
export { FifoTimers } from './fifoTimers';
export { AliasTable, zipfTable } from './alias';

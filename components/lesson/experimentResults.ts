/**
 * Experiment results: how a measured number travels from a widget to the `<Predict>` that asked
 * the reader to guess it, without the lesson wiring anything.
 *
 * A lesson writes, declaratively and in any order on the page:
 *
 *   <Predict id="n-plus-one-count" measure="n-plus-one.before-queries" question="…" kind="number" />
 *   <QueryLab lab="n-plus-one" />
 *
 * The widget, after each run, publishes what it measured under a key from MEASUREMENTS below:
 *
 *   usePublishResults({ 'n-plus-one.before-queries': 1001 });   // from a React widget, or
 *   publishResult('n-plus-one.before-queries', 1001);           // from anywhere in the page
 *
 * and every `<Predict measure="…">` on the page shows guess vs result. To make a new measurement
 * predictable: add its key here (the build then accepts it in `measure=`), publish it from the
 * widget when a run finishes, and place a `<Predict>` before the widget in the lesson.
 *
 * The store lives in page memory only (a result belongs to this page view's run); Predict copies
 * the result next to the reader's stored guess. Pure TypeScript: no React, no DOM.
 */

export type MeasurementSpec =
  | { kind: 'number'; unit: string; label: string }
  | { kind: 'choice'; values: readonly string[]; label: string };

/** Every measurement a widget can publish. Keys: `<widget>.<what>`. */
export const MEASUREMENTS = {
  'n-plus-one.before-queries': {
    kind: 'number',
    unit: 'queries',
    label: 'queries sent by the Before (N+1) code',
  },
  'n-plus-one.after-queries': {
    kind: 'number',
    unit: 'queries',
    label: 'queries sent by the After (JOIN) code',
  },
  'n-plus-one.before-ms': {
    kind: 'number',
    unit: 'ms',
    label: 'end-to-end time of the Before (N+1) code',
  },
  'n-plus-one-scaling.join-growth': {
    kind: 'number',
    unit: '×',
    label: 'time of the JOIN at the largest page ÷ time at 1,000 users',
  },
  'measure.bottleneck': {
    kind: 'choice',
    values: [
      'GET /channels',
      'GET /inbox',
      'GET /channels/:id/messages',
      'POST /messages',
      'GET /search',
    ],
    label: 'endpoint with the largest share of database time',
  },
  'measure.bottleneck-share': {
    kind: 'number',
    unit: '%',
    label: 'share of database time of the top endpoint',
  },
  'indexing.rows-read-without-index': {
    kind: 'number',
    unit: 'rows',
    label: 'rows Postgres read for the channel view without an index',
  },
  'indexing.rows-read-with-index': {
    kind: 'number',
    unit: 'rows',
    label: 'rows Postgres read for the channel view with the index',
  },
  'caching.ttl-hit-ratio': {
    kind: 'number',
    unit: '%',
    label: 'share of reads the TTL cache answered (at the TTL set in the lab)',
  },
  'replica-lag.vanished': {
    kind: 'number',
    unit: 'times',
    label: 'times a user reloaded and their own message was gone (every read from the replica)',
  },
  'lost-update.lost': {
    kind: 'number',
    unit: 'increments',
    label: 'increments lost by the naive read-modify-write',
  },
} as const satisfies Record<string, MeasurementSpec>;

export type MeasurementKey = keyof typeof MEASUREMENTS;
export type ResultValue = number | string;

export interface ExperimentResult {
  value: ResultValue;
  /** Increases with every publish on this page, so a re-run with the same value still counts. */
  seq: number;
}

export function isMeasurementKey(key: string): key is MeasurementKey {
  return Object.prototype.hasOwnProperty.call(MEASUREMENTS, key);
}

const results = new Map<MeasurementKey, ExperimentResult>();
const listeners = new Map<MeasurementKey, Set<() => void>>();
let seq = 0;

/**
 * Publishes a measured value. Values that do not fit the measurement (a NaN, a choice the
 * measurement does not list) are dropped: a widget bug must not corrupt a reader's record.
 */
export function publishResult(key: MeasurementKey, value: ResultValue): boolean {
  const spec: MeasurementSpec = MEASUREMENTS[key];
  const ok =
    spec.kind === 'number'
      ? typeof value === 'number' && Number.isFinite(value)
      : typeof value === 'string' && spec.values.includes(value);
  if (!ok) return false;
  seq += 1;
  results.set(key, { value, seq });
  for (const listener of listeners.get(key) ?? []) listener();
  return true;
}

export function resultSnapshot(key: MeasurementKey): ExperimentResult | undefined {
  return results.get(key);
}

export function subscribeResult(key: MeasurementKey, listener: () => void): () => void {
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Test helper: forget every result (a fresh page). */
export function clearResults(): void {
  results.clear();
}

/** Publishes several measurements of one run. */
export function publishResults(values: Partial<Record<MeasurementKey, ResultValue>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (isMeasurementKey(key) && value !== undefined) publishResult(key, value);
  }
}

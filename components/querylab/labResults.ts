import type { MeasurementKey, ResultValue } from '@/components/lesson/experimentResults';
import type { PlanNode } from '@/lib/db/explain';
import type { CachingLabResult } from '@/lib/db/labs/caching';
import type { IndexLabResult } from '@/lib/db/labs/indexing';
import type { MeasureLabResult } from '@/lib/db/labs/measure';
import type { UserCodeResult } from '@/lib/db/usercode-types';
import type { ScalingPoint } from './ScalingChart';

/**
 * What each query lab publishes for <Predict> after a run (components/lesson/experimentResults.ts
 * explains the flow). Pure mappings from a lab's result to measurement values.
 */
type Published = Partial<Record<MeasurementKey, ResultValue>>;

export function nPlusOneResults(before: UserCodeResult, after: UserCodeResult): Published {
  return {
    'n-plus-one.before-queries': before.summary.queries,
    'n-plus-one.after-queries': after.summary.queries,
    'n-plus-one.before-ms': Math.round(before.summary.totalMs),
  };
}

/** JOIN time at 10,000 users ÷ at 1,000 users, once the sweep has measured both sizes. */
export function scalingResults(points: readonly ScalingPoint[]): Published {
  const at = (users: number) =>
    points.find((p) => p.users === users && p.strategy === 'join')?.totalMs;
  const small = at(1000);
  const large = at(10_000);
  if (small === undefined || large === undefined || small <= 0) return {};
  return { 'n-plus-one-scaling.join-growth': Math.round((large / small) * 10) / 10 };
}

export function measureResults(r: MeasureLabResult): Published {
  const base = r.runs.baseline;
  if (!base) return {};
  return {
    'measure.bottleneck': base.bottleneck,
    'measure.bottleneck-share': Math.round((base.endpoints[0]?.share ?? 0) * 100),
  };
}

/** Rows the plan's scans read: what they returned plus what their filters threw away, per loop. */
export function rowsReadByScans(node: PlanNode): number {
  const own = /Scan$/.test(node.nodeType)
    ? (node.actualRows + (node.rowsRemovedByFilter ?? 0)) * Math.max(node.actualLoops, 1)
    : 0;
  return node.children.reduce((sum, child) => sum + rowsReadByScans(child), own);
}

export function indexingResults(r: IndexLabResult): Published {
  if (!r.lookup) return {};
  return {
    'indexing.rows-read-without-index': rowsReadByScans(r.lookup.withoutIndex.explain.plan),
    'indexing.rows-read-with-index': rowsReadByScans(r.lookup.withIndex.explain.plan),
  };
}

export function cachingResults(r: CachingLabResult): Published {
  const ttl = r.runs.ttl;
  return ttl ? { 'caching.ttl-hit-ratio': Math.round(ttl.hitRatio * 100) } : {};
}

import { describe, expect, it } from 'vitest';
import type { PlanNode } from '@/lib/db/explain';
import { rowsReadByScans, scalingResults } from '@/components/querylab/labResults';

function node(
  nodeType: string,
  extra: Partial<PlanNode> = {},
  children: PlanNode[] = [],
): PlanNode {
  return {
    nodeType,
    planRows: 0,
    actualRows: 0,
    actualLoops: 1,
    actualTotalMs: 0,
    totalCost: 0,
    children,
    ...extra,
  };
}

describe('lab results for <Predict>', () => {
  it('should count the rows a sequential scan read, kept and filtered out', () => {
    const plan = node('Limit', { actualRows: 50 }, [
      node('Sort', { actualRows: 50 }, [
        node('Seq Scan', { actualRows: 3593, rowsRemovedByFilter: 196_407 }),
      ]),
    ]);
    expect(rowsReadByScans(plan)).toBe(200_000);
  });

  it('should count an index scan by the rows it returned, per loop', () => {
    expect(rowsReadByScans(node('Limit', {}, [node('Index Scan', { actualRows: 50 })]))).toBe(50);
    expect(rowsReadByScans(node('Index Scan', { actualRows: 2, actualLoops: 3 }))).toBe(6);
  });

  it('should publish the JOIN growth only once both sizes are measured', () => {
    const p = (users: number, totalMs: number) =>
      ({ users, strategy: 'join', queries: 1, totalMs, dbMs: totalMs }) as const;
    expect(scalingResults([p(1000, 10)])).toEqual({});
    expect(scalingResults([p(1000, 10), p(10_000, 93)])).toEqual({
      'n-plus-one-scaling.join-growth': 9.3,
    });
  });
});

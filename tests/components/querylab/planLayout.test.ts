import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  flattenPlan,
  layoutPlan,
  PLAN_NODE_HEIGHT,
  PLAN_NODE_WIDTH,
  planNodeTypes,
  type PlanNodeView,
} from '@/components/querylab/planLayout';

const leaf = (nodeType: string): PlanNodeView => ({ nodeType, children: [] });

const nodeTypeArb = fc.constantFrom('Limit', 'Sort', 'Seq Scan', 'Index Scan', 'Hash Join', 'Hash');

/** Plans up to `depth` levels deep with at most two children per node (≤ 31 nodes). */
function planArb(depth: number): fc.Arbitrary<PlanNodeView> {
  const children: fc.Arbitrary<PlanNodeView[]> =
    depth === 0 ? fc.constant([]) : fc.array(planArb(depth - 1), { maxLength: 2 });
  return fc.record({ nodeType: nodeTypeArb, children });
}

describe('layoutPlan', () => {
  it('should put the root on top and children one level lower', () => {
    const plan: PlanNodeView = {
      nodeType: 'Limit',
      children: [{ nodeType: 'Sort', children: [leaf('Seq Scan')] }],
    };
    const { nodes, links } = layoutPlan(plan);
    expect(nodes.map((n) => n.node.nodeType)).toEqual(['Limit', 'Sort', 'Seq Scan']);
    expect(nodes[0].y).toBeLessThan(nodes[1].y);
    expect(nodes[1].y).toBeLessThan(nodes[2].y);
    expect(links).toHaveLength(2);
  });

  it('should keep every node inside the drawing and never overlap two nodes', () => {
    fc.assert(
      fc.property(planArb(4), (plan) => {
        const { nodes, width, height } = layoutPlan(plan);
        for (const n of nodes) {
          expect(n.x).toBeGreaterThanOrEqual(0);
          expect(n.y).toBeGreaterThanOrEqual(0);
          expect(n.x + PLAN_NODE_WIDTH).toBeLessThanOrEqual(width + 1e-6);
          expect(n.y + PLAN_NODE_HEIGHT).toBeLessThanOrEqual(height + 1e-6);
        }
        for (let i = 0; i < nodes.length; i++) {
          for (let j = i + 1; j < nodes.length; j++) {
            const a = nodes[i];
            const b = nodes[j];
            const apart =
              a.x + PLAN_NODE_WIDTH <= b.x + 1e-6 ||
              b.x + PLAN_NODE_WIDTH <= a.x + 1e-6 ||
              a.y + PLAN_NODE_HEIGHT <= b.y + 1e-6 ||
              b.y + PLAN_NODE_HEIGHT <= a.y + 1e-6;
            expect(apart).toBe(true);
          }
        }
      }),
    );
  });
});

describe('flattenPlan', () => {
  it('should list nodes in pre-order with depths', () => {
    const plan: PlanNodeView = {
      nodeType: 'Hash Join',
      children: [leaf('Seq Scan'), { nodeType: 'Hash', children: [leaf('Index Scan')] }],
    };
    expect(flattenPlan(plan).map((f) => [f.node.nodeType, f.depth])).toEqual([
      ['Hash Join', 0],
      ['Seq Scan', 1],
      ['Hash', 1],
      ['Index Scan', 2],
    ]);
    expect(planNodeTypes(plan)).toEqual(['Hash Join', 'Seq Scan', 'Hash', 'Index Scan']);
  });
});

import { hierarchy, linkVertical, tree } from 'd3';

/** One node of a query plan, as the plan tree draws it (from EXPLAIN (ANALYZE, FORMAT JSON)). */
export interface PlanNodeView {
  nodeType: string;
  /** "on messages", "using messages_channel_id_idx" — what the node reads. */
  detail?: string;
  /** Rows the node actually returned (per loop × loops), when ANALYZE ran. */
  actualRows?: number;
  /** Rows the planner expected: a big gap between the two is worth a look. */
  planRows?: number;
  /** Actual total time of the node including its children, ms (per loop × loops). */
  totalMs?: number;
  /** Rows the node read and threw away (Rows Removed by Filter × loops): the hidden work. */
  removedRows?: number;
  /** Postgres' own conditions, e.g. "(channel_id = 10)", shown in the text version. */
  indexCond?: string;
  filter?: string;
  children: PlanNodeView[];
}

export interface PlacedPlanNode {
  node: PlanNodeView;
  /** Top-left corner in SVG user units. */
  x: number;
  y: number;
  depth: number;
}

export interface PlanLayout {
  nodes: PlacedPlanNode[];
  /** SVG path `d` strings from each parent's bottom edge to each child's top edge. */
  links: string[];
  width: number;
  height: number;
}

export const PLAN_NODE_WIDTH = 220;
export const PLAN_NODE_HEIGHT = 74;
const GAP_X = 16;
const GAP_Y = 34;
const PAD = 4;

/**
 * Tidy tree layout (Reingold–Tilford via d3.tree) with the root on top, so data flows upwards the
 * way Postgres executes a plan: leaves scan, parents combine. Pure: returns coordinates, no DOM.
 */
export function layoutPlan(root: PlanNodeView): PlanLayout {
  const h = hierarchy(root, (d) => d.children);
  const laidOut = tree<PlanNodeView>().nodeSize([
    PLAN_NODE_WIDTH + GAP_X,
    PLAN_NODE_HEIGHT + GAP_Y,
  ])(h);
  const all = laidOut.descendants();
  const minX = Math.min(...all.map((d) => d.x));
  const maxX = Math.max(...all.map((d) => d.x));
  const maxY = Math.max(...all.map((d) => d.y));
  // d3 puts node centres at (x, y); shift so the left-most box starts at PAD.
  const left = (d: { x: number }) => d.x - minX + PAD;
  const nodes = all.map((d) => ({ node: d.data, x: left(d), y: d.y + PAD, depth: d.depth }));
  const link = linkVertical<
    { source: [number, number]; target: [number, number] },
    [number, number]
  >();
  const links = laidOut.links().map(
    (l) =>
      link({
        source: [left(l.source) + PLAN_NODE_WIDTH / 2, l.source.y + PAD + PLAN_NODE_HEIGHT],
        target: [left(l.target) + PLAN_NODE_WIDTH / 2, l.target.y + PAD],
      }) ?? '',
  );
  return {
    nodes,
    links,
    width: maxX - minX + PLAN_NODE_WIDTH + 2 * PAD,
    height: maxY + PLAN_NODE_HEIGHT + 2 * PAD,
  };
}

/** Nodes in pre-order (root first) with their depth: the order of the plan's text alternative. */
export function flattenPlan(root: PlanNodeView): { node: PlanNodeView; depth: number }[] {
  const out: { node: PlanNodeView; depth: number }[] = [];
  const walk = (n: PlanNodeView, depth: number) => {
    out.push({ node: n, depth });
    n.children.forEach((c) => walk(c, depth + 1));
  };
  walk(root, 0);
  return out;
}

/** Node types of the plan in pre-order, e.g. ["Limit", "Sort", "Seq Scan"]. */
export function planNodeTypes(root: PlanNodeView): string[] {
  return flattenPlan(root).map((f) => f.node.nodeType);
}

'use client';

import type { PlanNode } from '@/lib/db/explain';
import { formatCount, formatMs } from '@/lib/format';
import {
  flattenPlan,
  layoutPlan,
  PLAN_NODE_HEIGHT,
  PLAN_NODE_WIDTH,
  type PlanNodeView,
} from './planLayout';

/** EXPLAIN's per-loop numbers → totals over all loops (what the node really cost). */
export function toPlanView(node: PlanNode): PlanNodeView {
  const loops = Math.max(1, node.actualLoops);
  const detail = node.indexName
    ? `using ${node.indexName}${node.relationName ? ` on ${node.relationName}` : ''}`
    : node.relationName
      ? `on ${node.relationName}`
      : (node.sortMethod ?? undefined);
  return {
    nodeType: node.nodeType,
    detail,
    actualRows: node.actualRows * loops,
    planRows: node.planRows,
    totalMs: node.actualTotalMs * loops,
    indexCond: node.indexCond,
    filter: node.filter,
    removedRows:
      node.rowsRemovedByFilter !== undefined ? node.rowsRemovedByFilter * loops : undefined,
    children: node.children.map(toPlanView),
  };
}

function nodeClass(type: string): string {
  if (type === 'Seq Scan') return 'plan-node plan-node-scan';
  if (type.startsWith('Index') || type.startsWith('Bitmap')) return 'plan-node plan-node-index';
  return 'plan-node';
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A query plan as a tree (d3.tree computes the layout, React draws it): node type, what it reads,
 * rows out and inclusive time. Sequential scans get a red border and index scans a green one, and
 * the node type is always written out, so colour is never the only cue. A nested list below is the
 * text alternative.
 */
export function PlanTree({
  plan,
  label,
  testId,
}: {
  plan: PlanNode;
  label: string;
  testId?: string;
}) {
  const view = toPlanView(plan);
  const { nodes, links, width, height } = layoutPlan(view);
  const flat = flattenPlan(view);
  return (
    <figure className="querylab-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width }} aria-hidden="true">
        {links.map((d, i) => (
          <path key={i} d={d} className="plan-link" />
        ))}
        {nodes.map(({ node, x, y }, i) => (
          <g key={i} className={nodeClass(node.nodeType)} transform={`translate(${x},${y})`}>
            <rect width={PLAN_NODE_WIDTH} height={PLAN_NODE_HEIGHT} rx={8} />
            <text className="plan-node-type" x={10} y={19}>
              {cut(node.nodeType, 24)}
            </text>
            <text className="plan-node-detail" x={10} y={35}>
              {cut(node.detail ?? '', 32)}
            </text>
            <text className="plan-node-numbers" x={10} y={52}>
              {formatCount(node.actualRows ?? 0)} rows (est. {formatCount(node.planRows ?? 0)})
            </text>
            <text className="plan-node-numbers" x={10} y={67}>
              {formatMs(node.totalMs ?? 0)}
              {node.removedRows ? ` · ${formatCount(node.removedRows)} filtered out` : ''}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="querylab-chart-caption">
        {label}: {flat.map((f) => f.node.nodeType).join(' → ')}
      </figcaption>
      <details className="querylab-details">
        <summary>The plan as text</summary>
        <ul data-testid={testId ? `${testId}-text` : undefined}>
          {flat.map((f, i) => (
            <li key={i} style={{ marginLeft: `${f.depth * 1.2}rem` }}>
              <strong>{f.node.nodeType}</strong>
              {f.node.detail ? ` ${f.node.detail}` : ''}: {formatCount(f.node.actualRows ?? 0)} rows
              (planner expected {formatCount(f.node.planRows ?? 0)}),{' '}
              {formatMs(f.node.totalMs ?? 0)}
              {f.node.removedRows
                ? `, ${formatCount(f.node.removedRows)} rows read and filtered out`
                : ''}
              {f.node.indexCond ? `; index condition ${f.node.indexCond}` : ''}
              {f.node.filter ? `; filter ${f.node.filter}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

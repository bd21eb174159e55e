import { z } from 'zod';
import type { LoggedDb } from './querylog';

/** One node of an EXPLAIN (ANALYZE, FORMAT JSON) plan, with the fields the plan tree draws. */
export interface PlanNode {
  nodeType: string;
  /** For ModifyTable nodes: 'Insert' | 'Update' | 'Delete' | 'Merge'. */
  operation?: string;
  relationName?: string;
  indexName?: string;
  /** e.g. 'Backward' for an Index Scan read in descending order. */
  scanDirection?: string;
  /** Planner estimate vs what actually came out (per loop, as Postgres reports it). */
  planRows: number;
  actualRows: number;
  actualLoops: number;
  /** Inclusive time of this node and its children, per loop, in ms. */
  actualTotalMs: number;
  totalCost: number;
  filter?: string;
  indexCond?: string;
  rowsRemovedByFilter?: number;
  sortMethod?: string;
  children: PlanNode[];
}

export interface ExplainResult {
  plan: PlanNode;
  /** Pre-order list of node types, e.g. ['Limit', 'Sort', 'Seq Scan']. */
  nodeTypes: string[];
  planningMs: number;
  /** Postgres' own "Execution Time" (server side, excludes result transfer). */
  executionMs: number;
}

type RawNode = {
  'Node Type': string;
  Operation?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Plan Rows': number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Total Cost': number;
  Filter?: string;
  'Index Cond'?: string;
  'Rows Removed by Filter'?: number;
  'Sort Method'?: string;
  Plans?: RawNode[];
};

const rawNode: z.ZodType<RawNode> = z.lazy(() =>
  z.looseObject({
    'Node Type': z.string(),
    Operation: z.string().optional(),
    'Relation Name': z.string().optional(),
    'Index Name': z.string().optional(),
    'Scan Direction': z.string().optional(),
    'Plan Rows': z.number(),
    'Actual Rows': z.number().optional(),
    'Actual Loops': z.number().optional(),
    'Actual Total Time': z.number().optional(),
    'Total Cost': z.number(),
    Filter: z.string().optional(),
    'Index Cond': z.string().optional(),
    'Rows Removed by Filter': z.number().optional(),
    'Sort Method': z.string().optional(),
    Plans: z.array(rawNode).optional(),
  }),
);

const explainJson = z
  .array(
    z.looseObject({
      Plan: rawNode,
      'Planning Time': z.number().optional(),
      'Execution Time': z.number().optional(),
    }),
  )
  .min(1);

function toNode(raw: RawNode): PlanNode {
  const node: PlanNode = {
    nodeType: raw['Node Type'],
    planRows: raw['Plan Rows'],
    actualRows: raw['Actual Rows'] ?? 0,
    actualLoops: raw['Actual Loops'] ?? 0,
    actualTotalMs: raw['Actual Total Time'] ?? 0,
    totalCost: raw['Total Cost'],
    children: (raw.Plans ?? []).map(toNode),
  };
  if (raw.Operation !== undefined) node.operation = raw.Operation;
  if (raw['Relation Name'] !== undefined) node.relationName = raw['Relation Name'];
  if (raw['Index Name'] !== undefined) node.indexName = raw['Index Name'];
  if (raw['Scan Direction'] !== undefined) node.scanDirection = raw['Scan Direction'];
  if (raw.Filter !== undefined) node.filter = raw.Filter;
  if (raw['Index Cond'] !== undefined) node.indexCond = raw['Index Cond'];
  if (raw['Rows Removed by Filter'] !== undefined)
    node.rowsRemovedByFilter = raw['Rows Removed by Filter'];
  if (raw['Sort Method'] !== undefined) node.sortMethod = raw['Sort Method'];
  return node;
}

export function flattenNodeTypes(node: PlanNode): string[] {
  return [node.nodeType, ...node.children.flatMap(flattenNodeTypes)];
}

/** Every node of the tree, pre-order. */
export function flattenPlan(node: PlanNode): PlanNode[] {
  return [node, ...node.children.flatMap(flattenPlan)];
}

/** Parses the single `QUERY PLAN` value of EXPLAIN (FORMAT JSON) (already JSON-decoded by PGlite). */
export function parseExplain(value: unknown): ExplainResult {
  const parsed = explainJson.parse(typeof value === 'string' ? JSON.parse(value) : value)[0];
  if (!parsed) throw new Error('EXPLAIN returned no plan');
  const plan = toNode(parsed.Plan);
  return {
    plan,
    nodeTypes: flattenNodeTypes(plan),
    planningMs: parsed['Planning Time'] ?? 0,
    executionMs: parsed['Execution Time'] ?? 0,
  };
}

/**
 * Runs EXPLAIN (ANALYZE, FORMAT JSON) on one statement inside BEGIN … ROLLBACK: ANALYZE really
 * executes the statement, and explaining an INSERT or DELETE must not change the lab's data.
 */
export async function explainAnalyze(
  db: LoggedDb,
  sql: string,
  params: unknown[] = [],
  label?: string,
): Promise<ExplainResult> {
  const body = sql.trim().replace(/;\s*$/, '');
  await db.pg.exec('BEGIN');
  try {
    const res = await db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${body}`,
      params,
      label,
    );
    const first = res.rows[0];
    if (!first) throw new Error('EXPLAIN returned no rows');
    return parseExplain(first['QUERY PLAN']);
  } finally {
    await db.pg.exec('ROLLBACK');
  }
}

'use client';

import { scaleLinear } from 'd3';
import { useId, useRef } from 'react';
import type { QueryLogEntry } from '@/lib/db/querylog';
import {
  ChartPatterns,
  rttPatternId,
  TimeGrid,
  TimeLegend,
} from '@/components/charts/TimeChartParts';
import { formatCount, oneLineSql } from '@/lib/format';
import { useWidth } from '@/components/charts/useWidth';

const ROW_H = 16;
const BAR_H = 11;
const M = { top: 6, right: 12, bottom: 28, left: 52 };

type Timed = Pick<QueryLogEntry, 'seq' | 'sql' | 'startMs' | 'rttMs' | 'dbMs'>;

/**
 * The classic APM waterfall: one row per query, each starting when the previous one finished (the
 * staircase of awaited queries). Shows the first `maxRows`, numbered from the first query of the
 * request; the query log table lists them all.
 */
export function QueryWaterfall({
  queries,
  caption,
  maxRows = 24,
  testId,
}: {
  queries: readonly Timed[];
  caption: string;
  maxRows?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const uid = useId();
  const shown = queries.slice(0, maxRows);
  const origin = shown[0]?.startMs ?? 0;
  const endMs = Math.max(
    1e-3,
    ...shown.map((q) => q.startMs - origin + Math.max(0, q.rttMs) + Math.max(0, q.dbMs)),
  );
  const x = scaleLinear()
    .domain([0, endMs])
    .range([M.left, Math.max(M.left + 10, width - M.right)])
    .nice(4);
  const height = M.top + shown.length * ROW_H + M.bottom;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 110)));
  const more = queries.length - shown.length;
  return (
    <figure className="querylab-chart" ref={ref} data-testid={testId}>
      <svg width={width} height={height} aria-hidden="true">
        <ChartPatterns id={uid} />
        <TimeGrid ticks={ticks} x={x} top={M.top} bottom={height - M.bottom} />
        {shown.map((q, i) => {
          const y = M.top + i * ROW_H + (ROW_H - BAR_H) / 2;
          const start = q.startMs - origin;
          const rtt = Math.max(0, q.rttMs);
          const db = Math.max(0, q.dbMs);
          // A query must stay visible even when it is far below a pixel wide.
          const dbW = Math.max(1, x(start + rtt + db) - x(start + rtt));
          return (
            <g key={q.seq}>
              <text className="qchart-label" x={M.left - 6} y={y + BAR_H - 1} textAnchor="end">
                #{formatCount(i + 1)}
              </text>
              {rtt > 0 && (
                <rect
                  x={x(start)}
                  y={y}
                  width={Math.max(0.5, x(start + rtt) - x(start))}
                  height={BAR_H}
                  fill={`url(#${rttPatternId(uid)})`}
                />
              )}
              <rect x={x(start + rtt)} y={y} width={dbW} height={BAR_H} className="qchart-db">
                <title>{oneLineSql(q.sql, 120)}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <TimeLegend id={uid} />
      <figcaption className="querylab-chart-caption">
        {caption}
        {more > 0
          ? ` The first ${shown.length} of ${formatCount(queries.length)} queries are drawn; the log lists every one.`
          : ''}
      </figcaption>
    </figure>
  );
}

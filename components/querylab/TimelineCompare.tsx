'use client';

import { scaleLinear } from 'd3';
import { useId, useRef } from 'react';
import {
  ChartPatterns,
  rttPatternId,
  TimeGrid,
  TimeLegend,
} from '@/components/charts/TimeChartParts';
import { formatMs, plural } from '@/lib/format';
import { useWidth } from '@/components/charts/useWidth';
import {
  groupSegments,
  segmentsPath,
  sequentialSegments,
  totalsOf,
  type TimedQuery,
} from './waterfall';

export interface TimelineRow {
  label: string;
  queries: readonly TimedQuery[];
}

const ROW_H = 44;
const BAR_H = 18;
const M = { top: 4, right: 12, bottom: 30, left: 8 };

/**
 * Every query of each strategy laid end to end on ONE time axis: the N+1 bar is a thousand thin
 * slices, the JOIN a single sliver. d3 computes the scale; React draws two paths per row however
 * many queries there are (waterfall.ts groups sub-pixel slices).
 */
export function TimelineCompare({ rows, caption }: { rows: TimelineRow[]; caption: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const uid = useId();
  const data = rows.map((r) => {
    const segs = sequentialSegments(r.queries);
    return { ...r, segs, totals: totalsOf(r.queries) };
  });
  const maxMs = Math.max(1e-3, ...data.map((d) => d.totals.totalMs));
  const x = scaleLinear()
    .domain([0, maxMs])
    .range([M.left, Math.max(M.left + 10, width - M.right)])
    .nice(5);
  const msPerPx = (x.domain()[1] - x.domain()[0]) / (x.range()[1] - x.range()[0]);
  const height = M.top + rows.length * ROW_H + M.bottom;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 110)));
  const summary = data
    .map(
      (d) =>
        `${d.label}: ${plural(d.totals.queries, 'query', 'queries')}, ${formatMs(d.totals.totalMs)} (database ${formatMs(d.totals.dbMs)}, network ${formatMs(d.totals.rttMs)})`,
    )
    .join('; ');
  return (
    <figure className="querylab-chart" ref={ref} data-testid="querylab-timeline">
      <svg width={width} height={height} aria-hidden="true">
        <ChartPatterns id={uid} />
        <TimeGrid ticks={ticks} x={x} top={M.top} bottom={height - M.bottom} />
        {data.map((d, i) => {
          const y = M.top + i * ROW_H;
          const grouped = groupSegments(d.segs, msPerPx);
          const label = `${d.label}: ${plural(d.totals.queries, 'query', 'queries')}, ${formatMs(d.totals.totalMs)}`;
          return (
            <g key={d.label}>
              <path
                d={segmentsPath(grouped, 'rtt', x, y + 18, BAR_H)}
                fill={`url(#${rttPatternId(uid)})`}
              />
              <path d={segmentsPath(grouped, 'db', x, y + 18, BAR_H)} className="qchart-db" />
              <text className="qchart-label-strong" x={M.left} y={y + 13}>
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <TimeLegend id={uid} />
      <figcaption className="querylab-chart-caption">
        {caption}. {summary}.
      </figcaption>
    </figure>
  );
}

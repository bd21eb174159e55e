'use client';

import {
  line,
  scaleLinear,
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
} from 'd3';
import { useRef } from 'react';
import type { NPlusOneStrategy } from '@/lib/db/labs/nplusone';
import { formatCount, formatMs } from '@/lib/format';
import { useWidth } from '@/components/charts/useWidth';

export interface ScalingPoint {
  users: number;
  strategy: NPlusOneStrategy;
  queries: number;
  totalMs: number;
  dbMs: number;
}

export const STRATEGY_NAMES: Record<NPlusOneStrategy, string> = {
  nPlusOne: 'N+1 (Before)',
  join: 'JOIN (After)',
  jsonAgg: 'json_agg',
  batched: 'Batched (2 queries)',
};

/** Colour, dash and marker per strategy: three cues, so the lines differ without colour too. */
const STYLE: Record<
  NPlusOneStrategy,
  { color: string; dash?: string; shape: typeof symbolCircle }
> = {
  nPlusOne: { color: 'var(--chart-2)', shape: symbolCircle },
  join: { color: 'var(--chart-1)', dash: '7 4', shape: symbolSquare },
  jsonAgg: { color: 'var(--chart-3)', dash: '2 3', shape: symbolTriangle },
  batched: { color: 'var(--chart-4)', dash: '10 3 2 3', shape: symbolDiamond },
};

const ORDER: NPlusOneStrategy[] = ['nPlusOne', 'join', 'jsonAgg', 'batched'];
const H = 220;
const M = { top: 12, right: 16, bottom: 36, left: 56 };

/**
 * Users (x) against queries or time (y), linear axes so "grows in proportion" reads as a straight
 * rising line and "stays flat" as a flat one. Points come from real runs (ScalingLab).
 */
export function ScalingChart({
  points,
  metric,
}: {
  points: readonly ScalingPoint[];
  metric: 'queries' | 'totalMs';
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const value = (p: ScalingPoint) => (metric === 'queries' ? p.queries : p.totalMs);
  const x = scaleLinear()
    .domain([0, Math.max(100, ...points.map((p) => p.users))])
    .range([M.left, Math.max(M.left + 20, width - M.right)])
    .nice();
  const y = scaleLinear()
    .domain([0, Math.max(metric === 'queries' ? 10 : 1, ...points.map(value))])
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<ScalingPoint>()
    .x((p) => x(p.users))
    .y((p) => y(value(p)));
  const fmt = metric === 'queries' ? formatCount : formatMs;
  const title = metric === 'queries' ? 'Queries per page load' : 'Time per page load';
  return (
    <figure className="querylab-chart" ref={ref}>
      <svg width={width} height={H} aria-hidden="true">
        {y.ticks(5).map((t) => (
          <g key={`y${t}`} className="qchart-grid">
            <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {fmt(t)}
            </text>
          </g>
        ))}
        {x.ticks(Math.max(2, Math.floor(width / 90))).map((t) => (
          <g key={`x${t}`} className="qchart-grid">
            <text x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        <text
          className="qchart-label"
          x={(M.left + width - M.right) / 2}
          y={H - 4}
          textAnchor="middle"
        >
          Users on the page
        </text>
        {ORDER.map((s) => {
          const series = points.filter((p) => p.strategy === s).sort((a, b) => a.users - b.users);
          const st = STYLE[s];
          const marker = symbol(st.shape, 48)() ?? '';
          return (
            <g key={s}>
              <path
                d={path(series) ?? ''}
                fill="none"
                stroke={st.color}
                strokeWidth={2.5}
                strokeDasharray={st.dash}
              />
              {series.map((p) => (
                <path
                  key={p.users}
                  d={marker}
                  transform={`translate(${x(p.users)},${y(value(p))})`}
                  fill={st.color}
                />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="querylab-chart-caption">{title}</figcaption>
    </figure>
  );
}

/** Legend shared by the two charts. */
export function ScalingLegend() {
  return (
    <ul className="qchart-legend">
      {ORDER.map((s) => (
        <li key={s}>
          <svg width="30" height="12" aria-hidden="true">
            <line
              x1="0"
              x2="30"
              y1="6"
              y2="6"
              stroke={STYLE[s].color}
              strokeWidth="2.5"
              strokeDasharray={STYLE[s].dash}
            />
            <path
              d={symbol(STYLE[s].shape, 40)() ?? ''}
              transform="translate(15,6)"
              fill={STYLE[s].color}
            />
          </svg>
          {STRATEGY_NAMES[s]}
        </li>
      ))}
    </ul>
  );
}

'use client';

import { scaleLinear } from 'd3';
import { useRef } from 'react';
import type { CacheEvent } from '@/lib/db/labs/caching';
import { useWidth } from '@/components/charts/useWidth';

export interface CacheRow {
  label: string;
  events: readonly CacheEvent[];
}

const ROW_H = 46;
const M = { top: 4, right: 10, bottom: 28, left: 8 };

/**
 * Requests over (logical) time, one row per strategy: a thin vertical line for each write, a hollow
 * circle for each cache miss (a trip to Postgres), a cross for each stale read. Fresh hits draw
 * nothing, so the empty stretches ARE the cache working. Shapes differ, not only colours.
 */
export function CacheTimeline({ rows, caption }: { rows: readonly CacheRow[]; caption: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const endMs = Math.max(1, ...rows.flatMap((r) => r.events.map((e) => e.tMs)));
  const x = scaleLinear()
    .domain([0, endMs])
    .range([M.left, Math.max(M.left + 10, width - M.right)]);
  const height = M.top + rows.length * ROW_H + M.bottom;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 100)));
  return (
    <figure className="querylab-chart" ref={ref} data-testid="querylab-cache-timeline">
      <svg width={width} height={height} aria-hidden="true">
        {ticks.map((t) => (
          <g key={t} className="qchart-grid">
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={height - M.bottom} />
            <text x={x(t)} y={height - M.bottom + 16} textAnchor="middle">
              {`${Number((t / 1000).toFixed(1))} s`}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = M.top + i * ROW_H;
          const mid = y + 30;
          return (
            <g key={r.label}>
              <text className="qchart-label-strong" x={M.left} y={y + 12}>
                {r.label}
              </text>
              {r.events.map((e, j) => {
                const cx = x(e.tMs);
                if (e.kind === 'write') {
                  return (
                    <line
                      key={j}
                      x1={cx}
                      x2={cx}
                      y1={mid - 9}
                      y2={mid + 9}
                      className="qchart-write"
                    />
                  );
                }
                if (e.stale) {
                  return (
                    <path
                      key={j}
                      d={`M${cx - 4},${mid - 4}l8,8m0,-8l-8,8`}
                      className="qchart-stale"
                    />
                  );
                }
                if (!e.hit) {
                  return <circle key={j} cx={cx} cy={mid} r={3.2} className="qchart-miss" />;
                }
                return null;
              })}
            </g>
          );
        })}
      </svg>
      <ul className="qchart-legend">
        <li>
          <svg width="12" height="18" aria-hidden="true">
            <line x1="6" x2="6" y1="0" y2="18" className="qchart-write" />
          </svg>
          A write (new message)
        </li>
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="3.2" className="qchart-miss" />
          </svg>
          Cache miss: read from Postgres
        </li>
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <path d="M2,2l8,8m0,-8l-8,8" className="qchart-stale" />
          </svg>
          Stale read: the cache served an old value
        </li>
      </ul>
      <figcaption className="querylab-chart-caption">{caption}</figcaption>
    </figure>
  );
}

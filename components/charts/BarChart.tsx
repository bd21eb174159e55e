'use client';

import { scaleLinear } from 'd3';
import { useRef } from 'react';
import { useWidth } from './useWidth';
import './chartParts.css';

export interface Bar {
  label: string;
  /** Extra words after the label, dropped when the chart is too narrow for them. */
  detail?: string;
  value: number;
  /** Text drawn after the bar, e.g. "1,234 ms (62%)". */
  valueLabel: string;
  /** Marks the bar the reader should notice (drawn in the accent colour, label in bold). */
  highlight?: boolean;
}

/** Average glyph width of 12 px system-ui text, bold included (measured ≈ 6–7 px). */
const CHAR_PX = 7;

/** The label, with its detail if the whole line fits, else cut with an ellipsis. */
export function fitLabel(bar: Pick<Bar, 'label' | 'detail'>, widthPx: number): string {
  const max = Math.max(4, Math.floor(widthPx / CHAR_PX));
  const full = bar.detail ? `${bar.label} · ${bar.detail}` : bar.label;
  if (full.length <= max) return full;
  return bar.label.length <= max ? bar.label : `${bar.label.slice(0, max - 1)}…`;
}

const ROW_H = 40;
const BAR_H = 14;
const M = { top: 4, right: 8, bottom: 4, left: 4 };

/**
 * Horizontal bars with the label above each bar and the value after it (so long labels never
 * collide on a phone). The visible caption carries the numbers, as the text alternative.
 */
export function BarChart({
  bars,
  caption,
  testId,
}: {
  bars: readonly Bar[];
  caption: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  // Leave room after the longest bar for its value label (~7 px per character at 12 px).
  const labelRoom = Math.min(
    width * 0.45,
    12 + 7 * Math.max(...bars.map((b) => b.valueLabel.length)),
  );
  const x = scaleLinear()
    .domain([0, max])
    .range([M.left, Math.max(M.left + 20, width - M.right - labelRoom)]);
  const height = M.top + bars.length * ROW_H + M.bottom;
  return (
    <figure className="querylab-chart" ref={ref} data-testid={testId}>
      <svg width={width} height={height} aria-hidden="true">
        {bars.map((b, i) => {
          const y = M.top + i * ROW_H;
          const w = Math.max(1, x(b.value) - x(0));
          return (
            <g key={b.label}>
              <text
                className={b.highlight ? 'qchart-label-strong' : 'qchart-label'}
                x={M.left}
                y={y + 13}
              >
                {fitLabel(b, width - M.left - M.right)}
              </text>
              <rect
                x={x(0)}
                y={y + 19}
                width={w}
                height={BAR_H}
                rx={2}
                className={b.highlight ? 'qchart-rtt' : 'qchart-db'}
              />
              <text className="qchart-label" x={x(0) + w + 6} y={y + 30}>
                {b.valueLabel}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="querylab-chart-caption">{caption}</figcaption>
    </figure>
  );
}

import { formatMs } from '@/lib/format';
import './chartParts.css';

/**
 * Shared SVG fills: database time is solid, network time is hatched, so the two differ by shape as
 * well as colour (WCAG 1.4.1, no information by colour alone).
 */
export function rttPatternId(base: string): string {
  return `rtt-${base.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export function ChartPatterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={rttPatternId(id)}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="qchart-rtt" opacity="0.35" />
        <rect width="3" height="6" className="qchart-rtt" />
      </pattern>
    </defs>
  );
}

/** Legend swatches matching the fills above. */
export function TimeLegend({ id }: { id: string }) {
  return (
    <ul className="qchart-legend">
      <li>
        <svg width="18" height="12" aria-hidden="true">
          <rect width="18" height="12" className="qchart-db" />
        </svg>
        Database time (measured)
      </li>
      <li>
        <svg width="18" height="12" aria-hidden="true">
          <ChartPatterns id={`${id}-legend`} />
          <rect width="18" height="12" fill={`url(#${rttPatternId(`${id}-legend`)})`} />
        </svg>
        Network round trips (simulated)
      </li>
    </ul>
  );
}

/** Vertical grid lines with millisecond labels under the plot, shared by the time charts. */
export function TimeGrid({
  ticks,
  x,
  top,
  bottom,
}: {
  ticks: number[];
  x: (ms: number) => number;
  /** y of the plot's top and bottom edges. */
  top: number;
  bottom: number;
}) {
  return ticks.map((t) => (
    <g key={t} className="qchart-grid">
      <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} />
      <text x={x(t)} y={bottom + 16} textAnchor="middle">
        {formatMs(t)}
      </text>
    </g>
  ));
}

import { scaleLog } from 'd3';

/**
 * The four user counts of the essay on a log axis, with the phase boundaries (50K, 1M) marked.
 * Rendered on the server: d3 computes positions, React draws the SVG, so it ships no JS.
 */
const marks = [
  { users: 1e3, label: '1K' },
  { users: 5e4, label: '50K' },
  { users: 1e6, label: '1M' },
  { users: 1e7, label: '10M' },
];
const bands = [
  { from: 1e3, to: 5e4, label: 'Phase 1', className: 'band-1' },
  { from: 5e4, to: 1e6, label: 'Phase 2', className: 'band-2' },
  { from: 1e6, to: 1e7, label: 'Phase 3', className: 'band-3' },
];

export function UserScale() {
  const width = 640;
  const x = scaleLog()
    .domain([1e3, 1e7])
    .range([12, width - 12]);
  return (
    <figure className="user-scale">
      <svg viewBox={`0 0 ${width} 64`} role="img" aria-labelledby="user-scale-title">
        <title id="user-scale-title">
          Concurrent users on a log scale: Phase 1 from 1K to 50K, Phase 2 from 50K to 1M, Phase 3
          from 1M to 10M.
        </title>
        {bands.map((b) => (
          <g key={b.label}>
            <rect
              className={b.className}
              x={x(b.from)}
              y={8}
              width={x(b.to) - x(b.from)}
              height={22}
              rx={4}
            />
            <text x={(x(b.from) + x(b.to)) / 2} y={23} textAnchor="middle" className="band-label">
              {b.label}
            </text>
          </g>
        ))}
        {marks.map((m) => (
          <g key={m.label} transform={`translate(${x(m.users)},0)`}>
            <line y1={32} y2={40} className="tick" />
            <text y={56} textAnchor="middle" className="tick-label">
              {m.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="visually-hidden">
        Each step on this axis is ten times more users than the last.
      </figcaption>
    </figure>
  );
}

import { scaleLog } from 'd3';

/**
 * The four user counts of the essay on a log axis, with the phase boundaries (50K, 1M) marked.
 * Rendered on the server: d3 computes positions, React draws the SVG, so it ships no JS.
 * Positions are percentages so the text keeps its size from a 360 px phone to a desktop.
 */
const marks = [
  { users: 1e3, label: '1K', anchor: 'start' },
  { users: 5e4, label: '50K', anchor: 'middle' },
  { users: 1e6, label: '1M', anchor: 'middle' },
  { users: 1e7, label: '10M', anchor: 'end' },
] as const;
const bands = [
  { from: 1e3, to: 5e4, label: 'Phase 1', className: 'band-1' },
  { from: 5e4, to: 1e6, label: 'Phase 2', className: 'band-2' },
  { from: 1e6, to: 1e7, label: 'Phase 3', className: 'band-3' },
];

export function UserScale() {
  const x = scaleLog().domain([1e3, 1e7]).range([0, 100]);
  const pct = (users: number) => `${x(users)}%`;
  return (
    <figure className="user-scale">
      <svg width="100%" height="64" role="img" aria-labelledby="user-scale-title">
        <title id="user-scale-title">
          Concurrent users on a log scale: Phase 1 from 1K to 50K, Phase 2 from 50K to 1M, Phase 3
          from 1M to 10M.
        </title>
        {bands.map((b) => (
          <g key={b.label}>
            <rect
              className={b.className}
              x={pct(b.from)}
              y={6}
              width={`${x(b.to) - x(b.from)}%`}
              height={26}
            />
            <text
              x={`${(x(b.from) + x(b.to)) / 2}%`}
              y={24}
              textAnchor="middle"
              className="band-label"
            >
              {b.label}
            </text>
          </g>
        ))}
        {marks.map((m) => (
          <g key={m.label}>
            <line x1={pct(m.users)} x2={pct(m.users)} y1={32} y2={40} className="tick" />
            <text x={pct(m.users)} y={56} textAnchor={m.anchor} className="tick-label">
              {m.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="visually-hidden">
        The steps between the marks are 50× (1K → 50K), 20× (50K → 1M) and 10× (1M → 10M) more
        users.
      </figcaption>
    </figure>
  );
}

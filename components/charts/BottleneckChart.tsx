import { scaleLog } from 'd3';
import { capacities, crossingUsers, formatCount, loadAt, loadSeries } from './capacityModel';
import './charts.css';

const WIDTH = 640;
const HEIGHT = 380;
const M = { top: 16, right: 16, bottom: 44, left: 58 };
const X_DOMAIN: [number, number] = [1e3, 1e7];
const Y_DOMAIN: [number, number] = [10, 3e7];
const USER_TICKS = [1e3, 1e4, 5e4, 1e5, 1e6, 1e7];
const LOAD_TICKS = [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];
const DASHES = ['', '6 4', '2 3', '10 3 2 3', '1 0'];
const TABLE_USERS = [1e3, 5e4, 1e6, 1e7];

/**
 * Load on each tier versus concurrent users (log–log), with one machine's capacity as dashed
 * horizontal lines: where a line crosses its capacity, that tier is the bottleneck. Drawn on the
 * server (d3 computes, React renders), so it needs no JavaScript and has a table alternative.
 */
export function BottleneckChart() {
  const x = scaleLog()
    .domain(X_DOMAIN)
    .range([M.left, WIDTH - M.right]);
  const y = scaleLog()
    .domain(Y_DOMAIN)
    .range([HEIGHT - M.bottom, M.top])
    .clamp(true);
  const seriesWithCrossing = loadSeries.map((s, i) => ({
    ...s,
    color: `var(--chart-${(i % 5) + 1})`,
    dash: DASHES[i % DASHES.length],
    crossing: crossingUsers(s),
  }));

  return (
    <figure className="chart" data-testid="bottleneck-chart" data-experiment>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="bottleneck-title bottleneck-desc"
      >
        <title id="bottleneck-title">Load per tier versus concurrent users</title>
        <desc id="bottleneck-desc">
          Log–log chart. Each line is operations per second one tier must serve; dashed horizontal
          lines are one machine&apos;s capacity. Crossings:{' '}
          {seriesWithCrossing
            .map((s) => `${s.label} at ${formatCount(s.crossing)} users`)
            .join('; ')}
          .
        </desc>
        {LOAD_TICKS.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {USER_TICKS.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={HEIGHT - M.bottom} />
            <text x={x(t)} y={HEIGHT - M.bottom + 18} textAnchor="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        <text
          className="chart-axis-label"
          x={(M.left + WIDTH - M.right) / 2}
          y={HEIGHT - 6}
          textAnchor="middle"
        >
          Concurrent users
        </text>
        <text
          className="chart-axis-label"
          transform={`translate(14,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          Operations per second
        </text>
        {Object.entries(capacities).map(([id, c]) => (
          <g key={id} className="chart-capacity">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(c.perSecond)} y2={y(c.perSecond)} />
            <text x={M.left + 6} y={y(c.perSecond) - 6}>
              {c.label}: {c.perSecond.toLocaleString('en-US')}/s
            </text>
          </g>
        ))}
        {seriesWithCrossing.map((s) => (
          <g key={s.id}>
            <line
              x1={x(X_DOMAIN[0])}
              y1={y(loadAt(s, X_DOMAIN[0]))}
              x2={x(X_DOMAIN[1])}
              y2={y(loadAt(s, X_DOMAIN[1]))}
              stroke={s.color}
              strokeWidth={2.5}
              strokeDasharray={s.dash || undefined}
            />
            <circle
              cx={x(s.crossing)}
              cy={y(capacities[s.capacity].perSecond)}
              r={5}
              fill={s.color}
              className="chart-crossing"
            />
          </g>
        ))}
      </svg>
      <ul className="chart-legend">
        {seriesWithCrossing.map((s) => (
          <li key={s.id}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={s.color}
                strokeWidth="3"
                strokeDasharray={s.dash || undefined}
              />
            </svg>
            {s.label}: hits one machine at <strong>{formatCount(s.crossing)} users</strong>
          </li>
        ))}
      </ul>
      <details className="chart-table">
        <summary>The numbers behind the chart</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">
              Operations per second by tier and concurrent users
            </caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                {TABLE_USERS.map((u) => (
                  <th scope="col" key={u}>
                    {formatCount(u)} users
                  </th>
                ))}
                <th scope="col">Saturates one machine at</th>
              </tr>
            </thead>
            <tbody>
              {seriesWithCrossing.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.label}</th>
                  {TABLE_USERS.map((u) => (
                    <td key={u}>{Math.round(loadAt(s, u)).toLocaleString('en-US')}/s</td>
                  ))}
                  <td>{Math.round(s.crossing).toLocaleString('en-US')} users</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

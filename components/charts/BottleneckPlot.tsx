import { scaleLog } from 'd3';
import {
  crossingUsers,
  formatCount,
  PLANNING_UTILIZATION,
  TIER_LABELS,
  utilizationPerUser,
  type ModelSettings,
  type TierId,
} from './capacityModel';

const WIDTH = 640;
const HEIGHT = 360;
const M = { top: 16, right: 16, bottom: 44, left: 58 };
export const USERS_DOMAIN: [number, number] = [1e3, 1e7];
/** Busy fraction of one machine: 0.1% to 1,000% (ten machines' worth). */
const UTIL_DOMAIN: [number, number] = [0.001, 10];
const USER_TICKS = [1e3, 1e4, 5e4, 1e5, 1e6, 1e7];
const UTIL_TICKS = [0.001, 0.01, 0.1, 1, 10];
export const TIER_STYLE: Readonly<Record<TierId, { color: string; dash?: string }>> = {
  primary: { color: 'var(--chart-1)' },
  writes: { color: 'var(--chart-3)', dash: '2 3' },
  app: { color: 'var(--chart-2)', dash: '6 4' },
};
const TIERS = Object.keys(TIER_LABELS) as TierId[];

const pct = (u: number) => `${+(u * 100).toPrecision(2)}%`;

/**
 * Utilization of one machine per tier against concurrent users, log–log: load grows in proportion
 * to users, so each tier is a straight line and where it crosses 100% that one machine is full.
 * d3 computes the scales; React draws, so the default state renders into the static HTML.
 */
export function BottleneckPlot({
  settings,
  users,
  revealed,
}: {
  settings: ModelSettings;
  users: number;
  revealed: boolean;
}) {
  const x = scaleLog()
    .domain(USERS_DOMAIN)
    .range([M.left, WIDTH - M.right]);
  const y = scaleLog()
    .domain(UTIL_DOMAIN)
    .range([HEIGHT - M.bottom, M.top])
    .clamp(true);
  const perUser = utilizationPerUser(settings);
  const crossing = crossingUsers(settings);
  const summary = TIERS.map(
    (t) => `${TIER_LABELS[t]} ${pct(perUser[t] * users)} at ${formatCount(users)} users`,
  ).join('; ');

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Utilization of one machine per tier versus concurrent users (log–log). ${summary}.${
        revealed
          ? ` Each reaches 100% at: ${TIERS.map((t) => `${TIER_LABELS[t]} ${formatCount(crossing[t])} users`).join('; ')}.`
          : ''
      }`}
      data-testid="bottleneck-plot"
    >
      {UTIL_TICKS.map((t) => (
        <g key={t} className="chart-grid">
          <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} />
          <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
            {pct(t)}
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
        Busy share of one machine
      </text>
      <g className="chart-capacity">
        <line x1={M.left} x2={WIDTH - M.right} y1={y(1)} y2={y(1)} />
        <text x={M.left + 6} y={y(1) - 6}>
          100%: one machine full
        </text>
      </g>
      <g className="chart-capacity chart-planning">
        <line
          x1={M.left}
          x2={WIDTH - M.right}
          y1={y(PLANNING_UTILIZATION)}
          y2={y(PLANNING_UTILIZATION)}
        />
        <text x={WIDTH - M.right - 6} y={y(PLANNING_UTILIZATION) + 16} textAnchor="end">
          70%: plan to stop here
        </text>
      </g>
      {TIERS.map((t) => (
        <line
          key={t}
          x1={x(USERS_DOMAIN[0])}
          y1={y(perUser[t] * USERS_DOMAIN[0])}
          x2={x(USERS_DOMAIN[1])}
          y2={y(perUser[t] * USERS_DOMAIN[1])}
          stroke={TIER_STYLE[t].color}
          strokeWidth={2.5}
          strokeDasharray={TIER_STYLE[t].dash}
        />
      ))}
      <line
        className="chart-marker"
        x1={x(users)}
        x2={x(users)}
        y1={M.top}
        y2={HEIGHT - M.bottom}
      />
      {revealed &&
        TIERS.filter((t) => crossing[t] <= USERS_DOMAIN[1]).map((t) => (
          <circle
            key={t}
            cx={x(crossing[t])}
            cy={y(1)}
            r={6}
            fill={TIER_STYLE[t].color}
            className="chart-crossing"
            data-testid={`crossing-${t}`}
          />
        ))}
    </svg>
  );
}

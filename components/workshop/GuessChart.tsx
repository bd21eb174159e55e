import { scaleBand, scaleLinear, scaleLog } from 'd3';
import { formatValue } from '@/components/lesson/predictSpec';
import type { PredictionStats } from './roomStats';
import { median } from './roomStats';

const WIDTH = 640;
const MARGIN = { top: 28, right: 24, bottom: 46, left: 24 };
const DOT_R = 6;

/** Guesses spread over a wide range read better on a log axis (300 vs 1,001 vs 10,000). */
const LOG_SPAN = 20;

function NumberChart({ stats }: { stats: PredictionStats }) {
  const guesses = stats.guesses.map((g) => g.value as number);
  const measured = typeof stats.measured === 'number' ? stats.measured : undefined;
  const all = measured === undefined ? guesses : [...guesses, measured];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const useLog = lo > 0 && hi / lo >= LOG_SPAN;
  const range: [number, number] = [MARGIN.left, WIDTH - MARGIN.right];
  const x = useLog
    ? scaleLog()
        .domain([lo / 1.3, hi * 1.3])
        .range(range)
        .nice()
    : scaleLinear()
        .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
        .range(range)
        .nice();
  // Dots stack where guesses fall within one dot of each other (a simple dot plot).
  const stacks = new Map<number, number>();
  const dots = [...guesses]
    .sort((a, b) => a - b)
    .map((v) => {
      const bin = Math.round(x(v) / (DOT_R * 2));
      const level = stacks.get(bin) ?? 0;
      stacks.set(bin, level + 1);
      return { v, cx: bin * DOT_R * 2, level };
    });
  const levels = Math.max(1, ...stacks.values());
  const height = MARGIN.top + levels * DOT_R * 2 + 8 + MARGIN.bottom;
  const base = height - MARGIN.bottom;
  const ticks = useLog ? x.ticks(5).filter((_, i, t) => t.length <= 6 || i % 2 === 0) : x.ticks(5);
  const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const med = median(guesses);
  return (
    <svg
      className="workshop-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`${stats.sentence} Each dot is one learner's guess${useLog ? '; logarithmic axis' : ''}.`}
    >
      <g className="axis">
        <line x1={range[0]} x2={range[1]} y1={base} y2={base} />
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},${base})`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {fmt(t)}
            </text>
          </g>
        ))}
      </g>
      {dots.map((d, i) => (
        <circle
          key={i}
          className="guess"
          cx={d.cx}
          cy={base - DOT_R - 2 - d.level * DOT_R * 2}
          r={DOT_R - 0.5}
        />
      ))}
      <line className="median" x1={x(med)} x2={x(med)} y1={MARGIN.top - 6} y2={base} />
      {measured !== undefined && (
        <>
          <line
            className="measured"
            x1={x(measured)}
            x2={x(measured)}
            y1={MARGIN.top - 14}
            y2={base}
          />
          <text x={x(measured)} y={MARGIN.top - 18} textAnchor="middle">
            measured {formatValue(measured, stats.unit)}
          </text>
        </>
      )}
      <text x={range[0]} y={height - 4}>
        {stats.unit ? `${stats.unit}${useLog ? ' (log scale)' : ''}` : ''}; dashed: room median
      </text>
    </svg>
  );
}

function ChoiceChart({ stats }: { stats: PredictionStats }) {
  const counts = new Map<string, number>();
  for (const g of stats.guesses)
    counts.set(String(g.value), (counts.get(String(g.value)) ?? 0) + 1);
  if (typeof stats.measured === 'string' && !counts.has(stats.measured))
    counts.set(stats.measured, 0);
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  const labelW = 220;
  const height = rows.length * 30 + 10;
  const y = scaleBand()
    .domain(rows.map((r) => r[0]))
    .range([5, height - 5])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r[1]))])
    .range([labelW, WIDTH - 110]);
  return (
    <svg
      className="workshop-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`${stats.sentence} Bars count the learners who picked each answer.`}
    >
      {rows.map(([label, count]) => {
        const measured = label === stats.measured;
        return (
          <g key={label}>
            <text x={labelW - 8} y={(y(label) ?? 0) + y.bandwidth() / 2 + 4} textAnchor="end">
              {label}
            </text>
            <rect
              className={measured ? 'bar-measured' : 'bar'}
              x={labelW}
              y={y(label)}
              width={Math.max(0, x(count) - labelW)}
              height={y.bandwidth()}
            />
            <text x={x(count) + 6} y={(y(label) ?? 0) + y.bandwidth() / 2 + 4}>
              {count}
              {measured ? ' · measured' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The room's guesses against the measured result: d3 scales, React draws (prerenders, no effects). */
export function GuessChart({ stats }: { stats: PredictionStats }) {
  if (stats.guesses.length === 0) return null;
  return stats.kind === 'number' ? <NumberChart stats={stats} /> : <ChoiceChart stats={stats} />;
}

'use client';

import { useState } from 'react';
import {
  crossingUsers,
  dbMsPerRequest,
  DEFAULT_SETTINGS,
  formatCount,
  REQUESTS_PER_USER_PER_S,
  TIER_LABELS,
  tierLoads,
  type ModelSettings,
  type TierId,
} from './capacityModel';
import { BottleneckControls } from './BottleneckControls';
import { BottleneckPlot, TIER_STYLE } from './BottleneckPlot';
import { BottleneckPredict, type Guess } from './BottleneckPredict';
import { BottleneckTable } from './BottleneckTable';
import './charts.css';

const TIERS = Object.keys(TIER_LABELS) as TierId[];
const pct = (u: number) =>
  `${u >= 10 ? Math.round(u * 100).toLocaleString('en-US') : +(u * 100).toPrecision(2)}%`;

/**
 * Lesson 1's experiment: the load on each tier as users grow, from the measured database time per
 * request. The reader sets users, the sidebar's queries per request, a cache hit ratio and the
 * primary's size, predicts where the first tier fills, then sees the crossings.
 */
export function BottleneckChart() {
  const [users, setUsers] = useState(10_000);
  const [settings, setSettings] = useState<ModelSettings>(DEFAULT_SETTINGS);
  const [guess, setGuess] = useState<Guess | null>(null);
  const revealed = guess !== null;
  const loads = tierLoads(settings, users);
  const cross = crossingUsers(settings);
  const plan = crossingUsers(settings, 0.7);
  const perRequest = dbMsPerRequest(settings);

  return (
    <figure className="chart model" data-testid="bottleneck-chart">
      <BottleneckControls
        users={users}
        onUsers={setUsers}
        settings={settings}
        onSettings={setSettings}
      />
      <BottleneckPlot settings={settings} users={users} revealed={revealed} />
      <p className="model-readout" data-testid="model-readout">
        At <strong>{formatCount(users)} users</strong> (
        {formatCount(users * REQUESTS_PER_USER_PER_S)} requests/s,{' '}
        {(perRequest.reads + perRequest.writes).toFixed(2)} ms of database time each):{' '}
        {loads.map((l, i) => (
          <span key={l.id}>
            {i > 0 && '; '}
            {TIER_LABELS[l.id].toLowerCase()} <strong>{pct(l.utilization)}</strong>
          </span>
        ))}
        .
      </p>
      <BottleneckPredict settings={settings} guess={guess} onGuess={setGuess} />
      <ul className="chart-legend">
        {TIERS.map((t) => (
          <li key={t} data-testid={`legend-${t}`}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={TIER_STYLE[t].color}
                strokeWidth="3"
                strokeDasharray={TIER_STYLE[t].dash}
              />
            </svg>
            <span>
              {TIER_LABELS[t]}
              {revealed && (
                <>
                  : 70% at <strong>{formatCount(plan[t])}</strong>, full at{' '}
                  <strong>{formatCount(cross[t])} users</strong>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <BottleneckTable settings={settings} />
    </figure>
  );
}

'use client';

import { useId } from 'react';
import { formatCount } from '@/lib/format';
import { RTT_CHOICES, type RttMs } from './labSpec';

const RTT_LABELS: Record<RttMs, string> = {
  0: '0 ms (same machine)',
  0.5: '0.5 ms (same zone)',
  2: '2 ms (cross zone)',
};

/** The simulated network round trip charged to every query (lib/db/querylog.ts RTT_PRESETS_MS). */
export function RttControl({
  value,
  onChange,
  disabled,
}: {
  value: RttMs;
  onChange: (v: RttMs) => void;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset disabled={disabled} data-testid="querylab-rtt">
      <legend>Network round trip per query</legend>
      <div className="querylab-radios">
        {RTT_CHOICES.map((rtt) => (
          <label key={rtt}>
            <input
              type="radio"
              name={name}
              value={rtt}
              checked={value === rtt}
              onChange={() => onChange(rtt)}
            />
            {RTT_LABELS[rtt]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Slider stops, 10 → 10,000 users: roughly even on a log scale, so every decade is reachable. */
export const USER_STOPS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

/** Index of the stop closest to `users` (for a default that is not itself a stop). */
export function nearestStop(users: number): number {
  let best = 0;
  USER_STOPS.forEach((s, i) => {
    if (Math.abs(Math.log(s / users)) < Math.abs(Math.log(USER_STOPS[best] / users))) best = i;
  });
  return best;
}

export function UsersSlider({
  value,
  onChange,
  disabled,
}: {
  value: number;
  onChange: (users: number) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const index = nearestStop(value);
  return (
    <div className="querylab-slider">
      <label className="querylab-field-label" htmlFor={id}>
        Users on the page:{' '}
        <output htmlFor={id} data-testid="querylab-users">
          {formatCount(USER_STOPS[index])}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={USER_STOPS.length - 1}
        step={1}
        value={index}
        disabled={disabled}
        aria-valuetext={`${formatCount(USER_STOPS[index])} users`}
        onChange={(e) => onChange(USER_STOPS[Number(e.target.value)] ?? 1000)}
      />
    </div>
  );
}

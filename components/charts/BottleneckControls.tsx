'use client';

import { useId } from 'react';
import {
  PRIMARY_VCPU_OPTIONS,
  SIDEBAR_QUERY_RANGE,
  formatCount,
  type ModelSettings,
  type PrimaryVcpus,
} from './capacityModel';

/** Users slider position: log10(users), so 1K → 10M is one even sweep. */
export const usersFromPosition = (p: number) => {
  const raw = 10 ** p;
  const magnitude = 10 ** Math.floor(Math.log10(raw) - 1);
  return Math.round(raw / magnitude) * magnitude;
};

/** Slider index 0 → 1 query (the rewrite); k ≥ 1 → the N+1 loop over k channels (1 + 2k). */
export const queriesFromIndex = (i: number) => (i === 0 ? 1 : 2 * i + 1);
export const indexFromQueries = (q: number) => (q === 1 ? 0 : (q - 1) / 2);

export function describeSidebar(q: number): string {
  return q === 1
    ? '1 query: the rewrite (per-channel subqueries inside Postgres)'
    : `${q} queries: the N+1 loop for a user in ${(q - 1) / 2} channel${q === 3 ? '' : 's'}`;
}

/** The experiment's inputs: users, the sidebar's queries per request, cache hit ratio, primary size. */
export function BottleneckControls({
  users,
  onUsers,
  settings,
  onSettings,
}: {
  users: number;
  onUsers: (users: number) => void;
  settings: ModelSettings;
  onSettings: (s: ModelSettings) => void;
}) {
  const id = useId();
  return (
    <div className="model-controls">
      <label className="model-slider" htmlFor={`${id}-users`}>
        <span className="model-slider-label">
          Concurrent users: <output htmlFor={`${id}-users`}>{formatCount(users)}</output>
        </span>
        <input
          id={`${id}-users`}
          type="range"
          min={3}
          max={7}
          step={0.02}
          value={Math.log10(users)}
          aria-valuetext={`${formatCount(users)} users`}
          data-testid="model-users"
          onChange={(e) => onUsers(usersFromPosition(Number(e.target.value)))}
        />
      </label>
      <label className="model-slider" htmlFor={`${id}-q`}>
        <span className="model-slider-label">
          <code>GET /channels</code> queries per request:{' '}
          <output htmlFor={`${id}-q`}>{describeSidebar(settings.sidebarQueries)}</output>
        </span>
        <input
          id={`${id}-q`}
          type="range"
          min={0}
          max={indexFromQueries(SIDEBAR_QUERY_RANGE.max)}
          step={1}
          value={indexFromQueries(settings.sidebarQueries)}
          aria-valuetext={`${settings.sidebarQueries} queries per request`}
          data-testid="model-queries"
          onChange={(e) =>
            onSettings({ ...settings, sidebarQueries: queriesFromIndex(Number(e.target.value)) })
          }
        />
      </label>
      <label className="model-slider" htmlFor={`${id}-cache`}>
        <span className="model-slider-label">
          Cache hit ratio on the sidebar, inbox and history reads:{' '}
          <output htmlFor={`${id}-cache`}>{Math.round(settings.cacheHitRatio * 100)}%</output>
        </span>
        <input
          id={`${id}-cache`}
          type="range"
          min={0}
          max={0.95}
          step={0.05}
          value={settings.cacheHitRatio}
          aria-valuetext={`${Math.round(settings.cacheHitRatio * 100)}% of reads from the cache`}
          data-testid="model-cache"
          onChange={(e) => onSettings({ ...settings, cacheHitRatio: Number(e.target.value) })}
        />
      </label>
      <fieldset className="model-radios">
        <legend className="model-slider-label">Postgres primary size</legend>
        {PRIMARY_VCPU_OPTIONS.map((v) => (
          <label key={v}>
            <input
              type="radio"
              name={`${id}-vcpu`}
              value={v}
              checked={settings.primaryVcpus === v}
              onChange={() => onSettings({ ...settings, primaryVcpus: v as PrimaryVcpus })}
            />{' '}
            {v} vCPU
          </label>
        ))}
      </fieldset>
    </div>
  );
}

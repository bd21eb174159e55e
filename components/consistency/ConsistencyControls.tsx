'use client';

import { useId } from 'react';
import type { ConsistencySpec } from '@/components/querylab/labSpec';
import {
  LAG_CHOICES_MS,
  SHARD_CHOICES,
  STRATEGY_LABELS,
  WINDOW_CHOICES_MS,
  type Experiment,
} from './consistencyText';

export interface ControlValues {
  strategy: string;
  lagMs: number;
  windowMs: number;
  shards: number;
  seedText: string;
}

export function defaults(spec: ConsistencySpec, firstStrategy: string): ControlValues {
  return {
    strategy: spec.strategy ?? firstStrategy,
    lagMs: spec.lagMs ?? 1000,
    windowMs: spec.windowMs ?? 1000,
    shards: spec.shards ?? 4,
    seedText: '1',
  };
}

const fmtMs = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** Strategy radios, then the knobs the experiment has (lag and window; shard count), then the seed. */
export function ConsistencyControls({
  experiment,
  strategies,
  value,
  onChange,
  disabled,
}: {
  experiment: Experiment;
  strategies: readonly string[];
  value: ControlValues;
  onChange: (v: ControlValues) => void;
  disabled: boolean;
}) {
  const id = useId();
  const set = (patch: Partial<ControlValues>): void => onChange({ ...value, ...patch });
  return (
    <div className="querylab-controls">
      <fieldset disabled={disabled} data-testid="consistency-strategy">
        <legend>Strategy</legend>
        <div className="querylab-radios consistency-radios">
          {strategies.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={`${id}-strategy`}
                value={s}
                checked={value.strategy === s}
                onChange={() => set({ strategy: s })}
              />
              {STRATEGY_LABELS[experiment][s] ?? s}
            </label>
          ))}
        </div>
      </fieldset>
      {experiment === 'replica-lag' && (
        <>
          <div>
            <label className="querylab-field-label" htmlFor={`${id}-lag`}>
              Replica lag (mean)
            </label>
            <select
              id={`${id}-lag`}
              className="querylab-select"
              data-testid="consistency-lag"
              value={value.lagMs}
              disabled={disabled}
              onChange={(e) => set({ lagMs: Number(e.target.value) })}
            >
              {LAG_CHOICES_MS.map((l) => (
                <option key={l} value={l}>
                  {fmtMs(l)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="querylab-field-label" htmlFor={`${id}-window`}>
              Primary window after a write
            </label>
            <select
              id={`${id}-window`}
              className="querylab-select"
              data-testid="consistency-window"
              value={value.windowMs}
              disabled={disabled || value.strategy !== 'primary-window'}
              onChange={(e) => set({ windowMs: Number(e.target.value) })}
            >
              {WINDOW_CHOICES_MS.map((w) => (
                <option key={w} value={w}>
                  {fmtMs(w)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {experiment === 'shards' && (
        <div>
          <label className="querylab-field-label" htmlFor={`${id}-shards`}>
            Shards (each one a Postgres)
          </label>
          <select
            id={`${id}-shards`}
            className="querylab-select"
            data-testid="consistency-shards"
            value={value.shards}
            disabled={disabled}
            onChange={(e) => set({ shards: Number(e.target.value) })}
          >
            {SHARD_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label className="querylab-field-label" htmlFor={`${id}-seed`}>
          Seed (the scripted traffic)
        </label>
        <input
          id={`${id}-seed`}
          className="querylab-select consistency-seed"
          data-testid="consistency-seed"
          inputMode="numeric"
          value={value.seedText}
          disabled={disabled}
          onChange={(e) => set({ seedText: e.target.value })}
        />
      </div>
    </div>
  );
}

/** The seed field → a seed, or a sentence saying what is wrong (nothing runs then). */
export function parseSeed(text: string): { ok: true; seed: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d{1,10}$/.test(t) || Number(t) > 2 ** 31 - 1)
    return {
      ok: false,
      error: `The seed must be a whole number from 0 to 2147483647 (got “${text}”).`,
    };
  return { ok: true, seed: Number(t) };
}

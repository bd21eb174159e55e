// zod/mini: this module ships with <Predict> in every lesson page's first-load JavaScript.
import { z } from 'zod/mini';
import { isMeasurementKey, MEASUREMENTS, type MeasurementKey } from './experimentResults';

const ID = /^[a-z0-9-]+$/;

/** Props a lesson author gives <Predict>; validated so that a typo fails the build clearly. */
export const predictPropsSchema = z.strictObject({
  id: z.string().check(z.regex(ID, 'id: lowercase letters, digits and dashes')),
  /** The measurement the widget publishes (experimentResults.ts MEASUREMENTS). */
  measure: z.string().check(
    z.refine(isMeasurementKey, {
      message: `measure: one of ${Object.keys(MEASUREMENTS).join(', ')}`,
    }),
  ),
  question: z.string().check(z.minLength(5)),
  /** For choice measurements: the options offered (a subset of the measurement's values). */
  choices: z.optional(z.array(z.string()).check(z.minLength(2), z.maxLength(8))),
  /** Relative distance counted as "close" for number measurements (default 0.1 = ±10%). */
  tolerance: z.optional(z.number().check(z.gt(0), z.lte(1))),
});

export interface PredictSpec {
  id: string;
  measure: MeasurementKey;
  question: string;
  kind: 'number' | 'choice';
  unit: string;
  choices: readonly string[];
  tolerance: number;
}

/** Validated props → spec, or a message saying what is wrong. */
export function toPredictSpec(props: unknown): { spec: PredictSpec } | { error: string } {
  const parsed = predictPropsSchema.safeParse(props);
  if (!parsed.success) return { error: parsed.error.message };
  const p = parsed.data;
  const measure = p.measure as MeasurementKey;
  const m = MEASUREMENTS[measure];
  if (m.kind === 'number') {
    if (p.choices) return { error: `measure ${measure} is a number: choices do not apply` };
    return {
      spec: {
        ...base(p, measure),
        kind: 'number',
        unit: m.unit,
        choices: [],
        tolerance: p.tolerance ?? 0.1,
      },
    };
  }
  const values: readonly string[] = m.values;
  const choices = p.choices ?? values;
  const unknown = choices.filter((c) => !values.includes(c));
  if (unknown.length > 0) {
    return {
      error: `choices ${unknown.join(', ')} are not values of ${measure}: ${values.join(', ')}`,
    };
  }
  return { spec: { ...base(p, measure), kind: 'choice', unit: '', choices, tolerance: 0 } };
}

function base(p: { id: string; question: string }, measure: MeasurementKey) {
  return { id: p.id, question: p.question, measure };
}

export type Verdict =
  | { kind: 'match' }
  | { kind: 'miss'; direction?: 'low' | 'high'; factor?: number; percent?: number };

/**
 * How a guess compares with the measured value: for numbers, within tolerance, or off by a factor
 * (≥ 2×) or a percentage; for choices, equal or not.
 */
export function compareGuess(
  guess: number | string,
  result: number | string,
  tolerance: number,
): Verdict {
  if (typeof guess === 'string' || typeof result === 'string') {
    return guess === result ? { kind: 'match' } : { kind: 'miss' };
  }
  const scale = Math.max(Math.abs(result), 1e-9);
  if (Math.abs(guess - result) <= scale * tolerance) return { kind: 'match' };
  const direction = guess < result ? 'low' : 'high';
  if (guess > 0 && result > 0) {
    const factor = Math.max(guess / result, result / guess);
    if (factor >= 2) return { kind: 'miss', direction, factor };
  }
  return { kind: 'miss', direction, percent: Math.round((Math.abs(guess - result) / scale) * 100) };
}

export function formatValue(value: number | string, unit: string): string {
  if (typeof value === 'string') return value;
  const text = value.toLocaleString('en-US', {
    maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0,
  });
  if (!unit) return text;
  return unit === '%' || unit === '×' ? `${text}${unit}` : `${text} ${unit}`;
}

export function describeVerdict(v: Verdict, kind: 'number' | 'choice' = 'number'): string {
  if (kind === 'choice') {
    return v.kind === 'match'
      ? 'Your pick matches the measurement.'
      : 'The measurement points to another answer.';
  }
  if (v.kind === 'match') return 'Close: within the tolerance.';
  if (v.direction === undefined) return 'Not this time.';
  const way = v.direction === 'low' ? 'too low' : 'too high';
  if (v.factor !== undefined) {
    return `Off by ${v.factor.toLocaleString('en-US', { maximumFractionDigits: 1 })}×: ${way}.`;
  }
  return `${v.percent ?? 0}% ${way}.`;
}

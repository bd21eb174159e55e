/**
 * The /validation/ cases. Default run: every case at 2% of its length; each must already agree
 * with its closed form within three half-widths of its (wide) 95% interval, and that interval must
 * be narrow enough (< 40% of the theory) for the check to mean something, so a case wired to the
 * wrong quantity fails `npm test` too. VALIDATE=1: full length, as on the page, and every case
 * must put the theory within two half-widths (a ~4-standard-error check).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  listValidationCases,
  runValidation,
  runValidationCase,
  type ValidationResult,
} from '@/simulations/validation';

const VALIDATE = Boolean(process.env.VALIDATE);

/** Erlang C, P(wait) in M/M/c with offered load a = λ/μ (written out here, apart from theory.ts). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (1 / (1 - a / c));
  return top / (sum + top);
}
const mmcWait = (lambda: number, c: number) => erlangC(c, lambda) / (c - lambda); // μ = 1

/** Exact mean value analysis of the closed loop: N users, think Z, one server S. */
function mvaResponse(users: number, thinkS: number, serviceS: number): number {
  let queue = 0;
  let response = 0;
  for (let n = 1; n <= users; n++) {
    response = serviceS * (1 + queue);
    queue = (n / (response + thinkS)) * response;
  }
  return response;
}

/** Each case's closed form, from the formulas in reference-numbers.md (μ = 1 throughout). */
const closedForm: Record<string, number> = {
  'mm1-wait-50': 0.5 / (1 - 0.5),
  'mm1-sojourn-90': 1 / (1 - 0.9),
  'mm1-p99-50': Math.log(100) / (1 - 0.5),
  'mm1-p99-90': Math.log(100) / (1 - 0.9),
  'mm1-util-80': 0.8,
  'mm2-wait-70': mmcWait(1.4, 2),
  'mm8-pwait-90': erlangC(8, 7.2),
  'mm8-wait-90': mmcWait(7.2, 8),
  'md1-wait-50': 0.5 / (2 * (1 - 0.5)),
  'md1-wait-90': 0.9 / (2 * (1 - 0.9)),
  'little-mm2-90': 1.8 * (mmcWait(1.8, 2) + 1),
  'mm1k-drop': ((1 - 0.8) * 0.8 ** 5) / (1 - 0.8 ** 6),
  'closed-loop-mva': mvaResponse(10, 5, 1),
  'nhpp-spike': 500 * 10,
};

describe('validation cases', () => {
  const cases = listValidationCases();

  it('should list at least a dozen serialisable cases with unique ids and finite theory', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(Number.isFinite(c.theory) && c.theory > 0).toBe(true);
      expect(c.source.length).toBeGreaterThan(5);
    }
    expect(structuredClone(cases)).toEqual(cases);
    expect(cases.map((c) => c.id).sort()).toEqual(Object.keys(closedForm).sort());
  });

  it('should be deterministic per seed and differ across seeds', () => {
    const a = runValidationCase('mm1-wait-50', 3, 0.02);
    expect(runValidationCase('mm1-wait-50', 3, 0.02)).toEqual(a);
    expect(runValidationCase('mm1-wait-50', 4, 0.02).simulated).not.toBe(a.simulated);
  });

  const rows: ValidationResult[] = [];
  it(
    VALIDATE
      ? 'should agree with theory for every case at full length'
      : 'should run every case near its closed form, with consistent verdicts',
    () => {
      const results = runValidation({ seed: 1, scale: VALIDATE ? 1 : 0.02 }, (r) => rows.push(r));
      expect(results).toHaveLength(cases.length);
      for (const r of results) {
        expect(Number.isFinite(r.simulated)).toBe(true);
        expect(r.halfWidth).toBeGreaterThan(0);
        const error = Math.abs(r.simulated - r.theory);
        const expected =
          error <= r.halfWidth ? 'inside' : error <= 2 * r.halfWidth ? 'near' : 'outside';
        expect(r.verdict).toBe(expected);
        expect(r.relativeError).toBeCloseTo(r.simulated / r.theory - 1, 12);
        const against = `${r.id}: ${r.simulated} ± ${r.halfWidth} vs ${r.theory}`;
        // The closed form is recomputed here, independently of the case's own `theory` field.
        expect(r.theory, r.id).toBeCloseTo(closedForm[r.id], 9);
        if (VALIDATE) expect(r.verdict, against).not.toBe('outside');
        else {
          expect(r.halfWidth, against).toBeLessThan(0.4 * r.theory);
          expect(error, against).toBeLessThanOrEqual(3 * r.halfWidth);
        }
      }
    },
  );

  afterAll(() => {
    if (!VALIDATE) return;
    const line = (r: ValidationResult) =>
      `${r.id.padEnd(17)}${r.metric.padEnd(34)}${r.theory.toPrecision(5).padStart(10)}${r.simulated.toPrecision(5).padStart(11)}${`± ${r.halfWidth.toPrecision(2)}`.padStart(11)}${`${(r.relativeError * 100).toFixed(2)}%`.padStart(9)}  ${r.verdict}`;
    console.log(
      ['', 'The /validation/ page cases (seed 1, full length):', ...rows.map(line)].join('\n'),
    );
  });
});

/**
 * The /validation/ cases. Default run: every case at 2% of its length, checking the plumbing
 * (intervals, verdicts, determinism). VALIDATE=1: full length, as on the page, and every case must
 * put the theory within two half-widths of its 95% interval (a ~4-standard-error check).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  listValidationCases,
  runValidation,
  runValidationCase,
  type ValidationResult,
} from '@/simulations/validation';

const VALIDATE = Boolean(process.env.VALIDATE);

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
      : 'should run every case and give consistent verdicts',
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
        if (VALIDATE)
          expect(r.verdict, `${r.id}: ${r.simulated} ± ${r.halfWidth} vs ${r.theory}`).not.toBe(
            'outside',
          );
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

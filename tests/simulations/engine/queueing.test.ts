/**
 * The engine against closed-form queueing theory (reference-numbers.md).
 *
 * Default run (seconds): runs of a few hundred thousand customers, judged by their own 95%
 * batch-means intervals: the theory must lie within 2 half-widths (≈ 4 standard errors) and the
 * half-width must be small enough for that to mean something. Quantiles, which have no batch
 * interval, are judged over independent seeded replications the same way.
 *
 * VALIDATE=1 (`npm run validate`): millions of customers per case (at ρ = 0.9 the mean needs ~2M
 * for ±2.5%, Whitt 1989; the p99 needs more), every value within 3% of theory, and a table printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueue, type QueueRunResult } from '@/simulations/engine/queueRun';
import { tInterval, type ConfidenceInterval } from '@/simulations/engine/stats';
import { queueTheory } from '@/simulations/engine/theory';

const VALIDATE = Boolean(process.env.VALIDATE);
const TIGHT = 0.03;
/** The long runs take seconds each; hooks default to a 10 s timeout. */
const HOOK_TIMEOUT_MS = VALIDATE ? 600_000 : 30_000;

interface Model {
  name: string;
  rho: number;
  servers: number;
  service: 'exp' | 'det';
  /** Measured customers: default run / VALIDATE run. */
  fast: number;
  long: number;
}

const models: Model[] = [
  { name: 'M/M/1', rho: 0.5, servers: 1, service: 'exp', fast: 300_000, long: 4_000_000 },
  { name: 'M/M/1', rho: 0.8, servers: 1, service: 'exp', fast: 400_000, long: 6_000_000 },
  { name: 'M/M/1', rho: 0.9, servers: 1, service: 'exp', fast: 600_000, long: 16_000_000 },
  { name: 'M/M/2', rho: 0.7, servers: 2, service: 'exp', fast: 300_000, long: 4_000_000 },
  { name: 'M/M/2', rho: 0.9, servers: 2, service: 'exp', fast: 500_000, long: 12_000_000 },
  { name: 'M/M/8', rho: 0.9, servers: 8, service: 'exp', fast: 800_000, long: 8_000_000 },
  { name: 'M/D/1', rho: 0.5, servers: 1, service: 'det', fast: 300_000, long: 2_000_000 },
  { name: 'M/D/1', rho: 0.9, servers: 1, service: 'det', fast: 500_000, long: 8_000_000 },
];

const rows: string[] = [];
function report(
  model: Model,
  metric: string,
  simulated: number,
  theory: number,
  halfWidth: number,
): void {
  const err = ((simulated / theory - 1) * 100).toFixed(2);
  rows.push(
    `${`${model.name} ρ=${model.rho}`.padEnd(13)}${metric.padEnd(14)}${theory.toFixed(4).padStart(10)}${simulated.toFixed(4).padStart(11)}${(Number.isFinite(halfWidth) ? `± ${halfWidth.toFixed(4)}` : '—').padStart(12)}${`${err}%`.padStart(9)}`,
  );
}

/** Default mode: theory within 2 half-widths and a half-width below maxRelHalfWidth. VALIDATE: 3%. */
function expectAgrees(
  model: Model,
  metric: string,
  ci: ConfidenceInterval,
  theory: number,
  maxRelHalfWidth: number,
): void {
  report(model, metric, ci.mean, theory, ci.halfWidth);
  if (VALIDATE) {
    expect(
      Math.abs(ci.mean / theory - 1),
      `${metric}: ${ci.mean} vs ${theory}`,
    ).toBeLessThanOrEqual(TIGHT);
  } else {
    expect(
      Math.abs(ci.mean - theory),
      `${metric}: ${ci.mean} ± ${ci.halfWidth} vs ${theory}`,
    ).toBeLessThanOrEqual(2 * ci.halfWidth);
    expect(ci.halfWidth / theory, `${metric}: relative half-width`).toBeLessThan(maxRelHalfWidth);
  }
}

/** A value with no interval: within `fastTolerance` (default) or 3% (VALIDATE). */
function expectClose(
  model: Model,
  metric: string,
  simulated: number,
  theory: number,
  fastTolerance: number,
): void {
  report(model, metric, simulated, theory, NaN);
  expect(
    Math.abs(simulated / theory - 1),
    `${metric}: ${simulated} vs ${theory}`,
  ).toBeLessThanOrEqual(VALIDATE ? TIGHT : fastTolerance);
}

function run(model: Model, customers: number, seed: number): QueueRunResult {
  return runQueue({
    arrivalRate: model.rho * model.servers,
    serviceRate: 1,
    servers: model.servers,
    service: model.service,
    customers,
    // ≫ the relaxation time 1/(1−√ρ)² (≈ 380 service times at ρ = 0.9, reference-numbers.md).
    warmup: VALIDATE ? 100_000 : 20_000,
    seed,
  });
}

describe.each(models.map((m, i) => ({ ...m, seed: i + 1 })))(
  '$name at ρ = $rho against closed-form theory',
  (model) => {
    const lambda = model.rho * model.servers;
    const theory = queueTheory(lambda, 1, model.servers, model.service);
    let result: QueueRunResult;
    beforeAll(() => {
      // One seed per model, so the models do not share random numbers.
      result = run(model, VALIDATE ? model.long : model.fast, model.seed);
    }, HOOK_TIMEOUT_MS);

    it('should match the mean wait Wq', () => {
      expectAgrees(model, 'mean wait', result.ci.meanWait, theory.meanWait, 0.1);
    });

    it('should match the mean sojourn W', () => {
      expectAgrees(model, 'mean sojourn', result.ci.meanSojourn, theory.meanSojourn, 0.08);
    });

    it("should satisfy Little's law: time-average L = λW, and L matches theory", () => {
      // The identity on the same sample path holds up to edge effects (customers straddling the
      // window ends), far below 1%.
      expect(
        Math.abs(result.meanInSystem / (result.arrivalRateObserved * result.meanSojourn) - 1),
      ).toBeLessThan(0.01);
      expectAgrees(model, 'L (Little)', result.ci.meanInSystem, theory.meanInSystem, 0.1);
    });

    it('should match utilization ρ and the probability of waiting', () => {
      // Relative standard errors are ~0.2% at these lengths; 1% and 2% are > 4 of them.
      expectClose(model, 'utilization', result.utilization, model.rho, 0.01);
      if (model.service === 'exp')
        expectClose(model, 'P(wait)', result.probWait, theory.probWait, 0.02);
    });

    if (theory.sojournQuantile) {
      const p99 = theory.sojournQuantile(0.99);
      it('should match the p99 of the sojourn time (ln(100)/(μ−λ) for M/M/1)', () => {
        if (VALIDATE) {
          expectClose(model, 'p99 sojourn', result.p99Sojourn, p99, TIGHT);
          return;
        }
        // Quantiles have no batch interval here: six independent seeded replications instead. With
        // 5 degrees of freedom the half-width is itself noisy (t = 2.57), hence the 15% bound.
        const estimates = [1, 2, 3, 4, 5, 6].map(
          (k) => run(model, Math.round(model.fast / 2), 100 * model.seed + k).p99Sojourn,
        );
        expectAgrees(model, 'p99 sojourn', tInterval(estimates), p99, 0.15);
      });
    }
  },
);

afterAll(() => {
  if (!VALIDATE) return;
  const header = `${'model'.padEnd(13)}${'metric'.padEnd(14)}${'theory'.padStart(10)}${'simulated'.padStart(11)}${'95% CI'.padStart(12)}${'error'.padStart(9)}`;
  console.log(
    ['', 'Validation: engine vs closed-form theory (VALIDATE=1)', header, ...rows].join('\n'),
  );
});

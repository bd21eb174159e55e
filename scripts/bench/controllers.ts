/**
 * What the request flow pays per call to a controller, against one actor.send: ns per
 * BreakerController allow()+record() (window kept in counters, the actor told only of verdicts),
 * per HealthController.observe() and per AutoscalerController.observe() that change nothing, and
 * µs per send of an event the breaker actor ignores. CPU time, best of 5.
 * Usage: `npx tsx scripts/bench/controllers.ts` (npm run bench runs it).
 */
import { createActor } from 'xstate';
import { Simulation } from '../../simulations/engine/simulation';
import { XStateClock } from '../../simulations/engine/xstateClock';
import { circuitBreakerMachine } from '../../simulations/machines/circuitBreakerMachine';
import {
  AutoscalerController,
  BreakerController,
  HealthController,
} from '../../simulations/machines/controllers';

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Best-of-5 CPU nanoseconds per iteration of `body`. */
function nsPer(iterations: number, body: (i: number) => void): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = cpuMs();
    for (let i = 0; i < iterations; i++) body(i);
    best = Math.min(best, ((cpuMs() - t0) * 1e6) / iterations);
  }
  return best;
}

const clock = new XStateClock(new Simulation());
// A window that never opens (every 10th call fails, threshold 50%): the steady hot path.
const breaker = new BreakerController({
  clock,
  config: { slidingWindowSize: 100, minimumNumberOfCalls: 100 },
});
let admitted = 0;
const breakerNs = nsPer(5_000_000, (i) => {
  if (breaker.allow()) {
    admitted++;
    breaker.record(i % 10 !== 0);
  }
});
const health = new HealthController({ clock });
const healthNs = nsPer(5_000_000, (i) => health.observe((i % 50) / 100));
const autoscaler = new AutoscalerController({ clock });
const autoscalerNs = nsPer(5_000_000, (i) => autoscaler.observe(0.5 + (i % 9) / 200));
const actor = createActor(circuitBreakerMachine, { clock, input: {} }).start();
const sendNs = nsPer(200_000, () => actor.send({ type: 'TRIAL_SUCCEEDED', failureRate: 0 }));

console.log('Controllers (CPU time per call, best of 5):');
console.log(
  `  BreakerController allow()+record()   ${breakerNs.toFixed(1)} ns  (${admitted} admitted, state ${breaker.state})`,
);
console.log(
  `  HealthController.observe()           ${healthNs.toFixed(1)} ns  (state ${health.state})`,
);
console.log(
  `  AutoscalerController.observe()       ${autoscalerNs.toFixed(1)} ns  (state ${autoscaler.state})`,
);
console.log(
  `  actor.send (event the breaker ignores) ${(sendNs / 1000).toFixed(2)} µs = ${(sendNs / breakerNs).toFixed(0)}× a breaker call`,
);

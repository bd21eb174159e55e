/**
 * Engine benchmark: events/s of the engine on M/M/1 at ρ = 0.9 for 4M customers, the
 * same work done by a minimal typed-array reference loop written here, their ratio (target >= 0.5),
 * and the peak memory for 1M vs 4M customers (target: 4M within 1.2× of 1M), each size measured in
 * its own child process so one run's heap cannot flatter the other.
 *
 * Then the two designs for cancellable events side by side (lazy deletion, which the engine uses,
 * and an indexed heap written for this comparison): a hold model without cancellation, and a
 * timeout-heavy workload where nearly every timeout is cancelled.
 *
 * Benchmarks print; tests assert. Usage: `npx tsx scripts/bench/engine.ts` (npm run bench runs it).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runQueue } from '../../simulations/engine/queueRun';
import {
  EventHeap,
  IndexedEventHeap,
  hold,
  indexedTimeouts,
  lazyTimeouts,
} from './lib/cancelWorkload';

const LAMBDA = 0.9;
const MU = 1;
const CUSTOMERS = 4_000_000;
const WARMUP = 10_000;
const SEED = 42;

/**
 * The reference: the leanest M/M/1 event loop we can write. Binary heap over typed arrays
 * (time + kind), xoshiro128** inline (same generator as the engine), a ring buffer of arrival
 * times, and running sums of wait and sojourn. No warm-up logic, histograms or batch means.
 */
function referenceLoop(customers: number): {
  events: number;
  meanWait: number;
  meanSojourn: number;
} {
  let s0 = 0x9e3779b9 | 0;
  let s1 = 0x243f6a88 | 0;
  let s2 = 0xb7e15162 | 0;
  let s3 = 0x71374491 | 0;
  const uniform = (): number => {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return (r >>> 0) * 2.3283064365386963e-10;
  };
  const heapT = new Float64Array(16);
  const heapK = new Int8Array(16);
  let heapN = 0;
  const push = (t: number, k: number): void => {
    let i = heapN++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapT[p] <= t) break;
      heapT[i] = heapT[p];
      heapK[i] = heapK[p];
      i = p;
    }
    heapT[i] = t;
    heapK[i] = k;
  };
  let popT = 0;
  let popK = 0;
  const pop = (): void => {
    popT = heapT[0];
    popK = heapK[0];
    const last = --heapN;
    const t = heapT[last];
    const k = heapK[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && heapT[c + 1] < heapT[c]) c++;
      if (t <= heapT[c]) break;
      heapT[i] = heapT[c];
      heapK[i] = heapK[c];
      i = c;
    }
    heapT[i] = t;
    heapK[i] = k;
  };
  let queue = new Float64Array(1 << 16);
  let head = 0;
  let len = 0;
  let busyArrival = 0;
  let busy = false;
  let done = 0;
  let events = 0;
  let sumWait = 0;
  let sumSojourn = 0;
  push(-Math.log(1 - uniform()) / LAMBDA, 0);
  while (done < customers) {
    pop();
    events++;
    const now = popT;
    if (popK === 0) {
      push(now - Math.log(1 - uniform()) / LAMBDA, 0);
      if (!busy) {
        busy = true;
        busyArrival = now;
        push(now - Math.log(1 - uniform()) / MU, 1);
      } else {
        if (len === queue.length) {
          const bigger = new Float64Array(queue.length * 2);
          for (let i = 0; i < len; i++) bigger[i] = queue[(head + i) % queue.length];
          queue = bigger;
          head = 0;
        }
        queue[(head + len++) % queue.length] = now;
      }
    } else {
      sumSojourn += now - busyArrival;
      done++;
      if (len > 0) {
        busyArrival = queue[head];
        head = (head + 1) % queue.length;
        len--;
        sumWait += now - busyArrival;
        push(now - Math.log(1 - uniform()) / MU, 1);
      } else {
        busy = false;
      }
    }
  }
  return { events, meanWait: sumWait / done, meanSojourn: sumSojourn / done };
}

function engineRun(customers: number): { events: number; meanWait: number; meanSojourn: number } {
  const r = runQueue({
    arrivalRate: LAMBDA,
    serviceRate: MU,
    servers: 1,
    service: 'exp',
    customers,
    warmup: WARMUP,
    seed: SEED,
  });
  return { events: r.events, meanWait: r.meanWait, meanSojourn: r.meanSojourn };
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Child mode: run the engine for N customers and print peak memory as JSON. */
function memoryChild(customers: number): void {
  const before = process.memoryUsage();
  const { value } = timed(() => engineRun(customers));
  const after = process.memoryUsage();
  const maxRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(
    JSON.stringify({
      customers,
      events: value.events,
      maxRssMb: maxRssKb / 1024,
      heapUsedBeforeMb: before.heapUsed / 2 ** 20,
      heapUsedAfterMb: after.heapUsed / 2 ** 20,
      arrayBuffersAfterMb: after.arrayBuffers / 2 ** 20,
    }) + '\n',
  );
}

/** Lazy deletion (the engine's EventHeap) against an indexed heap; best of 3 each. */
function compareCancellation(): void {
  const HOLD_OPS = 4_000_000;
  const HOLD_SIZE = 10_000;
  const REQUESTS = 2_000_000;
  const IN_FLIGHT = 10_000;
  const best = (f: () => number) => Math.min(f(), f(), f());
  hold(new EventHeap(), 200_000, HOLD_SIZE);
  hold(new IndexedEventHeap(), 200_000, HOLD_SIZE);
  lazyTimeouts(200_000, IN_FLIGHT);
  indexedTimeouts(200_000, IN_FLIGHT);
  const holdLazy = best(() => hold(new EventHeap(), HOLD_OPS, HOLD_SIZE).ms);
  const holdIndexed = best(() => hold(new IndexedEventHeap(), HOLD_OPS, HOLD_SIZE).ms);
  const lazy = lazyTimeouts(REQUESTS, IN_FLIGHT);
  const indexed = indexedTimeouts(REQUESTS, IN_FLIGHT);
  const lazyMs = best(() => lazyTimeouts(REQUESTS, IN_FLIGHT).ms);
  const indexedMs = best(() => indexedTimeouts(REQUESTS, IN_FLIGHT).ms);
  const rate = (n: number, ms: number) => `${(n / ms / 1000).toFixed(2)} M/s`;
  console.log('Cancellable events: lazy deletion (engine) vs indexed heap (best of 3, CPU time):');
  console.log(
    `  hold model, ${HOLD_SIZE} pending, no cancels: lazy ${rate(HOLD_OPS, holdLazy)} pop+push, indexed ${rate(HOLD_OPS, holdIndexed)} (indexed/lazy time ${(holdIndexed / holdLazy).toFixed(2)})`,
  );
  console.log(
    `  ${REQUESTS / 1e6}M requests with timeouts, ${IN_FLIGHT} in flight (${lazy.timedOut} timed out): lazy ${rate(lazy.events, lazyMs)} events, indexed ${rate(indexed.events, indexedMs)} (indexed/lazy time ${(indexedMs / lazyMs).toFixed(2)})`,
  );
}

function main(): void {
  const childArg = process.argv.indexOf('--memory-child');
  if (childArg >= 0) {
    memoryChild(Number(process.argv[childArg + 1]));
    return;
  }
  const fmt = (n: number) => (n / 1e6).toFixed(2);
  // One short warm-up of each so both are measured JIT-compiled.
  engineRun(200_000);
  referenceLoop(200_000);
  const rounds = 5;
  let engineBest = 0;
  let refBest = 0;
  for (let i = 0; i < rounds; i++) {
    const e = timed(() => engineRun(CUSTOMERS));
    const r = timed(() => referenceLoop(CUSTOMERS));
    engineBest = Math.max(engineBest, e.value.events / (e.ms / 1000));
    refBest = Math.max(refBest, r.value.events / (r.ms / 1000));
    console.log(
      `round ${i + 1}: engine ${e.value.events} events in ${e.ms.toFixed(0)} ms (${fmt(e.value.events / (e.ms / 1000))} M/s, W=${e.value.meanSojourn.toFixed(3)}); ` +
        `reference ${r.value.events} events in ${r.ms.toFixed(0)} ms (${fmt(r.value.events / (r.ms / 1000))} M/s, W=${r.value.meanSojourn.toFixed(3)})`,
    );
  }
  console.log(`M/M/1 rho=0.9, ${CUSTOMERS / 1e6}M customers (best of ${rounds}):`);
  console.log(`  engine    ${fmt(engineBest)} M events/s`);
  console.log(`  reference ${fmt(refBest)} M events/s`);
  console.log(`  ratio     ${(engineBest / refBest).toFixed(2)} (target >= 0.5)`);

  compareCancellation();

  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const measure = (customers: number) =>
    JSON.parse(
      execFileSync(tsx, [self, '--memory-child', String(customers)], { encoding: 'utf8' }),
    );
  const baseline = measure(1);
  const m1 = measure(1_000_000);
  const m4 = measure(4_000_000);
  console.log('Peak memory, each size in its own child process (maxRSS = peak resident set):');
  for (const m of [baseline, m1, m4]) {
    console.log(
      `  ${String(m.customers).padStart(9)} customers: maxRSS ${m.maxRssMb.toFixed(1)} MB (heapUsed after run ${m.heapUsedAfterMb.toFixed(1)} MB, ArrayBuffers ${m.arrayBuffersAfterMb.toFixed(2)} MB)`,
    );
  }
  console.log(`  4M / 1M maxRSS ratio ${(m4.maxRssMb / m1.maxRssMb).toFixed(3)} (target <= 1.2)`);
  console.log(
    `  above the 1-customer baseline: 1M ${(m1.maxRssMb - baseline.maxRssMb).toFixed(1)} MB, 4M ${(m4.maxRssMb - baseline.maxRssMb).toFixed(1)} MB`,
  );
}

main();

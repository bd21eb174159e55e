/**
 * Topology benchmark: (1) wall time of a 60-simulated-second run at 10M users (horizontal and
 * microservices; target < 2 s), (2) events/s of `horizontal` at 100K users (no sampling at that
 * size) as a ratio to the reference M/M/1 loop (target >= 0.3), (3) peak memory at 1M vs 10M users,
 * each in its own child process (target: 10M within 1.5× of 1M), and (4) the calibration table:
 * p99, error rate, goodput and SLO verdict of each scenario at the user counts the lessons quote,
 * over 60 simulated seconds.
 *
 * Benchmarks print; tests assert. Usage: `npx tsx scripts/bench/topology.ts` (npm run bench runs it).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtinScenario, type ScenarioName } from '../../simulations/scenario/builtin';
import { createTopologyRun } from '../../simulations/scenario/run';
import { referenceLoop } from './lib/referenceLoop';

/**
 * Wall and CPU time of fn. On a shared machine the wall time includes waiting for a core; the
 * process's CPU time (user + system) is what the run costs on an idle one.
 */
function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

function run(name: ScenarioName, users: number, duration = 60, divisor?: number) {
  const r = createTopologyRun(builtinScenario(name), { users, seed: 1, divisor });
  r.advanceTo(duration);
  return r.summary();
}

function memoryChild(name: ScenarioName, users: number): void {
  const s = run(name, users);
  process.stdout.write(
    JSON.stringify({
      name,
      users,
      events: s.events,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }) + '\n',
  );
}

function main(): void {
  const child = process.argv.indexOf('--memory-child');
  if (child >= 0) {
    memoryChild(process.argv[child + 1] as ScenarioName, Number(process.argv[child + 2]));
    return;
  }
  // Warm the JIT on a short run of each.
  run('horizontal', 1_000_000, 5);
  run('microservices', 1_000_000, 5);
  referenceLoop(200_000);

  console.log('10M users, 60 simulated seconds (best of 3, target < 2000 ms):');
  for (const name of ['horizontal', 'microservices'] as const) {
    let best = Infinity;
    let bestCpu = Infinity;
    let events = 0;
    let divisor = 0;
    for (let i = 0; i < 3; i++) {
      const { value, ms, cpuMs } = timed(() => run(name, 10_000_000));
      best = Math.min(best, ms);
      bestCpu = Math.min(bestCpu, cpuMs);
      events = value.events;
      divisor = value.sampling.divisor;
    }
    console.log(
      `  ${name.padEnd(14)} ${best.toFixed(0)} ms wall, ${bestCpu.toFixed(0)} ms CPU  (${events.toLocaleString('en-US')} events, 1/${divisor} sampled)`,
    );
  }

  let engineBest = 0;
  let refBest = 0;
  for (let i = 0; i < 3; i++) {
    const e = timed(() => run('horizontal', 100_000, 60, 1));
    const r = timed(() => referenceLoop(4_000_000));
    engineBest = Math.max(engineBest, e.value.events / (e.cpuMs / 1000));
    refBest = Math.max(refBest, r.value.events / (r.cpuMs / 1000));
  }
  console.log('horizontal at 100K users (unsampled), events per CPU second (best of 3):');
  console.log(`  topology  ${(engineBest / 1e6).toFixed(2)} M events/s`);
  console.log(`  reference ${(refBest / 1e6).toFixed(2)} M events/s`);
  console.log(`  ratio     ${(engineBest / refBest).toFixed(2)} (target >= 0.3)`);

  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const measure = (name: string, users: number) =>
    JSON.parse(
      execFileSync(tsx, [self, '--memory-child', name, String(users)], { encoding: 'utf8' }),
    );
  console.log('Peak memory (maxRSS, own child process each):');
  for (const name of ['horizontal', 'microservices']) {
    const m1 = measure(name, 1_000_000);
    const m10 = measure(name, 10_000_000);
    console.log(
      `  ${name.padEnd(14)} 1M ${m1.maxRssMb.toFixed(1)} MB, 10M ${m10.maxRssMb.toFixed(1)} MB, ratio ${(m10.maxRssMb / m1.maxRssMb).toFixed(2)} (target <= 1.5)`,
    );
  }

  console.log('Calibration, 60 simulated seconds, SLO p99 < 500 ms and errors < 1%:');
  console.log(
    `  ${'scenario'.padEnd(26)}${'users'.padStart(12)}${'p99 ms'.padStart(10)}${'errors'.padStart(9)}${'goodput/s'.padStart(12)}  verdict`,
  );
  const table: [ScenarioName, number][] = [
    ['monolith', 50_000],
    ['monolith', 500_000],
    ['monolith-cache', 50_000],
    ['monolith-cache', 500_000],
    ['read-replicas', 200_000],
    ['horizontal', 1_000_000],
    ['horizontal', 10_000_000],
    ['microservices', 1_000_000],
    ['microservices', 10_000_000],
    ['metastable-retry', 750],
    ['metastable-retry-breaker', 750],
  ];
  for (const [name, users] of table) {
    const s = run(name, users);
    const p99 = s.p99 === null ? 'n/a' : (s.p99 * 1000).toFixed(1);
    console.log(
      `  ${name.padEnd(26)}${users.toLocaleString('en-US').padStart(12)}${p99.padStart(10)}${`${(s.errorRate * 100).toFixed(2)}%`.padStart(9)}${Math.round(s.goodput).toLocaleString('en-US').padStart(12)}  ${s.meetsSlo ? 'meets' : 'misses'}`,
    );
  }
}

main();

import { z } from 'zod';
import { loadScenario } from '../../scenario/loader';
import { SCENARIO_NAMES } from '../../scenario/builtin';
import type { TopologySummary } from '../../scenario/run';
import { ScenarioError, type Scenario } from '../../scenario/schema';
import { CliArgError, flag, parseFlags } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Subcommand } from '../registry';

/** Beyond these a run is not a question the simulator answers well (and would take minutes). */
const MAX_USERS = 100_000_000;
const MAX_DURATION_S = 3600;

const schema = z.object({
  scenario: z.string().min(1, { error: 'is required' }),
  users: flag
    .positiveInt()
    .pipe(z.number().max(MAX_USERS, { error: `must be <= ${MAX_USERS}` }))
    .optional(),
  duration: flag
    .positiveNumber()
    .pipe(z.number().max(MAX_DURATION_S, { error: `must be <= ${MAX_DURATION_S}` }))
    .optional(),
  seed: flag.nonNegativeInt().optional(),
  json: z.boolean().optional(),
});
const KNOWN = ['scenario', 'users', 'duration', 'seed'];

export interface RunArgs {
  scenario: Scenario;
  users: number;
  duration: number;
  seed: number;
  json: boolean;
}

/** Parses `run` flags and loads the scenario; throws CliArgError naming the bad flag. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const parsed = parseFlags(argv, schema, KNOWN, ['json']) as z.output<typeof schema>;
  let scenario: Scenario;
  try {
    scenario = loadScenario(parsed.scenario);
  } catch (error) {
    if (error instanceof ScenarioError) throw new CliArgError('--scenario', error.message);
    throw error;
  }
  return {
    scenario,
    users: parsed.users ?? scenario.users,
    duration: parsed.duration ?? scenario.durationS,
    seed: parsed.seed ?? scenario.seed,
    json: parsed.json === true,
  };
}

/** The JSON line: the CLI contract's fields first, then extras. Only wallMs varies between runs. */
export function runJson(args: RunArgs, s: TopologySummary, series: object[], wallMs: number) {
  return {
    scenario: s.scenario,
    users: s.users,
    duration: s.duration,
    seed: s.seed,
    arrivals: s.arrivals,
    completed: s.completed,
    failed: s.failed,
    inFlight: s.inFlight,
    throughput: s.throughput,
    goodput: s.goodput,
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    errorRate: s.errorRate,
    costPerMonth: s.costPerMonth,
    nodes: s.nodes,
    series,
    meetsSlo: s.meetsSlo,
    slo: args.scenario.slo,
    bottleneck: args.scenario.bottleneck,
    sampling: s.sampling,
    hiddenCosts: s.hiddenCosts,
    cost: s.cost,
    counts: s.counts,
    breakers: s.breakers,
    events: s.events,
    wallMs,
  };
}

const ms = (x: number | null) => (x === null ? 'n/a' : `${(x * 1000).toFixed(1)} ms`);

function formatRun(s: TopologySummary, bottleneck: string, wallMs: number): string {
  return [
    `${s.scenario}: ${s.users.toLocaleString('en-US')} users, ${s.duration} s simulated, seed ${s.seed} (1/${s.sampling.divisor} sampled, ${s.events.toLocaleString('en-US')} events, ${wallMs.toFixed(0)} ms)`,
    `arrivals ${s.arrivals} = completed ${s.completed} + failed ${s.failed} + in flight ${s.inFlight}`,
    `goodput ${s.goodput.toFixed(0)}/s, throughput ${s.throughput.toFixed(0)}/s, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, errors ${(s.errorRate * 100).toFixed(2)}%`,
    `SLO (p99 < 500 ms, errors < 1%): ${s.meetsSlo ? 'met' : 'MISSED'}; cost $${s.costPerMonth.toLocaleString('en-US')}/month`,
    '',
    ...s.nodes.map(
      (n) =>
        `  ${n.id.padEnd(14)} ${n.kind.padEnd(9)} ${String(n.instances).padStart(5)} × ${String(n.workers).padStart(6)} workers  utilization ${(n.utilization * 100).toFixed(1).padStart(5)}%  ${n.mode}${n.hitRatio !== undefined ? `  hit ratio ${(n.hitRatio * 100).toFixed(1)}%` : ''}`,
    ),
    '',
    `What breaks it: ${bottleneck}`,
  ].join('\n');
}

export const runCommand: Subcommand = {
  name: 'run',
  summary: 'simulate a topology scenario (monolith … microservices) under generated load',
  usage: [
    'usage: npm run --silent sim -- run --scenario NAME|PATH [--users N] [--duration S] [--seed K] [--json]',
    '',
    `Built-in scenarios: ${SCENARIO_NAMES.join(', ')} (content/scenarios/), or a path to a JSON file.`,
    'Defaults come from the scenario. With --json: one JSON line with scenario, users, duration, seed,',
    'arrivals, completed, failed, inFlight, throughput, goodput, p50, p95, p99 (s), errorRate,',
    'costPerMonth, nodes, series (one point per simulated second) and more; arrivals = completed +',
    'failed + inFlight. Same seed, same output (apart from wallMs). Invalid arguments exit with code 2.',
  ].join('\n'),
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    let args: RunArgs;
    try {
      args = parseRunArgs(argv);
    } catch (error) {
      if (error instanceof CliArgError) {
        io.err(`error: ${error.message}`);
        return EXIT_USAGE;
      }
      throw error;
    }
    // Loaded on use: the model and its XState machines would slow every other subcommand's start.
    const { createTopologyRun } = await import('../../scenario/run');
    const start = performance.now();
    const run = createTopologyRun(args.scenario, { users: args.users, seed: args.seed });
    run.advanceTo(args.duration);
    const summary = run.summary();
    const series = run.rowsSince(0).rows.map((r) => ({
      t: r.t,
      throughput: r.throughput,
      goodput: r.goodput,
      p99: r.p99,
      errorRate: r.errorRate,
      arrivals: r.arrivals,
      offered: r.offered,
      inFlight: r.inFlight,
    }));
    const wallMs = performance.now() - start;
    if (args.json) io.out(JSON.stringify(runJson(args, summary, series, wallMs)));
    else io.out(formatRun(summary, args.scenario.bottleneck, wallMs));
    return EXIT_OK;
  },
};

import { z } from 'zod';
import { runQueue, type QueueRunParams, type QueueRunResult } from '../../engine/queueRun';
import { queueTheory, type QueueTheory } from '../../engine/theory';
import { CliArgError, flag, parseFlags } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Subcommand } from '../registry';
import { formatSummary } from './queueSummary';

/** Defaults when a flag is omitted. Warm-up: ≫ the relaxation time 1/(1−√ρ)² ≈ 380 service times at ρ = 0.9 (reference-numbers.md). */
export const QUEUE_DEFAULTS = {
  servers: 1,
  service: 'exp',
  customers: 1_000_000,
  warmup: 10_000,
  seed: 1,
} as const;
/** Typed-array sizes scale with c; beyond this a "queue" is better modelled otherwise. */
const MAX_SERVERS = 100_000;
/**
 * A run costs about two events per customer, and the engine does ~5 M events/s on this kind of
 * machine (scripts/bench/engine.ts), so 1e8 customers is roughly 40 s. More would run silently
 * for minutes to days (1e12: about four days); longer studies should be seeded replications.
 */
export const MAX_CUSTOMERS = 100_000_000;
const tooLong = `must be <= ${MAX_CUSTOMERS.toExponential(0)} (about 40 s of simulation; use seeded replications for more)`;

const schema = z.object({
  arrivalRate: flag.positiveNumber(),
  serviceRate: flag.positiveNumber(),
  servers: flag
    .positiveInt()
    .pipe(z.number().max(MAX_SERVERS, { error: `must be <= ${MAX_SERVERS}` }))
    .optional(),
  service: flag.choice(['exp', 'det']).optional(),
  customers: flag
    .positiveInt()
    .pipe(z.number().max(MAX_CUSTOMERS, { error: tooLong }))
    .optional(),
  warmup: flag
    .nonNegativeInt()
    .pipe(z.number().max(MAX_CUSTOMERS, { error: tooLong }))
    .optional(),
  seed: flag.nonNegativeInt().optional(),
  json: z.boolean().optional(),
});
const KNOWN = ['arrivalRate', 'serviceRate', 'servers', 'service', 'customers', 'warmup', 'seed'];

/** The run's parameters (the CLI sets no capacity and asks for no series) plus the output form. */
export type QueueArgs = Omit<QueueRunParams, 'capacity' | 'includeSeries'> & { json: boolean };

/** Parses and validates `queue` flags; throws CliArgError naming the offending flag. */
export function parseQueueArgs(argv: readonly string[]): QueueArgs {
  const parsed = parseFlags(argv, schema, KNOWN, ['json']) as z.output<typeof schema> & {
    json?: boolean;
  };
  const args: QueueArgs = {
    arrivalRate: parsed.arrivalRate,
    serviceRate: parsed.serviceRate,
    servers: parsed.servers ?? QUEUE_DEFAULTS.servers,
    service: parsed.service ?? QUEUE_DEFAULTS.service,
    customers: parsed.customers ?? QUEUE_DEFAULTS.customers,
    warmup: parsed.warmup ?? QUEUE_DEFAULTS.warmup,
    seed: parsed.seed ?? QUEUE_DEFAULTS.seed,
    json: parsed.json === true,
  };
  const rho = args.arrivalRate / (args.servers * args.serviceRate);
  if (!(rho < 1)) {
    throw new CliArgError(
      '--arrival-rate',
      `load ρ = λ/(c·μ) = ${rho.toPrecision(4)} must be < 1 (with --service-rate ${args.serviceRate} and --servers ${args.servers} the queue grows without bound)`,
    );
  }
  return args;
}

/** The JSON line of the CLI contract plus extras; everything but wallMs is deterministic. */
export function queueJson(
  args: QueueArgs,
  result: QueueRunResult,
  theory: QueueTheory,
  wallMs: number,
) {
  const p99 = theory.sojournQuantile ? theory.sojournQuantile(0.99) : null;
  return {
    completed: result.completed,
    meanWait: result.meanWait,
    meanSojourn: result.meanSojourn,
    p50Sojourn: result.p50Sojourn,
    p99Sojourn: result.p99Sojourn,
    utilization: result.utilization,
    events: result.events,
    wallMs,
    p90Sojourn: result.p90Sojourn,
    probWait: result.probWait,
    meanInSystem: result.meanInSystem,
    meanInQueue: result.meanInQueue,
    meanWaitCi95: result.ci.meanWait.halfWidth,
    meanSojournCi95: result.ci.meanSojourn.halfWidth,
    simulatedS: result.simulatedS,
    params: {
      arrivalRate: args.arrivalRate,
      serviceRate: args.serviceRate,
      servers: args.servers,
      service: args.service,
      customers: args.customers,
      warmup: args.warmup,
      seed: args.seed,
    },
    theory: {
      model: `M/${args.service === 'exp' ? 'M' : 'D'}/${args.servers}`,
      exact: theory.exact,
      rho: theory.rho,
      meanWait: theory.meanWait,
      meanSojourn: theory.meanSojourn,
      p99Sojourn: p99,
      utilization: theory.rho,
      meanInSystem: theory.meanInSystem,
      source: theory.source,
    },
  };
}

export const queueCommand: Subcommand = {
  name: 'queue',
  summary: 'simulate an M/M/c or M/D/c queue and compare with closed-form theory',
  usage: [
    'usage: npm run --silent sim -- queue --arrival-rate λ --service-rate μ [--servers c] [--service exp|det]',
    '                                     [--customers N] [--warmup W] [--seed S] [--json]',
    '',
    'Poisson arrivals (rate λ per second) into c FIFO servers with exponential or fixed service',
    '(rate μ per server). Simulates W warm-up customers, then measures N customers.',
    `Defaults: --servers ${QUEUE_DEFAULTS.servers} --service ${QUEUE_DEFAULTS.service} --customers ${QUEUE_DEFAULTS.customers} --warmup ${QUEUE_DEFAULTS.warmup} --seed ${QUEUE_DEFAULTS.seed}.`,
    'With --json: one JSON line (times in seconds): completed, meanWait, meanSojourn, p50Sojourn,',
    'p99Sojourn, utilization, events, wallMs, and more. Invalid arguments exit with code 2.',
  ].join('\n'),
  run(argv: readonly string[], io: CliIo): number {
    let args: QueueArgs;
    try {
      args = parseQueueArgs(argv);
    } catch (error) {
      if (error instanceof CliArgError) {
        io.err(`error: ${error.message}`);
        return EXIT_USAGE;
      }
      throw error;
    }
    const theory = queueTheory(args.arrivalRate, args.serviceRate, args.servers, args.service);
    const start = performance.now();
    const result = runQueue(args);
    const wallMs = performance.now() - start;
    if (args.json) io.out(JSON.stringify(queueJson(args, result, theory, wallMs)));
    else io.out(formatSummary(args, result, theory, wallMs));
    return EXIT_OK;
  },
};

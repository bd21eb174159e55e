import { z } from 'zod';
import {
  BACKOFF_STRATEGIES,
  BASE_MS,
  CAP_MS,
  DEFAULT_TRIALS,
  runBackoffExperiment,
  type BackoffParams,
} from '../../experiments/backoff';
import { CliArgError, flag, parseFlags } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Subcommand } from '../registry';

export const BACKOFF_DEFAULTS = { trials: DEFAULT_TRIALS, seed: 1 } as const;
/**
 * Without backoff a trial costs about clients²/4 write calls (2,423 at 100 clients, measured), so
 * the work grows with clients² × trials. 1e8 keeps a run under about a minute on 2 cores
 * (100 clients × 100 trials takes ~1 s); beyond that the request is refused, not left to hang.
 */
export const MAX_WORK = 1e8;
const MAX_CLIENTS = 10_000;
const MAX_TRIALS = 100_000;

const schema = z.object({
  clients: flag
    .positiveInt()
    .pipe(z.number().max(MAX_CLIENTS, { error: `must be <= ${MAX_CLIENTS}` })),
  strategy: flag.choice(BACKOFF_STRATEGIES),
  trials: flag
    .positiveInt()
    .pipe(z.number().max(MAX_TRIALS, { error: `must be <= ${MAX_TRIALS}` }))
    .optional(),
  seed: flag.nonNegativeInt().optional(),
  json: z.boolean().optional(),
});

export interface BackoffArgs extends BackoffParams {
  json: boolean;
}

/** Parses and validates `backoff` flags; throws CliArgError naming the offending flag. */
export function parseBackoffArgs(argv: readonly string[]): BackoffArgs {
  const parsed = parseFlags(argv, schema, ['clients', 'strategy', 'trials', 'seed'], ['json']);
  const args: BackoffArgs = {
    clients: parsed.clients,
    strategy: parsed.strategy,
    trials: parsed.trials ?? BACKOFF_DEFAULTS.trials,
    seed: parsed.seed ?? BACKOFF_DEFAULTS.seed,
    json: parsed.json === true,
  };
  const work = args.clients * args.clients * args.trials;
  if (work > MAX_WORK) {
    throw new CliArgError(
      parsed.trials === undefined ? '--clients' : '--trials',
      `clients² × trials = ${work.toExponential(2)} exceeds ${MAX_WORK.toExponential(0)} (without backoff a trial makes ~clients²/4 write calls); use fewer trials or clients`,
    );
  }
  return args;
}

export const backoffCommand: Subcommand = {
  name: 'backoff',
  summary: 'the "Exponential Backoff And Jitter" experiment: N clients racing one OCC row',
  usage: [
    'usage: npm run --silent sim -- backoff --clients N --strategy no-backoff|exponential|full|equal|decorrelated',
    '                                       [--trials T] [--seed K] [--json]',
    '',
    'N clients each update one row once with optimistic concurrency (read the version, write if',
    'unchanged); a failed write backs off and retries. Network delay |N(10 ms, 2 ms)| per message,',
    `backoff base ${BASE_MS} ms, cap ${CAP_MS} ms (Brooker, AWS Architecture Blog, 2015, and its simulator).`,
    `Defaults: --trials ${BACKOFF_DEFAULTS.trials} --seed ${BACKOFF_DEFAULTS.seed}.`,
    'With --json: one JSON line {clients, strategy, trials, seed, meanCompletionMs, meanWriteCalls, wallMs}.',
    'Invalid arguments exit with code 2.',
  ].join('\n'),
  run(argv: readonly string[], io: CliIo): number {
    let args: BackoffArgs;
    try {
      args = parseBackoffArgs(argv);
    } catch (error) {
      if (error instanceof CliArgError) {
        io.err(`error: ${error.message}`);
        return EXIT_USAGE;
      }
      throw error;
    }
    const start = performance.now();
    const { json: _json, ...params } = args;
    const result = runBackoffExperiment(params);
    const wallMs = performance.now() - start;
    if (args.json) io.out(JSON.stringify({ ...result, wallMs }));
    else
      io.out(
        `${result.strategy}, ${result.clients} clients, ${result.trials} trials (seed ${result.seed}): ` +
          `completion ${result.meanCompletionMs.toFixed(0)} ms, ${result.meanWriteCalls.toFixed(1)} write calls on average`,
      );
    return EXIT_OK;
  },
};

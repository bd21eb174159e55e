import { assign, setup } from 'xstate';

/**
 * A server node's health: healthy → overloaded → crashed → restarting → healthy.
 * HealthController feeds it verdicts on utilization (OVERLOADED / RECOVERED) and failure
 * injection (CRASH); the downtime and the restart (boot) time are `after` delays on the engine's
 * clock. A node that stays overloaded for `overloadCrashAfterMs` crashes by itself (memory
 * exhaustion under an unbounded queue); Infinity, the default, turns that off.
 */
export interface NodeHealthConfig {
  /** Time from CRASH to the start of the restart, unless the event names its own. */
  downtimeMs: number;
  /** Boot time from restarting to healthy (process start plus warm-up). */
  restartMs: number;
  /** Sustained overload that crashes the node; Infinity = never. */
  overloadCrashAfterMs: number;
}

/**
 * Defaults: a 10 s crash (the capacity-drop length of the metastable-failure experiments in
 * reference-numbers.md) and a 30 s restart, within the 120 s instance warm-up of the AWS EC2
 * Auto Scaling docs' example; both are meant to be set per scenario.
 */
export const NODE_HEALTH_DEFAULTS: Readonly<NodeHealthConfig> = Object.freeze({
  downtimeMs: 10_000,
  restartMs: 30_000,
  overloadCrashAfterMs: Infinity,
});

export type NodeHealthEvent =
  | { type: 'OVERLOADED' }
  | { type: 'RECOVERED' }
  /** Failure injection: crash now, down for `downtimeMs` (default from the config). */
  | { type: 'CRASH'; downtimeMs?: number }
  | { type: 'RESET' };

export interface NodeHealthContext {
  config: NodeHealthConfig;
  /** Downtime of the current (or last) crash. */
  downtimeMs: number;
  crashes: number;
}

export function nodeHealthConfig(overrides: Partial<NodeHealthConfig> = {}): NodeHealthConfig {
  const c = { ...NODE_HEALTH_DEFAULTS, ...overrides };
  for (const key of ['downtimeMs', 'restartMs', 'overloadCrashAfterMs'] as const) {
    if (!(c[key] >= 0)) throw new RangeError(`${key} must be >= 0, got ${c[key]}`);
  }
  return c;
}

export const nodeHealthMachine = setup({
  types: {
    context: {} as NodeHealthContext,
    events: {} as NodeHealthEvent,
    input: {} as Partial<NodeHealthConfig> | undefined,
  },
  actions: {
    startCrash: assign({
      crashes: ({ context }) => context.crashes + 1,
      downtimeMs: ({ context, event }) =>
        event.type === 'CRASH' && event.downtimeMs !== undefined && event.downtimeMs >= 0
          ? event.downtimeMs
          : context.config.downtimeMs,
    }),
  },
  delays: {
    downtime: ({ context }) => context.downtimeMs,
    restart: ({ context }) => context.config.restartMs,
    overloadCrash: ({ context }) => context.config.overloadCrashAfterMs,
  },
}).createMachine({
  id: 'nodeHealth',
  context: ({ input }) => {
    const config = nodeHealthConfig(input ?? {});
    return { config, downtimeMs: config.downtimeMs, crashes: 0 };
  },
  initial: 'healthy',
  on: { RESET: { target: '.healthy' } },
  states: {
    healthy: {
      description: 'Serving within capacity.',
      on: {
        OVERLOADED: { target: 'overloaded' },
        CRASH: { target: 'crashed', actions: 'startCrash' },
      },
    },
    overloaded: {
      description: 'Serving, but the queue grows: utilization past the overload threshold.',
      on: {
        RECOVERED: { target: 'healthy' },
        CRASH: { target: 'crashed', actions: 'startCrash' },
      },
      after: { overloadCrash: { target: 'crashed', actions: 'startCrash' } },
    },
    crashed: {
      description: 'Down: every request to it fails.',
      after: { downtime: { target: 'restarting' } },
    },
    restarting: {
      description: 'Booting: not serving yet.',
      on: { CRASH: { target: 'crashed', actions: 'startCrash' } },
      after: { restart: { target: 'healthy' } },
    },
  },
});

export type NodeHealthMode = 'healthy' | 'overloaded' | 'crashed' | 'restarting';

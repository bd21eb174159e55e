import { assign, setup } from 'xstate';

/**
 * A horizontal autoscaler: steady → scalingOut (cold start) → cooldown → steady, and
 * steady → scalingIn (draining) → cooldown → steady. AutoscalerController computes the desired
 * replica count from observed utilization (Kubernetes HPA's rule) and sends SCALE_OUT / SCALE_IN
 * only when the count must change; the machine owns the replica counts and the cold-start,
 * drain and cooldown delays on the engine's clock. New replicas serve only after their cold
 * start; removed replicas stop taking new work at once and are gone after draining.
 */
export interface AutoscalerConfig {
  minReplicas: number;
  maxReplicas: number;
  /** Replicas at t = 0. */
  initialReplicas: number;
  /** Launch to serving: a new replica's cold start. */
  coldStartMs: number;
  /** Connection draining before a removed replica is gone. */
  drainMs: number;
  /** No further scaling for this long after a scaling activity. */
  cooldownMs: number;
}

/**
 * Defaults: 120 s cold start (the instance warm-up in the AWS EC2 Auto Scaling docs' example,
 * `--default-instance-warmup 120`); 300 s cooldown (EC2 Auto Scaling's default cooldown, and the
 * Kubernetes HPA's default 5-minute scale-down stabilization window); 30 s drain (a short
 * deregistration delay; ELB's default is 300 s). Scenarios shorten them to fit their run.
 */
export const AUTOSCALER_DEFAULTS: Readonly<AutoscalerConfig> = Object.freeze({
  minReplicas: 1,
  maxReplicas: 100,
  initialReplicas: 2,
  coldStartMs: 120_000,
  drainMs: 30_000,
  cooldownMs: 300_000,
});

export function autoscalerConfig(overrides: Partial<AutoscalerConfig> = {}): AutoscalerConfig {
  const c = { ...AUTOSCALER_DEFAULTS, ...overrides };
  for (const key of ['minReplicas', 'maxReplicas', 'initialReplicas'] as const) {
    if (!(Number.isInteger(c[key]) && c[key] >= 0))
      throw new RangeError(`${key} must be an integer >= 0, got ${c[key]}`);
  }
  if (!(
    c.minReplicas <= c.initialReplicas &&
    c.initialReplicas <= c.maxReplicas &&
    c.maxReplicas >= 1
  ))
    throw new RangeError(
      `need minReplicas <= initialReplicas <= maxReplicas (>= 1), got ${c.minReplicas} <= ${c.initialReplicas} <= ${c.maxReplicas}`,
    );
  for (const key of ['coldStartMs', 'drainMs', 'cooldownMs'] as const) {
    if (!(c[key] >= 0 && c[key] < Infinity))
      throw new RangeError(`${key} must be finite and >= 0, got ${c[key]}`);
  }
  return c;
}

export type AutoscalerEvent =
  { type: 'SCALE_OUT'; count: number } | { type: 'SCALE_IN'; count: number } | { type: 'RESET' };

export interface AutoscalerContext {
  config: AutoscalerConfig;
  /** Replicas taking traffic. */
  replicas: number;
  /** Replicas launched and still cold (not serving). */
  starting: number;
  /** Replicas removed from rotation and still draining (not serving, still billed). */
  draining: number;
  scaleOuts: number;
  scaleIns: number;
}

const clampOut = (c: AutoscalerContext, count: number) =>
  Math.max(0, Math.min(Math.floor(count), c.config.maxReplicas - c.replicas));
const clampIn = (c: AutoscalerContext, count: number) =>
  Math.max(0, Math.min(Math.floor(count), c.replicas - c.config.minReplicas));

export const autoscalerMachine = setup({
  types: {
    context: {} as AutoscalerContext,
    events: {} as AutoscalerEvent,
    input: {} as Partial<AutoscalerConfig> | undefined,
  },
  guards: {
    canScaleOut: ({ context, event }) =>
      event.type === 'SCALE_OUT' && clampOut(context, event.count) > 0,
    canScaleIn: ({ context, event }) =>
      event.type === 'SCALE_IN' && clampIn(context, event.count) > 0,
  },
  actions: {
    launch: assign({
      starting: ({ context, event }) =>
        event.type === 'SCALE_OUT' ? clampOut(context, event.count) : 0,
      scaleOuts: ({ context }) => context.scaleOuts + 1,
    }),
    warm: assign({
      replicas: ({ context }) => context.replicas + context.starting,
      starting: 0,
    }),
    deregister: assign(({ context, event }) => {
      const count = event.type === 'SCALE_IN' ? clampIn(context, event.count) : 0;
      return {
        replicas: context.replicas - count,
        draining: count,
        scaleIns: context.scaleIns + 1,
      };
    }),
    drained: assign({ draining: 0 }),
    restart: assign(({ context }) => ({
      replicas: context.config.initialReplicas,
      starting: 0,
      draining: 0,
    })),
  },
  delays: {
    coldStart: ({ context }) => context.config.coldStartMs,
    drain: ({ context }) => context.config.drainMs,
    cooldown: ({ context }) => context.config.cooldownMs,
  },
}).createMachine({
  id: 'autoscaler',
  context: ({ input }) => {
    const config = autoscalerConfig(input ?? {});
    return {
      config,
      replicas: config.initialReplicas,
      starting: 0,
      draining: 0,
      scaleOuts: 0,
      scaleIns: 0,
    };
  },
  initial: 'steady',
  on: { RESET: { target: '.steady', actions: 'restart' } },
  states: {
    steady: {
      description: 'Watching utilization.',
      on: {
        SCALE_OUT: { guard: 'canScaleOut', target: 'scalingOut', actions: 'launch' },
        SCALE_IN: { guard: 'canScaleIn', target: 'scalingIn', actions: 'deregister' },
      },
    },
    scalingOut: {
      description: 'New replicas are cold-starting; they serve nothing yet.',
      after: { coldStart: { target: 'cooldown', actions: 'warm' } },
    },
    scalingIn: {
      description: 'Removed replicas drain their in-flight work.',
      after: { drain: { target: 'cooldown', actions: 'drained' } },
    },
    cooldown: {
      description: 'Letting the last change show in the metrics before acting again.',
      after: { cooldown: { target: 'steady' } },
    },
  },
});

export type AutoscalerMode = 'steady' | 'scalingOut' | 'scalingIn' | 'cooldown';

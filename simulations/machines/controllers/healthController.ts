import type { XStateClockLike } from '../../engine/xstateClock';
import {
  nodeHealthConfig,
  nodeHealthMachine,
  type NodeHealthConfig,
  type NodeHealthMode,
} from '../nodeHealthMachine';
import { ModeActor, type ModeListener } from './modeActor';

export interface HealthControllerOptions {
  clock: XStateClockLike;
  config?: Partial<NodeHealthConfig>;
  /**
   * Utilization at or above which the node counts as overloaded. Default 0.9: at ρ = 0.9 an
   * M/M/1 queue already waits 9 service times on average, against 1 at ρ = 0.5
   * (reference-numbers.md), so latency has left the flat part of the curve.
   */
  overloadAt?: number;
  /** Utilization at or below which an overloaded node counts as recovered (hysteresis). */
  recoverAt?: number;
  onModeChange?: ModeListener<NodeHealthMode>;
}

export const DEFAULT_OVERLOAD_AT = 0.9;
/** 0.1 below overloadAt, so utilization hovering at the threshold does not flap the mode. */
export const DEFAULT_RECOVER_AT = 0.8;

/**
 * The request flow's view of a node's health. `up` is read per request (a field); `observe()`
 * is called once per health-check interval with the node's utilization over it and sends the
 * actor an event only when a threshold is crossed; `crash()` injects a failure. Downtime and
 * restart run as machine delays on the engine's clock.
 */
export class HealthController {
  readonly config: NodeHealthConfig;
  readonly overloadAt: number;
  readonly recoverAt: number;
  /** Whether the node serves requests (healthy or overloaded). */
  up = true;
  private readonly host: ModeActor<typeof nodeHealthMachine, NodeHealthMode>;

  constructor(options: HealthControllerOptions) {
    this.config = nodeHealthConfig(options.config);
    this.overloadAt = options.overloadAt ?? DEFAULT_OVERLOAD_AT;
    this.recoverAt = options.recoverAt ?? DEFAULT_RECOVER_AT;
    if (!(this.recoverAt >= 0 && this.recoverAt < this.overloadAt))
      throw new RangeError(
        `need 0 <= recoverAt < overloadAt, got ${this.recoverAt} and ${this.overloadAt}`,
      );
    const listener = options.onModeChange;
    this.host = new ModeActor(nodeHealthMachine, options.clock, this.config, (mode, previous) => {
      this.up = mode === 'healthy' || mode === 'overloaded';
      listener?.(mode, previous);
    });
  }

  get state(): NodeHealthMode {
    return this.host.mode;
  }

  get actor() {
    return this.host.actor;
  }

  get crashes(): number {
    return this.host.context.crashes;
  }

  /** A health check: the node's utilization (busy fraction) since the last one. */
  observe(utilization: number): void {
    const mode = this.host.mode;
    if (mode === 'healthy' && utilization >= this.overloadAt)
      this.host.actor.send({ type: 'OVERLOADED' });
    else if (mode === 'overloaded' && utilization <= this.recoverAt)
      this.host.actor.send({ type: 'RECOVERED' });
  }

  /** Failure injection: the node goes down now for `downtimeS` (default from the config). */
  crash(downtimeS?: number): void {
    this.host.actor.send({
      type: 'CRASH',
      ...(downtimeS === undefined ? {} : { downtimeMs: downtimeS * 1000 }),
    });
  }

  reset(): void {
    this.host.actor.send({ type: 'RESET' });
  }

  stop(): void {
    this.host.stop();
  }
}

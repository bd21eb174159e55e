import type { XStateClockLike } from '../../engine/xstateClock';
import { replicaSyncMachine, type ReplicaSyncMode } from '../replicaSyncMachine';
import { ModeActor, type ModeListener } from './modeActor';

export interface ReplicaSyncControllerOptions {
  clock: XStateClockLike;
  /**
   * Lag above which the replica counts as lagging. Default 1 s: Postgres streaming replicas are
   * "usually well under 1 s" behind (postgresql.org warm-standby docs; reference-numbers.md).
   */
  lagThresholdS?: number;
  onModeChange?: ModeListener<ReplicaSyncMode>;
}

export const DEFAULT_LAG_THRESHOLD_S = 1;

/**
 * The request flow's view of a read replica's replication state. The replica model measures the
 * lag (how far its replay is behind the primary) and calls `observe(lagS)` when it changes, or
 * once per snapshot interval; the controller sends the actor an event only when the mode would
 * change. `isStale(writeAgeS)` is the per-read check: a read of data written `writeAgeS` seconds
 * ago misses that write while the lag exceeds its age.
 */
export class ReplicaSyncController {
  readonly lagThresholdS: number;
  /** Last observed lag, seconds. */
  lagS = 0;
  private readonly host: ModeActor<typeof replicaSyncMachine, ReplicaSyncMode>;

  constructor(options: ReplicaSyncControllerOptions) {
    this.lagThresholdS = options.lagThresholdS ?? DEFAULT_LAG_THRESHOLD_S;
    if (!(this.lagThresholdS >= 0 && this.lagThresholdS < Infinity))
      throw new RangeError(`lagThresholdS must be finite and >= 0, got ${this.lagThresholdS}`);
    this.host = new ModeActor(
      replicaSyncMachine,
      options.clock,
      undefined,
      options.onModeChange ?? (() => {}),
    );
  }

  get state(): ReplicaSyncMode {
    return this.host.mode;
  }

  get actor() {
    return this.host.actor;
  }

  observe(lagS: number): void {
    if (!(lagS >= 0)) return;
    const previous = this.lagS;
    this.lagS = lagS;
    const mode = this.host.mode;
    if (lagS <= this.lagThresholdS) {
      if (mode !== 'inSync') this.host.actor.send({ type: 'CAUGHT_UP', lagS });
    } else if (lagS > previous || (mode === 'inSync' && lagS === previous)) {
      if (mode !== 'lagging') this.host.actor.send({ type: 'LAG_GROWING', lagS });
    } else if (lagS < previous) {
      if (mode !== 'catchingUp') this.host.actor.send({ type: 'LAG_SHRINKING', lagS });
    }
  }

  /** Would a read now miss a write made `writeAgeS` seconds ago? */
  isStale(writeAgeS: number): boolean {
    return writeAgeS < this.lagS;
  }

  reset(): void {
    this.lagS = 0;
    this.host.actor.send({ type: 'RESET' });
  }

  stop(): void {
    this.host.stop();
  }
}

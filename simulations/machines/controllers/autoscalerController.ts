import type { XStateClockLike } from '../../engine/xstateClock';
import {
  autoscalerConfig,
  autoscalerMachine,
  type AutoscalerConfig,
  type AutoscalerContext,
  type AutoscalerMode,
} from '../autoscalerMachine';
import { ModeActor, type ModeListener } from './modeActor';

export interface AutoscalerControllerOptions {
  clock: XStateClockLike;
  config?: Partial<AutoscalerConfig>;
  /** Utilization the autoscaler aims for; default 0.5 (the Kubernetes HPA walkthrough's 50% CPU). */
  targetUtilization?: number;
  /** No change while |utilization/target − 1| <= tolerance; default 0.1 (Kubernetes HPA). */
  tolerance?: number;
  onModeChange?: ModeListener<AutoscalerMode>;
  /** Called when the serving replica count changes (a cold start finished, a scale-in began). */
  onReplicasChange?: (replicas: number, previous: number) => void;
}

export const DEFAULT_TARGET_UTILIZATION = 0.5;
export const DEFAULT_TOLERANCE = 0.1;

/**
 * The request flow's view of an autoscaler. Call `observe(utilization)` once per control period
 * (Kubernetes HPA syncs every 15 s) with the mean utilization of the serving replicas; it returns
 * the desired count, desired = ceil(replicas · utilization / target) clamped to [min, max]
 * (Kubernetes HPA's rule), and sends SCALE_OUT / SCALE_IN only when the machine is steady and the
 * count must change. Read `replicas` (serving) per request; `starting` and `draining` replicas
 * cost money but serve nothing.
 */
export class AutoscalerController {
  readonly config: AutoscalerConfig;
  readonly targetUtilization: number;
  readonly tolerance: number;
  /** Replicas taking traffic. */
  replicas: number;
  /** Desired count from the last observation. */
  desired: number;
  private readonly host: ModeActor<typeof autoscalerMachine, AutoscalerMode>;
  private readonly onReplicasChange?: (replicas: number, previous: number) => void;

  constructor(options: AutoscalerControllerOptions) {
    this.config = autoscalerConfig(options.config);
    this.targetUtilization = options.targetUtilization ?? DEFAULT_TARGET_UTILIZATION;
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    if (!(this.targetUtilization > 0 && this.targetUtilization <= 1))
      throw new RangeError(`targetUtilization must be in (0, 1], got ${this.targetUtilization}`);
    if (!(this.tolerance >= 0 && this.tolerance < 1))
      throw new RangeError(`tolerance must be in [0, 1), got ${this.tolerance}`);
    this.replicas = this.config.initialReplicas;
    this.desired = this.replicas;
    this.onReplicasChange = options.onReplicasChange;
    const listener = options.onModeChange;
    this.host = new ModeActor(autoscalerMachine, options.clock, this.config, (mode, previous) => {
      this.sync();
      listener?.(mode, previous);
    });
    // Replica counts also change without a mode change (e.g. RESET while steady).
    this.host.actor.subscribe(() => this.sync());
  }

  get state(): AutoscalerMode {
    return this.host.mode;
  }

  get actor() {
    return this.host.actor;
  }

  /** The machine's counters: starting, draining, scaleOuts, scaleIns. */
  get counts(): Readonly<AutoscalerContext> {
    return this.host.context;
  }

  /** Replicas billed: serving + cold-starting + draining. */
  get billedReplicas(): number {
    const c = this.host.context;
    return c.replicas + c.starting + c.draining;
  }

  /** One control period: the serving replicas' mean utilization. Returns the desired count. */
  observe(utilization: number): number {
    if (!(utilization >= 0)) return this.desired;
    const { minReplicas, maxReplicas } = this.config;
    const ratio = utilization / this.targetUtilization;
    let desired = this.replicas;
    if (Math.abs(ratio - 1) > this.tolerance) desired = Math.ceil(this.replicas * ratio);
    desired = Math.max(minReplicas, Math.min(maxReplicas, desired));
    this.desired = desired;
    if (this.host.mode === 'steady') {
      if (desired > this.replicas)
        this.host.actor.send({ type: 'SCALE_OUT', count: desired - this.replicas });
      else if (desired < this.replicas)
        this.host.actor.send({ type: 'SCALE_IN', count: this.replicas - desired });
    }
    return desired;
  }

  reset(): void {
    this.host.actor.send({ type: 'RESET' });
  }

  stop(): void {
    this.host.stop();
  }

  private sync(): void {
    const next = this.host.actor.getSnapshot().context.replicas;
    const previous = this.replicas;
    if (next === previous) return;
    this.replicas = next;
    this.onReplicasChange?.(next, previous);
  }
}

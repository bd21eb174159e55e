import type { SimComponent, Simulation } from '../engine/simulation';
import type { FailureSpec } from '../scenario/schema';
import type { RequestFlow, TierRuntime } from './flow';

/**
 * Failure injection at simulated times: a node crash for a duration, a latency spike (× factor),
 * a capacity reduction (workers × factor), a network partition between two tiers, a cache flush,
 * a replica lag spike. Each failure has a start and (unless open-ended) an end event; the end
 * restores the tier's base values. `share` picks the first ⌈share·n⌉ simulated instances.
 */
export class FailureInjector implements SimComponent {
  readonly failures: FailureSpec[] = [];
  /** Failures started so far (applied ones, for the UI's log). */
  readonly log: { t: number; kind: string; target: string; phase: 'start' | 'end' }[] = [];
  private readonly target: number;

  constructor(
    private readonly sim: Simulation,
    private readonly flow: RequestFlow,
  ) {
    this.target = sim.register(this);
  }

  /** Schedules a failure; one whose start lies in the past starts now. */
  add(failure: FailureSpec): void {
    const i = this.failures.length;
    this.failures.push(failure);
    const start = Math.max(this.sim.now, failure.atS);
    this.sim.scheduleAt(start, this.target, 2 * i);
    if (failure.durationS !== undefined)
      this.sim.scheduleAt(start + failure.durationS, this.target, 2 * i + 1);
  }

  onEvent(data: number): void {
    const f = this.failures[data >> 1];
    const starting = (data & 1) === 0;
    const tier = this.tier(f.target);
    this.log.push({
      t: this.sim.now,
      kind: f.kind,
      target: f.target,
      phase: starting ? 'start' : 'end',
    });
    const n = Math.max(1, Math.ceil(f.share * tier.count));
    const nodes = this.flow.nodes.slice(tier.first, tier.first + n);
    switch (f.kind) {
      case 'crash':
        nodes.forEach((node) => (starting ? node.crash() : node.restore()));
        break;
      case 'latency':
        nodes.forEach((node) => (node.latencyFactor = starting ? (f.factor ?? 10) : 1));
        break;
      case 'capacity':
        nodes.forEach((node) =>
          node.setWorkers(
            starting
              ? Math.max(0, Math.round(tier.baseWorkers * (f.factor ?? 0.5)))
              : tier.baseWorkers,
          ),
        );
        break;
      case 'partition': {
        const a = tier.index;
        const b = this.tier(f.peer!).index;
        const k = this.flow.tiers.length;
        const v = starting ? 1 : 0;
        this.flow.blocked[a * k + b] = v;
        this.flow.blocked[b * k + a] = v;
        break;
      }
      case 'cache-flush':
        if (starting) tier.caches?.slice(0, n).forEach((c) => c.flush());
        break;
      case 'replica-lag':
        tier.lagS = starting ? (f.lagS ?? 5) : tier.baseLagS;
        break;
    }
  }

  private tier(id: string): TierRuntime {
    const t = this.flow.tiers.find((x) => x.spec.id === id);
    if (!t) throw new RangeError(`no tier ${id}`);
    return t;
  }
}

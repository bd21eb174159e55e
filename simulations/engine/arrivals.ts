import { Deterministic, Exponential, type Distribution } from './distributions';
import type { RateProfile } from './profiles';
import type { Rng } from './rng';
import type { SimComponent, Simulation } from './simulation';
import type { Sink } from './station';

export interface OpenArrivalOptions {
  sink: Sink;
  rng: Rng;
  /** Stop after this many arrivals (default: never). */
  maxArrivals?: number;
  /** No arrivals at or after this time (default: never). */
  untilS?: number;
  /** First possible arrival time (default: the current simulated time). */
  startS?: number;
}

/**
 * Base of open arrival processes: one pending event at a time (the next arrival), customer ids
 * are the arrival sequence numbers (mod 2^31).
 */
abstract class OpenArrivals implements SimComponent {
  /** Arrivals emitted so far. */
  emitted = 0;
  protected readonly sim: Simulation;
  protected readonly rng: Rng;
  private readonly sink: Sink;
  private readonly target: number;
  private readonly maxArrivals: number;
  private readonly untilS: number;

  constructor(sim: Simulation, options: OpenArrivalOptions) {
    const { maxArrivals = Infinity, untilS = Infinity } = options;
    if (!(maxArrivals === Infinity || (Number.isInteger(maxArrivals) && maxArrivals >= 0))) {
      throw new RangeError(`maxArrivals must be an integer >= 0, got ${maxArrivals}`);
    }
    if (!(untilS >= 0)) throw new RangeError(`untilS must be >= 0, got ${untilS}`);
    this.sim = sim;
    this.rng = options.rng;
    this.sink = options.sink;
    this.maxArrivals = maxArrivals;
    this.untilS = untilS;
    this.target = sim.register(this);
  }

  /** Schedules the first arrival; called by subclasses once their fields are set. */
  protected begin(startS: number): void {
    if (this.maxArrivals > 0) this.scheduleAfter(startS);
  }

  /** Time of the next arrival after `t`, or Infinity for none. */
  protected abstract nextAfter(t: number): number;

  onEvent(_data: number): void {
    const id = this.emitted & 0x7fffffff;
    this.emitted++;
    this.sink.arrive(id);
    if (this.emitted < this.maxArrivals) this.scheduleAfter(this.sim.now);
  }

  private scheduleAfter(t: number): void {
    const next = this.nextAfter(t);
    if (next < this.untilS) this.sim.scheduleAt(next, this.target, 0);
  }
}

/** Renewal arrivals: i.i.d. interarrival times (Poisson = exponential, periodic = deterministic). */
export class RenewalArrivals extends OpenArrivals {
  private readonly interarrival: Distribution;
  constructor(sim: Simulation, options: OpenArrivalOptions & { interarrival: Distribution }) {
    super(sim, options);
    this.interarrival = options.interarrival;
    this.begin(options.startS ?? sim.now);
  }
  protected nextAfter(t: number): number {
    return t + this.interarrival.sample(this.rng);
  }
}

export function poissonArrivals(
  sim: Simulation,
  ratePerS: number,
  options: OpenArrivalOptions,
): RenewalArrivals {
  return new RenewalArrivals(sim, { ...options, interarrival: new Exponential(ratePerS) });
}

export function deterministicArrivals(
  sim: Simulation,
  ratePerS: number,
  options: OpenArrivalOptions,
): RenewalArrivals {
  if (!(ratePerS > 0 && ratePerS < Infinity))
    throw new RangeError(`rate must be > 0, got ${ratePerS}`);
  return new RenewalArrivals(sim, { ...options, interarrival: new Deterministic(1 / ratePerS) });
}

/**
 * Non-homogeneous Poisson arrivals by thinning (P. A. W. Lewis and G. S. Shedler, "Simulation of
 * nonhomogeneous Poisson processes by thinning", Naval Research Logistics Quarterly 26, 1979):
 * candidates come from a Poisson process at the profile's piecewise-constant bound λ̄ and are kept
 * with probability λ(t)/λ̄. When a candidate crosses the end of a bound segment we restart at the
 * boundary, which is exact because exponential gaps are memoryless.
 */
export class ThinningArrivals extends OpenArrivals {
  private readonly profile: RateProfile;
  constructor(sim: Simulation, options: OpenArrivalOptions & { profile: RateProfile }) {
    super(sim, options);
    this.profile = options.profile;
    this.begin(options.startS ?? sim.now);
  }
  protected nextAfter(start: number): number {
    const profile = this.profile;
    const rng = this.rng;
    let t = start;
    for (;;) {
      const bound = profile.boundAt(t);
      const until = profile.boundUntil(t);
      if (!(bound > 0)) {
        if (until === Infinity) return Infinity;
        t = until;
        continue;
      }
      const candidate = t - Math.log(1 - rng.next()) / bound;
      if (candidate >= until) {
        t = until;
        continue;
      }
      t = candidate;
      if (rng.next() * bound < profile.rateAt(t)) return t;
    }
  }
}

export interface ClosedLoopOptions {
  /** Number of users N; each has at most one request in flight. */
  users: number;
  /** Think time between a response (or a rejection) and the user's next request. */
  think: Distribution;
  rng: Rng;
  sink: Sink;
}

/**
 * Closed-loop users (the "terminal" or machine-repairman model): each user thinks, sends one
 * request, waits for it to finish, thinks again. Wire `complete` to the serving component's
 * departure (and drop) hook: `station.onDepart = users.complete`. Customer ids are user indexes.
 */
export class ClosedLoopUsers implements SimComponent {
  /** Requests sent so far. */
  sent = 0;
  /** Requests completed (or rejected) so far. */
  finished = 0;
  readonly users: number;
  private readonly sim: Simulation;
  private readonly think: Distribution;
  private readonly rng: Rng;
  private readonly sink: Sink;
  private readonly target: number;

  constructor(sim: Simulation, options: ClosedLoopOptions) {
    if (!(Number.isInteger(options.users) && options.users >= 1 && options.users < 2 ** 31)) {
      throw new RangeError(`users must be an integer >= 1, got ${options.users}`);
    }
    this.sim = sim;
    this.users = options.users;
    this.think = options.think;
    this.rng = options.rng;
    this.sink = options.sink;
    this.target = sim.register(this);
    // Every user starts by thinking, so start-up is spread out rather than a thundering herd.
    for (let u = 0; u < this.users; u++) sim.schedule(this.think.sample(this.rng), this.target, u);
  }

  /** Users currently waiting for a response. */
  get inFlight(): number {
    return this.sent - this.finished;
  }

  /** A user's think time is over: send its request. */
  onEvent(user: number): void {
    this.sent++;
    this.sink.arrive(user);
  }

  /** The user's request finished (served or dropped): think, then send again. */
  readonly complete = (user: number): void => {
    this.finished++;
    this.sim.schedule(this.think.sample(this.rng), this.target, user);
  };
}

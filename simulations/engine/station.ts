import type { Distribution } from './distributions';
import { CustomerStats } from './customerStats';
import type { LogHistogram } from './histogram';
import type { Rng } from './rng';
import type { SimComponent, Simulation } from './simulation';
import type { BatchMeans } from './stats';

/** Something customers can be sent to (a station, a load balancer, a model component). */
export interface Sink {
  /** A customer arrives now (the simulation's current time). */
  arrive(customerId: number): void;
}

/**
 * Called with the customer's id when it leaves (served) or is turned away (dropped); read the
 * time from the simulation. Hooks take no time argument so that no double crosses the call (V8
 * would box it in a fresh HeapNumber when the call is not inlined).
 */
export type CustomerHook = (customerId: number) => void;

export interface StationOptions {
  /** Number of identical servers c (integer >= 1). */
  servers: number;
  service: Distribution;
  /** The station's own random stream (rngStream(seed, name)). */
  rng: Rng;
  /** Max customers in the system, queue + service (Kendall's K); arrivals beyond it are dropped. */
  capacity?: number;
  /** The first `warmupCustomers` arrivals are simulated but not measured. */
  warmupCustomers?: number;
  histogramPrecisionBits?: number;
}

/**
 * A multi-server FIFO queue (G/G/c/K). Customers are integers; their state lives in typed arrays
 * (a ring buffer for the queue, one slot per server), so the hot path allocates nothing.
 * Accounting is exact: the areas under "customers in system" and "busy servers" are integrated at
 * every change; waits and sojourns of measured customers go into histograms and batch means.
 */
export class Station implements SimComponent, Sink {
  readonly servers: number;
  readonly capacity: number;
  readonly warmupCustomers: number;
  /** Cumulative counts since t = 0, measured or not (conservation holds on these). */
  arrived = 0;
  completed = 0;
  dropped = 0;
  /** Counts for measured customers since the measurement window opened. */
  measuredArrived = 0;
  measuredCompleted = 0;
  measuredDropped = 0;
  private readonly stats: CustomerStats;
  /** Start of the measurement window (NaN until the first measured arrival). */
  measureStartS = NaN;
  onDepart: CustomerHook | null = null;
  onDrop: CustomerHook | null = null;

  private readonly target: number;
  private readonly service: Distribution;
  private readonly rng: Rng;
  private inSystemCount = 0;
  private busyCount = 0;
  private lastT: number;
  private areaInSystem = 0;
  private areaBusy = 0;
  private areaInSystemAtStart = 0;
  private areaBusyAtStart = 0;
  // Free server stack and per-server customer slots.
  private readonly freeServers: Int32Array;
  private freeCount: number;
  private readonly serverArrival: Float64Array;
  private readonly serverStart: Float64Array;
  private readonly serverCustomer: Int32Array;
  private readonly serverMeasured: Uint8Array;
  // FIFO ring buffer (capacity a power of two, grows by doubling).
  private qArrival = new Float64Array(256);
  private qCustomer = new Int32Array(256);
  private qMeasured = new Uint8Array(256);
  private qHead = 0;
  private qLength = 0;
  private qMask = 255;

  constructor(
    private readonly sim: Simulation,
    options: StationOptions,
  ) {
    const { servers, capacity = Infinity, warmupCustomers = 0 } = options;
    if (!(Number.isInteger(servers) && servers >= 1))
      throw new RangeError(`servers must be an integer >= 1, got ${servers}`);
    if (!(capacity === Infinity || (Number.isInteger(capacity) && capacity >= 1))) {
      throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    }
    if (!(Number.isInteger(warmupCustomers) && warmupCustomers >= 0)) {
      throw new RangeError(`warmupCustomers must be an integer >= 0, got ${warmupCustomers}`);
    }
    this.servers = servers;
    this.capacity = capacity;
    this.warmupCustomers = warmupCustomers;
    this.service = options.service;
    this.rng = options.rng;
    this.stats = new CustomerStats(options.histogramPrecisionBits);
    this.freeServers = new Int32Array(servers);
    for (let i = 0; i < servers; i++) this.freeServers[i] = servers - 1 - i;
    this.freeCount = servers;
    this.serverArrival = new Float64Array(servers);
    this.serverStart = new Float64Array(servers);
    this.serverCustomer = new Int32Array(servers);
    this.serverMeasured = new Uint8Array(servers);
    this.lastT = sim.now;
    this.target = sim.register(this);
    if (warmupCustomers === 0) this.resetMeasurement(sim.now);
  }

  get inSystem(): number {
    return this.inSystemCount;
  }
  get inQueue(): number {
    return this.qLength;
  }
  get busy(): number {
    return this.busyCount;
  }

  /** Waits in queue of measured customers (recorded when they leave). */
  get waits(): LogHistogram {
    return this.stats.waits;
  }
  /** Times in system of measured customers. */
  get sojourns(): LogHistogram {
    return this.stats.sojourns;
  }
  get waitBatches(): BatchMeans {
    return this.stats.waitBatches;
  }
  get sojournBatches(): BatchMeans {
    return this.stats.sojournBatches;
  }
  /** Measured customers that had to queue (wait > 0), out of `waits.count`. */
  get measuredWaited(): number {
    return this.stats.waited;
  }

  /** Integral of customers-in-system over [0, now] (for snapshots and time averages). */
  inSystemArea(now: number): number {
    return this.areaInSystem + this.inSystemCount * (now - this.lastT);
  }
  /** Integral of busy servers over [0, now]. */
  busyArea(now: number): number {
    return this.areaBusy + this.busyCount * (now - this.lastT);
  }

  /** Time-average busy fraction of the c servers over the measurement window. */
  utilization(now: number): number {
    return (
      (this.busyArea(now) - this.areaBusyAtStart) / (this.servers * (now - this.measureStartS))
    );
  }
  /** Time-average number in system (L) over the measurement window. */
  meanInSystem(now: number): number {
    return (this.inSystemArea(now) - this.areaInSystemAtStart) / (now - this.measureStartS);
  }
  /** Time-average number waiting (Lq) over the measurement window. */
  meanInQueue(now: number): number {
    return this.meanInSystem(now) - this.utilization(now) * this.servers;
  }

  /**
   * Opens a new measurement window at `now`: clears histograms, batch means and measured counts.
   * Called automatically at the first measured arrival; call it yourself for a time-based warm-up.
   */
  resetMeasurement(now: number): void {
    this.measureStartS = now;
    this.areaInSystemAtStart = this.inSystemArea(now);
    this.areaBusyAtStart = this.busyArea(now);
    this.measuredArrived = 0;
    this.measuredCompleted = 0;
    this.measuredDropped = 0;
    this.stats.reset();
  }

  arrive(customerId: number): void {
    const now = this.sim.now;
    const index = this.arrived++;
    if (index === this.warmupCustomers && index > 0) this.resetMeasurement(now);
    const measured = index >= this.warmupCustomers;
    if (measured) this.measuredArrived++;
    const n = this.inSystemCount;
    if (n >= this.capacity) {
      this.dropped++;
      if (measured) this.measuredDropped++;
      if (this.onDrop !== null) this.onDrop(customerId);
      return;
    }
    const dt = now - this.lastT;
    this.areaInSystem += n * dt;
    this.areaBusy += this.busyCount * dt;
    this.lastT = now;
    this.inSystemCount = n + 1;
    if (this.busyCount < this.servers) {
      this.busyCount++;
      const server = this.freeServers[--this.freeCount];
      this.serverArrival[server] = now;
      this.startService(server, customerId, measured ? 1 : 0);
    } else {
      if (this.qLength > this.qMask) this.growQueue();
      const slot = (this.qHead + this.qLength) & this.qMask;
      this.qArrival[slot] = now;
      this.qCustomer[slot] = customerId;
      this.qMeasured[slot] = measured ? 1 : 0;
      this.qLength++;
    }
  }

  /** A service completion on server `server`. */
  onEvent(server: number): void {
    const now = this.sim.now;
    const dt = now - this.lastT;
    this.areaInSystem += this.inSystemCount * dt;
    this.areaBusy += this.busyCount * dt;
    this.lastT = now;
    const customerId = this.serverCustomer[server];
    if (this.serverMeasured[server] === 1) {
      // Wait and sojourn are both recorded at departure: one small call on the hot path.
      const arrivalS = this.serverArrival[server];
      const wait = this.serverStart[server] - arrivalS;
      const sojourn = now - arrivalS;
      this.stats.add(wait, sojourn);
      this.measuredCompleted++;
    }
    this.completed++;
    this.inSystemCount--;
    if (this.qLength > 0) {
      const slot = this.qHead;
      this.qHead = (slot + 1) & this.qMask;
      this.qLength--;
      this.serverArrival[server] = this.qArrival[slot];
      this.startService(server, this.qCustomer[slot], this.qMeasured[slot]);
    } else {
      this.freeServers[this.freeCount++] = server;
      this.busyCount--;
    }
    if (this.onDepart !== null) this.onDepart(customerId);
  }

  /** Puts a customer (whose arrival time is already in serverArrival) into service now. */
  private startService(server: number, customerId: number, measured: number): void {
    this.serverCustomer[server] = customerId;
    this.serverMeasured[server] = measured;
    this.serverStart[server] = this.sim.now;
    this.sim.schedule(this.service.sample(this.rng), this.target, server);
  }

  private growQueue(): void {
    const size = this.qArrival.length;
    const arrival = new Float64Array(size * 2);
    const customer = new Int32Array(size * 2);
    const measured = new Uint8Array(size * 2);
    for (let i = 0; i < this.qLength; i++) {
      const from = (this.qHead + i) & this.qMask;
      arrival[i] = this.qArrival[from];
      customer[i] = this.qCustomer[from];
      measured[i] = this.qMeasured[from];
    }
    this.qArrival = arrival;
    this.qCustomer = customer;
    this.qMeasured = measured;
    this.qHead = 0;
    this.qMask = size * 2 - 1;
  }
}

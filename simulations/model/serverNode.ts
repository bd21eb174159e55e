import type { RequestPool } from '../engine/requestPool';
import type { Rng } from '../engine/rng';
import type { SimComponent, Simulation } from '../engine/simulation';

/** Why a node turned a frame away. */
export const REJECT_QUEUE_FULL = 0;
export const REJECT_QUEUE_TIMEOUT = 1;
export const REJECT_CRASHED = 2;
export const REJECT_SHED = 3;

/** What a node tells the request flow. `index` is the node's own index in the topology. */
export interface NodeHost {
  /** The frame's service at node `index` is done (its worker is still held if `holdWorker`). */
  served(index: number, frame: number): void;
  rejected(index: number, frame: number, reason: number): void;
  /** False when nobody waits for the frame any more (its client gave up). */
  alive(frame: number): boolean;
}

export interface ServerNodeOptions {
  /** Index of this node among the topology's node instances (passed back to the host). */
  index: number;
  /** Concurrency limit c: workers, threads, connections (may change at run time). */
  workers: number;
  /** Mean service time per request class (s). */
  serviceMeanS: Float64Array;
  /** Exponential (the default, M/M/c-like) or deterministic service times. */
  service?: 'exp' | 'det';
  rng: Rng;
  /** Max frames waiting (not counting those in service); Infinity = unbounded. */
  queueCapacity?: number;
  /** A frame that waited longer than this is dropped when it reaches the head of the queue. */
  queueTimeoutS?: number;
  /** Serve the newest waiting frame first (adaptive LIFO under overload, as Facebook's). */
  lifo?: boolean;
  /** Drop queued frames whose client has already given up instead of serving them. */
  dropIfClientGone?: boolean;
  /** Keep the worker until the flow calls release() (thread-per-request: held across calls). */
  holdWorker?: boolean;
}

/**
 * A generic server node: c workers, a bounded FIFO (or LIFO) queue, service time per request
 * class, drop on queue timeout, optional shedding of requests nobody waits for, a worker pool that
 * can be resized at run time, crash and latency-spike modes. With one class, exponential service,
 * unbounded FIFO queue and no timeouts it is exactly the validated `Station` (G/G/c/K): the
 * station test in tests/simulations/topology/serverNode.test.ts checks it against Erlang C.
 */
export class ServerNode implements SimComponent {
  readonly index: number;
  /** Cumulative counts (conservation: arrived = served + rejected + inQueue + inService). */
  arrived = 0;
  served = 0;
  rejected = 0;
  /** Multiplies every service time (a latency spike injects a factor > 1). */
  latencyFactor = 1;
  /** A crashed node rejects every arrival and loses the frames in service. */
  crashed = false;

  private limit: number;
  private busyCount = 0;
  private readonly sim: Simulation;
  private readonly pool: RequestPool;
  private readonly host: NodeHost;
  private readonly target: number;
  private readonly mean: Float64Array;
  private readonly exponential: boolean;
  private readonly rng: Rng;
  private readonly queueCapacity: number;
  private readonly queueTimeoutS: number;
  private readonly lifo: boolean;
  private readonly dropIfClientGone: boolean;
  readonly holdWorker: boolean;
  // Worker slots: frame in service, and whether the frame was lost in a crash.
  private workerFrame: Int32Array;
  private workerLost: Uint8Array;
  private freeWorkers: Int32Array;
  private freeCount: number;
  // Ring buffer queue.
  private qFrame = new Int32Array(256);
  private qTime = new Float64Array(256);
  private qHead = 0;
  private qLength = 0;
  private qMask = 255;
  // Time integrals for utilization.
  private lastT: number;
  private areaBusy = 0;
  private areaLimit = 0;

  constructor(sim: Simulation, pool: RequestPool, host: NodeHost, options: ServerNodeOptions) {
    const { workers, queueCapacity = Infinity, queueTimeoutS = Infinity } = options;
    if (!(Number.isInteger(workers) && workers >= 1))
      throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
    this.index = options.index;
    this.sim = sim;
    this.pool = pool;
    this.host = host;
    this.limit = workers;
    this.mean = options.serviceMeanS;
    this.exponential = (options.service ?? 'exp') === 'exp';
    this.rng = options.rng;
    this.queueCapacity = queueCapacity;
    this.queueTimeoutS = queueTimeoutS;
    this.lifo = options.lifo === true;
    this.dropIfClientGone = options.dropIfClientGone === true;
    this.holdWorker = options.holdWorker === true;
    // Worker slots grow on demand: a CDN edge or a load balancer has "unlimited" workers.
    const slots = Math.min(workers, 64);
    this.workerFrame = new Int32Array(slots);
    this.workerLost = new Uint8Array(slots);
    this.freeWorkers = new Int32Array(slots);
    for (let i = 0; i < slots; i++) this.freeWorkers[i] = slots - 1 - i;
    this.freeCount = slots;
    this.lastT = sim.now;
    this.target = sim.register(this);
  }

  get workers(): number {
    return this.limit;
  }
  get busy(): number {
    return this.busyCount;
  }
  get inQueue(): number {
    return this.qLength;
  }

  /** Integral of busy workers over [0, now]. */
  busyArea(now: number): number {
    return this.areaBusy + this.busyCount * (now - this.lastT);
  }
  /** Integral of the worker limit over [0, now] (utilization = busyArea / limitArea). */
  limitArea(now: number): number {
    return this.areaLimit + this.limit * (now - this.lastT);
  }

  private account(now: number): void {
    const dt = now - this.lastT;
    this.areaBusy += this.busyCount * dt;
    this.areaLimit += this.limit * dt;
    this.lastT = now;
  }

  /** Resizes the worker pool (autoscaling, capacity loss). Busy workers above the new size finish first. */
  setWorkers(n: number): void {
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`workers must be >= 0, got ${n}`);
    this.account(this.sim.now);
    this.limit = n;
    this.drain();
  }

  /** A frame arrives now. */
  arrive(frame: number): void {
    this.arrived++;
    if (this.crashed) {
      this.rejected++;
      this.host.rejected(this.index, frame, REJECT_CRASHED);
      return;
    }
    if (this.busyCount < this.limit && this.qLength === 0) {
      this.account(this.sim.now);
      this.start(frame);
      return;
    }
    if (this.qLength >= this.queueCapacity) {
      this.rejected++;
      this.host.rejected(this.index, frame, REJECT_QUEUE_FULL);
      return;
    }
    if (this.qLength > this.qMask) this.growQueue();
    const slot = (this.qHead + this.qLength) & this.qMask;
    this.qFrame[slot] = frame;
    this.qTime[slot] = this.sim.now;
    this.qLength++;
  }

  /** Service completion of worker `w`. */
  onEvent(w: number): void {
    const now = this.sim.now;
    this.account(now);
    const frame = this.workerFrame[w];
    const lost = this.workerLost[w] === 1;
    if (lost || !this.holdWorker) this.freeWorker(w);
    else this.pool.worker[frame] = w;
    if (lost) {
      this.rejected++;
      this.host.rejected(this.index, frame, REJECT_CRASHED);
    } else {
      this.served++;
      this.host.served(this.index, frame);
    }
  }

  /** Releases a worker held by a frame (holdWorker mode). */
  release(w: number): void {
    this.account(this.sim.now);
    this.freeWorker(w);
  }

  /** Crash: queued frames are rejected now, frames in service are lost when their service ends. */
  crash(): void {
    this.crashed = true;
    for (let i = 0; i < this.workerFrame.length; i++) this.workerLost[i] = 1;
    while (this.qLength > 0) {
      const frame = this.qFrame[this.qHead];
      this.qHead = (this.qHead + 1) & this.qMask;
      this.qLength--;
      this.rejected++;
      this.host.rejected(this.index, frame, REJECT_CRASHED);
    }
  }

  restore(): void {
    this.crashed = false;
  }

  private freeWorker(w: number): void {
    this.workerLost[w] = 0;
    this.freeWorkers[this.freeCount++] = w;
    this.busyCount--;
    this.drain();
  }

  /** Starts queued frames while workers are free. */
  private drain(): void {
    const now = this.sim.now;
    while (this.busyCount < this.limit && this.qLength > 0) {
      let frame: number;
      let since: number;
      if (this.lifo) {
        const slot = (this.qHead + this.qLength - 1) & this.qMask;
        frame = this.qFrame[slot];
        since = this.qTime[slot];
      } else {
        const slot = this.qHead;
        frame = this.qFrame[slot];
        since = this.qTime[slot];
        this.qHead = (slot + 1) & this.qMask;
      }
      this.qLength--;
      if (now - since > this.queueTimeoutS) {
        this.rejected++;
        this.host.rejected(this.index, frame, REJECT_QUEUE_TIMEOUT);
        continue;
      }
      if (this.dropIfClientGone && !this.host.alive(frame)) {
        this.rejected++;
        this.host.rejected(this.index, frame, REJECT_SHED);
        continue;
      }
      this.start(frame);
    }
  }

  private start(frame: number): void {
    if (this.freeCount === 0) this.growWorkers();
    const w = this.freeWorkers[--this.freeCount];
    this.busyCount++;
    this.workerFrame[w] = frame;
    this.workerLost[w] = this.crashed ? 1 : 0;
    const mean = this.mean[this.pool.cls[frame]] * this.latencyFactor;
    // A zero service time (a pure router such as a load balancer) completes inline: no event.
    if (mean === 0) {
      this.onEvent(w);
      return;
    }
    const s = this.exponential ? -Math.log(1 - this.rng.next()) * mean : mean;
    this.sim.schedule(s, this.target, w);
  }

  private growWorkers(): void {
    const old = this.workerFrame.length;
    const n = Math.max(4, old * 2);
    const frames = new Int32Array(n);
    frames.set(this.workerFrame);
    const lost = new Uint8Array(n);
    lost.set(this.workerLost);
    const free = new Int32Array(n);
    free.set(this.freeWorkers.subarray(0, this.freeCount));
    for (let i = n - 1; i >= old; i--) free[this.freeCount++] = i;
    this.workerFrame = frames;
    this.workerLost = lost;
    this.freeWorkers = free;
  }

  private growQueue(): void {
    const size = this.qFrame.length * 2;
    const frames = new Int32Array(size);
    const times = new Float64Array(size);
    for (let i = 0; i < this.qLength; i++) {
      const from = (this.qHead + i) & this.qMask;
      frames[i] = this.qFrame[from];
      times[i] = this.qTime[from];
    }
    this.qFrame = frames;
    this.qTime = times;
    this.qHead = 0;
    this.qMask = size - 1;
  }
}

import { describe, expect, it } from 'vitest';
import { LogHistogram } from '@/simulations/engine/histogram';
import { RequestPool } from '@/simulations/engine/requestPool';
import { rngStream } from '@/simulations/engine/rng';
import { Simulation } from '@/simulations/engine/simulation';
import { queueTheory } from '@/simulations/engine/theory';
import {
  REJECT_CRASHED,
  REJECT_QUEUE_FULL,
  REJECT_QUEUE_TIMEOUT,
  ServerNode,
  type NodeHost,
} from '@/simulations/model/serverNode';

/** Poisson arrivals into one node; sojourns recorded; rejections counted by reason. */
function harness(options: Partial<ConstructorParameters<typeof ServerNode>[3]> & { rate: number }) {
  const sim = new Simulation();
  const pool = new RequestPool();
  const sojourn = new LogHistogram();
  const reasons: number[] = [];
  let sumSojourn = 0;
  const host: NodeHost = {
    served(_i, f) {
      const s = sim.now - pool.created[f];
      sojourn.record(s);
      sumSojourn += s;
      pool.release(f);
    },
    rejected(_i, f, reason) {
      reasons.push(reason);
      pool.release(f);
    },
    alive: () => true,
  };
  const node = new ServerNode(sim, pool, host, {
    index: 0,
    workers: 1,
    serviceMeanS: new Float64Array([1]),
    rng: rngStream(7, 'node'),
    ...options,
  });
  const rng = rngStream(7, 'arrivals');
  const target = sim.register({
    onEvent() {
      node.arrive(pool.alloc(sim.now));
      sim.schedule(-Math.log(1 - rng.next()) / options.rate, target, 0);
    },
  });
  sim.schedule(0, target, 0);
  return { sim, node, sojourn, reasons, mean: () => sumSojourn / sojourn.count };
}

describe('ServerNode', () => {
  it('with one class and an unbounded FIFO queue it is an M/M/c queue (Erlang C)', () => {
    // M/M/4 at ρ = 0.8, μ = 1: W from Erlang C; ±5% at ~200k customers.
    const h = harness({ workers: 4, rate: 3.2 });
    h.sim.runUntil(60_000);
    const theory = queueTheory(3.2, 1, 4, 'exp');
    expect(h.mean()).toBeGreaterThan(theory.meanSojourn * 0.95);
    expect(h.mean()).toBeLessThan(theory.meanSojourn * 1.05);
    expect(h.node.busyArea(h.sim.now) / h.node.limitArea(h.sim.now)).toBeCloseTo(0.8, 1);
  });

  it('conserves frames: arrived = served + rejected + queued + in service', () => {
    const h = harness({ workers: 2, rate: 5, queueCapacity: 10, queueTimeoutS: 2 });
    h.sim.runUntil(500);
    const n = h.node;
    expect(n.arrived).toBe(n.served + n.rejected + n.inQueue + n.busy);
    expect(h.reasons).toContain(REJECT_QUEUE_FULL);
    expect(h.reasons).toContain(REJECT_QUEUE_TIMEOUT);
  });

  it('resizes its worker pool at run time', () => {
    const h = harness({ workers: 1, rate: 1.5 });
    h.sim.runUntil(200);
    expect(h.node.inQueue).toBeGreaterThan(20); // overloaded at one worker
    h.node.setWorkers(4);
    expect(h.node.busy).toBe(4);
    h.sim.runUntil(400);
    expect(h.node.inQueue).toBeLessThan(10);
  });

  it('a crash rejects queued frames and loses those in service', () => {
    const h = harness({ workers: 1, rate: 3 });
    h.sim.runUntil(50);
    const queued = h.node.inQueue;
    h.node.crash();
    expect(h.reasons.filter((r) => r === REJECT_CRASHED).length).toBe(queued);
    const servedAtCrash = h.node.served;
    h.sim.runUntil(70);
    expect(h.node.served).toBe(servedAtCrash);
    h.node.restore();
    h.sim.runUntil(80);
    expect(h.node.served).toBeGreaterThan(servedAtCrash);
  });

  it('LIFO serves the newest waiting frame first', () => {
    const fifo = harness({ workers: 1, rate: 0.9 });
    const lifo = harness({ workers: 1, rate: 0.9, lifo: true });
    fifo.sim.runUntil(20_000);
    lifo.sim.runUntil(20_000);
    // Same mean (work-conserving), much heavier tail under LIFO.
    expect(lifo.sojourn.quantile(0.99)).toBeGreaterThan(fifo.sojourn.quantile(0.99) * 1.5);
    expect(lifo.sojourn.quantile(0.5)).toBeLessThan(fifo.sojourn.quantile(0.5));
  });
});

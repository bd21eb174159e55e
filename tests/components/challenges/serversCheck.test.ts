import { describe, expect, it } from 'vitest';
import {
  checkServers,
  SERVERS_CHALLENGE,
  simulateServers,
} from '@/components/challenges/serversCheck';
import { createInProcessApi } from '@/simulations/api';
import { mmc } from '@/simulations/engine/theory';

const api = createInProcessApi();
const { arrivalRate, meanServiceMs } = SERVERS_CHALLENGE;

describe('servers challenge (fewest vCPUs for p99 under 5 ms at 30K users)', () => {
  it('should fail for the starting value: 2 vCPU cannot keep up', async () => {
    const r = await checkServers(api, SERVERS_CHALLENGE.start);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/grows without end/);
  });

  it('should fail for 3 vCPU: stable, but p99 is over the target', async () => {
    const r = await checkServers(api, 3);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/Over the 5 ms target/);
  });

  it('should pass for the reference answer, 4 vCPU', async () => {
    const r = await checkServers(api, 4);
    expect(r.pass).toBe(true);
    expect(r.message).toMatch(/with 3 vCPU/);
  });

  it('should fail for more than needed: 5 vCPU meets it, but so does 4', async () => {
    const r = await checkServers(api, 5);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/Find the fewest/);
  });

  it('should reject input outside 1–16 with a clear message', async () => {
    for (const bad of [0, 17, 2.5, Number.NaN]) {
      const r = await checkServers(api, bad);
      expect(r).toEqual({ pass: false, message: 'Pick a whole number of vCPUs from 1 to 16.' });
    }
  });

  it('should measure p99 within 3% of Erlang C at the loads that decide the answer', async () => {
    for (const c of [3, 4, 5]) {
      const run = await simulateServers(api, c);
      const theory = 1000 * mmc(arrivalRate, 1000 / meanServiceMs, c).sojournQuantile!(0.99);
      expect(Math.abs(run.p99Ms! / theory - 1), `c = ${c}`).toBeLessThan(0.03);
    }
  });
});

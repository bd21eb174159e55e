import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSidebar, type RunSidebar } from '@/components/challenges/sidebarCheck';
import type { QueryLabEngine } from '@/lib/db/engine';
import { OPEN_TIMEOUT_MS, openEngine } from '../../lib/db/helpers';

let engine: QueryLabEngine;
beforeAll(async () => {
  engine = await openEngine('app');
}, OPEN_TIMEOUT_MS);
afterAll(async () => engine?.close());

const run: RunSidebar = async (variant, rttMs) => {
  const r = await engine.runMeasureLab({ rttMs, variants: [variant] });
  return r.runs[variant]!;
};

describe('sidebar challenge (p95 network wait under 5 ms at a 2 ms round trip)', () => {
  it('should fail for the starting handler, the per-channel loop', async () => {
    const r = await checkSidebar(run, 'baseline');
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/over the 5 ms budget/);
    // p95 of 1 + 2 × channels round trips at 2 ms: far over 5 ms on every machine.
    expect(r.message).toMatch(/p95 network wait \d{2} ms/);
  });

  it('should pass for the reference handler, one statement', async () => {
    const r = await checkSidebar(run, 'fixed');
    expect(r.pass).toBe(true);
    expect(r.message).toMatch(/p95 network wait 2\.0 ms/);
  });

  it('should report a lab without sidebar requests as an error, not a verdict', async () => {
    const empty: RunSidebar = async (variant, rttMs) => ({
      ...(await run(variant, rttMs)),
      endpoints: [],
    });
    await expect(checkSidebar(empty, 'fixed')).rejects.toThrow(/no GET \/channels/);
  });
});

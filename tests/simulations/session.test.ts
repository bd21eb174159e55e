import { describe, expect, it } from 'vitest';
import {
  createInProcessApi,
  createSimulationHandlers,
  createWorkerApi,
  exposeSimulationApi,
  type SessionProgress,
  type SimulationApi,
} from '@/simulations/api';
import type { SeriesRow } from '@/simulations/model/recorder';
import { BUILTIN_SCENARIOS } from '@/simulations/scenario/builtin';
import { fakeWorkerPair } from '../lib/worker-rpc/fakeWorker';

// 2,000 users at one request per 10 s: 200 requests/s on the monolith, cheap enough for a loaded
// machine, busy enough that every second has arrivals and completions.
const OPEN = { scenario: 'monolith', seed: 3, users: 2000 } as const;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function workerApi(options: Parameters<typeof createSimulationHandlers>[0] = {}) {
  const { scope, worker } = fakeWorkerPair();
  exposeSimulationApi(scope, createSimulationHandlers({ yieldToHost: macrotask, ...options }));
  return createWorkerApi(worker);
}

/** Collects progress and checks that each message starts where the previous one ended. */
function collector() {
  const rows: SeriesRow[] = [];
  const messages: SessionProgress[] = [];
  return {
    rows,
    messages,
    onProgress: (p: SessionProgress) => {
      expect(p.from).toBe(rows.length);
      messages.push(p);
      rows.push(...p.rows);
    },
  };
}

async function rowsOf(api: SimulationApi, untilS: number, open = OPEN) {
  const { sessionId } = await api.openSession(open);
  const c = collector();
  await api.advanceSession({ sessionId, untilS }, { onProgress: c.onProgress });
  return { sessionId, rows: c.rows };
}

describe('simulation sessions', () => {
  it('should give identical rows and summary in-process and through the worker transport', async () => {
    const local = createInProcessApi();
    const remote = workerApi();
    const a = await rowsOf(local, 6);
    const b = await rowsOf(remote, 6);
    expect(a.rows).toHaveLength(6);
    expect(a.rows.every((r) => r.arrivals > 0)).toBe(true);
    expect(b.rows).toEqual(a.rows);
    expect(await remote.sessionSummary({ sessionId: b.sessionId })).toEqual(
      await local.sessionSummary({ sessionId: a.sessionId }),
    );
  });

  it('should never resend or rewrite rows across advances, in bounded messages', async () => {
    const api = createInProcessApi({ maxRowsPerMessage: 2, chunkS: 5 });
    const { sessionId } = await api.openSession(OPEN);
    const c = collector();
    await api.advanceSession({ sessionId, untilS: 2.5 }, { onProgress: c.onProgress });
    expect(c.rows).toHaveLength(2);
    const first = structuredClone(c.rows);
    const info = await api.advanceSession({ sessionId, untilS: 9 }, { onProgress: c.onProgress });
    expect(info).toMatchObject({ now: 9, sent: 9 });
    expect(c.rows.slice(0, 2)).toEqual(first);
    expect(c.messages.every((m) => m.rows.length >= 1 && m.rows.length <= 2)).toBe(true);
    // Split advances give the rows of one uninterrupted advance.
    expect(c.rows).toEqual((await rowsOf(createInProcessApi(), 9)).rows);
    // Advancing to the current time sends nothing.
    const none = collector();
    await api.advanceSession({ sessionId, untilS: 9 }, { onProgress: none.onProgress });
    expect(none.messages).toEqual([]);
  });

  it('should stop an aborted advance between chunks and continue from the time it reached', async () => {
    const api = createInProcessApi();
    const { sessionId } = await api.openSession(OPEN);
    const c = collector();
    const controller = new AbortController();
    const aborted = api.advanceSession(
      { sessionId, untilS: 8 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          c.onProgress(p);
          if (c.rows.length === 3) controller.abort();
        },
      },
    );
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const info = await api.advanceSession({ sessionId, untilS: 8 }, { onProgress: c.onProgress });
    expect(info.now).toBe(8);
    expect(c.rows).toEqual((await rowsOf(createInProcessApi(), 8)).rows);
  });

  it('should abort through the worker and recover dropped rows with fromRow', async () => {
    const api = workerApi();
    const { sessionId } = await api.openSession(OPEN);
    const c = collector();
    const controller = new AbortController();
    const aborted = api.advanceSession(
      { sessionId, untilS: 30 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          c.onProgress(p);
          if (c.rows.length >= 2) controller.abort();
        },
      },
    );
    await expect(aborted).rejects.toMatchObject({ kind: 'aborted' });
    // The worker stops at the next chunk boundary; the session answers again once it has.
    const summary = await api.sessionSummary({ sessionId });
    expect(summary.duration).toBeLessThan(30);
    const info = await api.advanceSession(
      { sessionId, untilS: 30, fromRow: c.rows.length },
      { onProgress: c.onProgress },
    );
    expect(info.now).toBe(30);
    expect(c.rows).toEqual((await rowsOf(createInProcessApi(), 30)).rows);
  });

  it('should change the rows after a patch and after an injected failure', async () => {
    const base = await rowsOf(createInProcessApi(), 6);
    for (const change of [
      (api: SimulationApi, sessionId: string) =>
        api.patchSession({ sessionId, patch: { users: 20_000 } }),
      (api: SimulationApi, sessionId: string) =>
        api.injectFailure({ sessionId, failure: { kind: 'crash', atS: 3, target: 'db' } }),
    ]) {
      const api = createInProcessApi();
      const { sessionId } = await api.openSession(OPEN);
      const c = collector();
      await api.advanceSession({ sessionId, untilS: 3 }, { onProgress: c.onProgress });
      await change(api, sessionId);
      await api.advanceSession({ sessionId, untilS: 6 }, { onProgress: c.onProgress });
      expect(c.rows.slice(0, 3)).toEqual(base.rows.slice(0, 3));
      expect(c.rows.slice(3)).not.toEqual(base.rows.slice(3));
    }
    // Direction, not just difference: 10x users, about 10x arrivals; a crashed database, errors.
    const api = createInProcessApi();
    const { sessionId } = await api.openSession(OPEN);
    await api.patchSession({ sessionId, patch: { users: 20_000 } });
    await api.injectFailure({ sessionId, failure: { kind: 'crash', atS: 0, target: 'db' } });
    const c = collector();
    await api.advanceSession({ sessionId, untilS: 3 }, { onProgress: c.onProgress });
    expect(c.rows[2].arrivals).toBeGreaterThan(5 * base.rows[2].arrivals);
    expect(c.rows[2].errorRate).toBeGreaterThan(0.5);
  });

  it('should reject bad input with a clear message and leave the session intact', async () => {
    for (const api of [createInProcessApi(), workerApi()]) {
      const { sessionId } = await api.openSession(OPEN);
      const c = collector();
      await api.advanceSession({ sessionId, untilS: 2 }, { onProgress: c.onProgress });
      const cases: [Promise<unknown>, RegExp][] = [
        [api.advanceSession({ sessionId: 'nope', untilS: 3 }), /no open session "nope"/],
        [api.sessionSummary({ sessionId: 'nope' }), /summary: no open session/],
        [api.openSession({ scenario: 'no-such' }), /unknown scenario "no-such" \(known: monolith/],
        [api.openSession({ scenario: { name: 'x' } }), /open: scenario\.\w+/],
        [
          api.openSession({
            scenario: { ...BUILTIN_SCENARIOS.monolith, tiers: [{ id: 'Bad Id' }] },
          }),
          /scenario\.tiers\[0\]/,
        ],
        [api.openSession({ scenario: 'monolith', users: 0 }), /params\.users/],
        [api.advanceSession({ sessionId, untilS: NaN }), /params\.untilS/],
        [api.advanceSession({ sessionId, untilS: 1 }), /untilS 1 is before the session's time 2/],
        [api.advanceSession({ sessionId, untilS: 1e9 }), /at most 86400 simulated seconds/],
        [api.advanceSession({ sessionId, untilS: 3, fromRow: 5 }), /fromRow must be/],
        [
          api.patchSession({ sessionId, patch: { users: 9999, workers: { nope: 3 } } }),
          /workers\.nope: no such tier \(tiers: app, db\)/,
        ],
        [api.patchSession({ sessionId, patch: { users: -1 } }), /params\.patch\.users/],
        [
          api.injectFailure({ sessionId, failure: { kind: 'meteor', atS: 3, target: 'db' } }),
          /inject: failure\.kind/,
        ],
        [
          api.injectFailure({ sessionId, failure: { kind: 'crash', atS: 3, target: 'cdn' } }),
          /no such tier "cdn"/,
        ],
      ];
      for (const [call, message] of cases) await expect(call).rejects.toThrow(message);
      const info = await api.advanceSession({ sessionId, untilS: 6 }, { onProgress: c.onProgress });
      expect(info).toMatchObject({ now: 6, sent: 6 });
      expect(c.rows).toEqual((await rowsOf(createInProcessApi(), 6)).rows);
    }
  });

  it('should refuse a second advance of a session that is advancing', async () => {
    const api = workerApi();
    const { sessionId } = await api.openSession(OPEN);
    const first = api.advanceSession({ sessionId, untilS: 4 });
    await expect(api.advanceSession({ sessionId, untilS: 4 })).rejects.toThrow(/already advancing/);
    expect((await first).now).toBe(4);
  });

  it('should cap open sessions and free a closed one', async () => {
    const api = createInProcessApi({ maxSessions: 2 });
    const a = await api.openSession(OPEN);
    const b = await api.openSession(OPEN);
    expect(a.sessionId).not.toBe(b.sessionId);
    await expect(api.openSession(OPEN)).rejects.toThrow(/2 sessions are open \(the limit\)/);
    expect(await api.closeSession({ sessionId: a.sessionId })).toBe(true);
    await expect(api.advanceSession({ sessionId: a.sessionId, untilS: 1 })).rejects.toThrow(
      /no open session/,
    );
    await expect(api.closeSession({ sessionId: a.sessionId })).rejects.toThrow(/no open session/);
    const c = await api.openSession(OPEN);
    expect(c.sessionId).not.toBe(a.sessionId);
    expect((await api.advanceSession({ sessionId: b.sessionId, untilS: 1 })).now).toBe(1);
  });
});

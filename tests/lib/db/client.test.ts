import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkerClient,
  type ClientStatus,
  type QueryLabClient,
  type WorkerLike,
} from '@/lib/db/client';
import type { WorkerEventLike } from '@/lib/worker-rpc';
import { QueryLabError } from '@/lib/db/errors';
import { loadNodeSource } from '@/lib/db/node/source';
import { serveQueryLab, type WorkerPort } from '@/lib/db/worker-server';
import { OPEN_TIMEOUT_MS } from './helpers';

/**
 * The worker transport end to end in one thread: a fake Worker whose other side is the real
 * serveQueryLab (the code lib/db/worker.ts runs), messages structured-cloned and delivered
 * asynchronously like postMessage. The browser run of the real Worker is in tests/e2e.
 */
class InThreadWorker implements WorkerLike {
  terminated = false;
  protected readonly pageListeners = new Map<string, Array<(event: WorkerEventLike) => void>>();
  private readonly serverListeners: Array<(event: { data: unknown }) => void> = [];

  constructor(serve = true) {
    const port: WorkerPort = {
      postMessage: (message) => this.toPage(message),
      addEventListener: (_type, listener) => this.serverListeners.push(listener),
    };
    if (serve)
      serveQueryLab(port, {
        loadSource: async () => ({ source: await loadNodeSource('app'), pgliteVersion: 'test' }),
      });
  }

  addEventListener(type: string, listener: (event: WorkerEventLike) => void): void {
    this.pageListeners.set(type, [...(this.pageListeners.get(type) ?? []), listener]);
  }

  /** Delivers `message` to the page, structured-cloned and asynchronously, like postMessage. */
  toPage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.pageListeners.get('message')?.forEach((l) => l({ data }));
    }, 0);
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => !this.terminated && this.serverListeners.forEach((l) => l({ data })), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A worker that never answers anything: start-up hangs, like PGlite on a wrong wasm MIME type. */
class SilentWorker extends InThreadWorker {
  constructor() {
    super(false);
  }
}

let client: QueryLabClient;
const statuses: ClientStatus[] = [];
const workers: InThreadWorker[] = [];
beforeAll(async () => {
  client = await createWorkerClient({
    dataset: 'app',
    manifestUrl: 'http://unused.invalid/manifest.json',
    warmUp: true,
    onStatus: (s) => statuses.push(s),
    createWorker: () => {
      const w = new InThreadWorker();
      workers.push(w);
      return w;
    },
  });
}, OPEN_TIMEOUT_MS);
afterAll(async () => client?.close());

describe('worker transport (protocol over a fake Worker)', () => {
  it('should report progress, then ready with the data dir facts', () => {
    expect(statuses.some((s) => s.state === 'loading')).toBe(true);
    expect(statuses.find((s) => s.state !== 'loading')?.state).toBe('ready');
    expect(client.info).toMatchObject({ dataset: 'app', messages: 100_000, users: 10_000 });
  });

  it('should warm the JIT up after ready and report ready again when done', async () => {
    await client.runSql('SELECT 1'); // queued behind the warm-up in the worker
    const states = statuses.map((st) => st.state);
    expect(states.indexOf('warming-up')).toBeGreaterThan(states.indexOf('ready'));
    expect(states.lastIndexOf('ready')).toBeGreaterThan(states.indexOf('warming-up'));
  });

  it('should run the N+1 lab through the protocol', async () => {
    const r = await client.runNPlusOne({ users: 12, rttMs: 0.5 });
    expect(r.runs.nPlusOne?.queries).toBe(13);
    expect(r.runs.join?.queries).toBe(1);
    expect(r.checksumsMatch).toBe(true);
  });

  it('should return SQL errors as data and keep serving', async () => {
    const bad = await client.runSql('SELEC 1');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.position).toBe(1);
    const good = await client.runSql('SELECT 2 AS two');
    expect(good.ok && good.statements[0]?.rows).toEqual([{ two: 2 }]);
  });

  it('should reject invalid arguments with a bad-request error (validated in the worker)', async () => {
    await expect(client.runNPlusOne({ users: 0, rttMs: 0.5 })).rejects.toMatchObject({
      kind: 'bad-request',
    });
    await expect(client.runNPlusOne({ users: 10, rttMs: -1 })).rejects.toBeInstanceOf(
      QueryLabError,
    );
  });

  it('should restore DROP TABLE messages with reset', async () => {
    await client.runSql('DROP TABLE messages');
    expect((await client.runSql('SELECT 1 FROM messages LIMIT 1')).ok).toBe(false);
    const reset = await client.reset();
    expect(reset.ms).toBeGreaterThan(0);
    expect((await client.runSql('SELECT 1 FROM messages LIMIT 1')).ok).toBe(true);
  });

  it('should run user code and return its query log as data', async () => {
    const r = await client.runUserCode('const users = await User.findAll();', {
      users: 7,
      rttMs: 2,
    });
    expect(r.ok).toBe(true);
    expect(r.summary.queries).toBe(1);
    expect(r.log[0]?.params).toEqual([7]);
    expect(r.summary.rttMs).toBe(2);
  });

  it(
    'should terminate and restart the worker when user code outlives its limit',
    async () => {
      // An in-thread server cannot really spin, so simulate `while (true) {}`: the worker says it
      // started the code, then never answers again.
      const current = workers.at(-1)!;
      const post = current.postMessage.bind(current);
      current.postMessage = (m: unknown) => {
        const call = m as { id: number; method?: string };
        if (call.method !== 'runUserCode') post(m);
        else current.toPage({ type: 'progress', id: call.id, value: 'started' });
      };
      const r = await client.runUserCode('while (true) {}', { users: 1, rttMs: 0, timeoutMs: 200 });
      expect(r.ok).toBe(false);
      expect(r.error?.kind).toBe('timeout');
      expect(r.error?.message).toMatch(/Stopped after 0.2 s/);
      expect(r.restarted).toBe(true);
      expect(current.terminated).toBe(true);
      expect(workers.length).toBeGreaterThanOrEqual(2);
      expect(statuses.some((s) => s.state === 'restarting')).toBe(true);
      const after = await client.runSql('SELECT count(*)::int AS n FROM users');
      expect(after.ok && after.statements[0]?.rows).toEqual([{ n: 10_000 }]);
    },
    OPEN_TIMEOUT_MS,
  );
});

describe('start-up failures', () => {
  it('should time out with a clear error naming the stuck phase when the worker never answers', async () => {
    const silent = new SilentWorker();
    const err = await createWorkerClient({
      dataset: 'app',
      manifestUrl: 'x',
      startupTimeoutMs: 150,
      createWorker: () => silent,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryLabError);
    expect(err).toMatchObject({ kind: 'startup-timeout' });
    expect((err as Error).message).toMatch(/did not start within 0.15 s \(stuck at: manifest\)/);
    expect(silent.terminated).toBe(true);
  });

  it('should reject with load-failed when the worker reports an init error', async () => {
    const w = new SilentWorker();
    w.postMessage = (m: unknown) => {
      const { id, method } = m as { id: number; method: string };
      if (method !== 'init') return;
      w.toPage({
        type: 'error',
        id,
        error: { kind: 'remote', code: 'load-failed', message: 'Could not load x: HTTP 404.' },
      });
    };
    await expect(
      createWorkerClient({ dataset: 'app', manifestUrl: 'x', createWorker: () => w }),
    ).rejects.toMatchObject({ kind: 'load-failed', message: 'Could not load x: HTTP 404.' });
  });
});

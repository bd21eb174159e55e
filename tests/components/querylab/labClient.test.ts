import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueryLabError } from '@/lib/db/errors';

/** Each createWorkerClient call: the test settles it by hand. */
const starts: Array<{ resolve: (c: unknown) => void; reject: (e: unknown) => void }> = [];
vi.mock('@/lib/db/client', () => ({
  MANIFEST_PATH: '/generated/pglite/manifest.json',
  createWorkerClient: () =>
    new Promise((resolve, reject) => {
      starts.push({ resolve, reject });
    }),
}));

const { labSnapshot, retryLab, startLab } = await import('@/components/querylab/labClient');

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 0));
};

beforeAll(() => {
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1/learn/n-plus-one/' } });
});
afterAll(() => vi.unstubAllGlobals());

describe('labClient', () => {
  it('should start one worker per dataset, however many widgets ask', async () => {
    startLab('indexing');
    startLab('indexing');
    await until(() => starts.length === 1);
    expect(labSnapshot('indexing').kind).toBe('loading');
  });

  it('should leave a failed lab failed until the reader presses Retry', async () => {
    starts.length = 0;
    startLab('app');
    await until(() => starts.length === 1);
    starts[0]!.reject(new QueryLabError('load-failed', 'Could not load app.tar.gz: HTTP 503.'));
    await until(() => labSnapshot('app').kind === 'failed');
    // A widget mounting later (or the early start as the reader approaches) must not replace the
    // error the reader is looking at with a silent new attempt.
    startLab('app');
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toHaveLength(1);
    expect(labSnapshot('app')).toMatchObject({ kind: 'failed', message: /HTTP 503/ });
    retryLab('app');
    await until(() => starts.length === 2);
    const client = { info: { loadMs: 5 }, close: async () => undefined };
    starts[1]!.resolve(client);
    await until(() => labSnapshot('app').kind === 'ready');
    expect(labSnapshot('app')).toMatchObject({ kind: 'ready', client });
  });
});

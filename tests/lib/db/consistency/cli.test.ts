import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/db/cli/args';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function querylab(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'querylab', '--', 'consistency', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const CONTRACT = [
  'lab',
  'strategy',
  'requests',
  'staleReads',
  'duplicates',
  'lostUpdates',
  'lostEvents',
  'primaryQueries',
  'ms',
];
const json = (r: Run): Record<string, unknown> => {
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
};
const withoutTimes = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !/Ms$|^ms$/.test(k)));

let first: Run;
let again: Run;
let shards: Run;
let bad: Run;
beforeAll(async () => {
  [first, again, shards, bad] = await Promise.all([
    querylab(['--lab', 'lost-update', '--seed', '3', '--requests', '60', '--json']),
    querylab(['--lab', 'lost-update', '--seed', '3', '--requests', '60', '--json']),
    querylab(['--lab', 'shards', '--shards', '2', '--strategy', 'skewed', '--json']),
    querylab(['--lab', 'replica-lag', '--lag-ms', '-100', '--json']),
  ]);
}, 300_000);

describe('querylab consistency', () => {
  it('should print one JSON line with the contract keys, counts that do not apply at 0', () => {
    expect(first.code).toBe(0);
    const out = json(first);
    for (const k of CONTRACT) expect(out).toHaveProperty(k);
    expect(out).toMatchObject({
      lab: 'lost-update',
      strategy: 'naive',
      requests: 60,
      staleReads: 0,
      duplicates: 0,
      lostEvents: 0,
    });
    expect(out.lostUpdates).toBeGreaterThan(0);
    expect(out).not.toHaveProperty('events');
  });

  it('should be deterministic in everything but times for a given seed', () => {
    expect(withoutTimes(json(again))).toEqual(withoutTimes(json(first)));
  });

  it('should add the shard numbers for the shards lab', () => {
    expect(shards.code).toBe(0);
    const out = json(shards);
    expect(out).toMatchObject({ lab: 'shards', strategy: 'skewed', shards: 2 });
    for (const k of ['singleShardMs', 'scatterGatherMs', 'hotShardShare'])
      expect(typeof out[k]).toBe('number');
    expect(out.hotShardShare).toBeGreaterThan(0.5);
  });

  it('should exit 2 with one line naming the bad argument', () => {
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    const lines = bad.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\(--lag-ms: .*>=0\)$/);
  });

  it.each([
    [['consistency'], /--lab/],
    [
      ['consistency', '--lab', 'outbox', '--strategy', 'key'],
      /--strategy: outbox strategies are direct\|outbox/,
    ],
    [['consistency', '--lab', 'shards', '--shards', '99'], /--shards/],
    [['consistency', '--lab', 'idempotency', '--requests', '1e9'], /--requests/],
    [['consistency', '--lab', 'outbox', '--seed', 'abc'], /--seed/],
    [['consistency', '--lab', 'outbox', '--users', '5'], /unknown option --users/],
  ])('should reject %j', (argv, message) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/db/cli/args';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real CLI; `viaNpm` uses the exact documented command (npm run --silent querylab -- …). */
function querylab(args: string[], viaNpm = true): Promise<Run> {
  const [cmd, argv] = viaNpm
    ? ['npm', ['run', '--silent', 'querylab', '--', ...args]]
    : ['node_modules/.bin/tsx', ['lib/db/cli.ts', ...args]];
  return new Promise((resolve) => {
    const child = spawn(cmd as string, argv as string[]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The PGlite-backed invocations run concurrently (each opens a data dir: seconds apiece).
let contract: Run;
let withRtt: Run;
let explain: Run;
let readable: Run;
beforeAll(async () => {
  [contract, withRtt, explain, readable] = await Promise.all([
    querylab(['n-plus-one', '--users', '40', '--json']),
    querylab(['n-plus-one', '--users', '10', '--rtt-ms', '100', '--json'], false),
    querylab(['explain', '--json']),
    querylab(['n-plus-one', '--users', '10'], false),
  ]);
}, 300_000);

const strategyKeys = ['checksum', 'ms', 'queries', 'rows'];

describe('querylab CLI', () => {
  it('should print exactly one JSON line for n-plus-one with the contract keys', () => {
    const r = contract;
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out).sort()).toEqual(['batched', 'join', 'nPlusOne', 'users']);
    expect(out.users).toBe(40);
    expect(Object.keys(out.nPlusOne).sort()).toEqual(strategyKeys);
    expect(Object.keys(out.join).sort()).toEqual(strategyKeys);
    expect(out.nPlusOne).toMatchObject({ queries: 41, rows: 440 });
    expect(out.join).toMatchObject({ queries: 1, rows: 400 });
    expect(out.nPlusOne.checksum).toBe(out.join.checksum);
    expect(out.nPlusOne.ms).toBeGreaterThan(0);
    expect(Object.keys(out.batched).sort()).toEqual(strategyKeys);
    // The users, then every user's posts in one WHERE user_id = ANY($1): 40 + 400 rows.
    expect(out.batched).toMatchObject({ queries: 2, rows: 440 });
    expect(out.batched.checksum).toBe(out.join.checksum);
  });

  it('should add queries × RTT to ms when --rtt-ms is given', () => {
    const r = withRtt;
    const out = JSON.parse(r.stdout);
    expect(out.nPlusOne.ms).toBeGreaterThanOrEqual(11 * 100);
    expect(out.join.ms).toBeGreaterThanOrEqual(100);
    expect(out.join.ms).toBeLessThan(11 * 100);
    expect(out.batched.ms).toBeGreaterThanOrEqual(2 * 100);
    expect(out.batched.ms).toBeLessThan(11 * 100);
  });

  it('should print the explain contract: Seq Scan without the index, an index scan with it', () => {
    const r = explain;
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(Object.keys(out).sort()).toEqual(['rows', 'withIndex', 'withoutIndex']);
    expect(out.rows).toBeGreaterThanOrEqual(200_000);
    expect(Object.keys(out.withoutIndex).sort()).toEqual(['ms', 'nodeTypes']);
    expect(out.withoutIndex.nodeTypes).toContain('Seq Scan');
    expect(out.withIndex.nodeTypes).toContain('Index Scan');
    expect(out.withIndex.ms).toBeLessThan(out.withoutIndex.ms);
  });

  it('should print a readable table without --json', () => {
    const r = readable;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/strategy\s+queries\s+rows/);
    expect(r.stdout).toMatch(/nPlusOne\s+11\s/);
    expect(r.stdout).toMatch(/checksums match/);
  });

  it.each([[['n-plus-one', '--users', 'abc']], [['explain', '--users', '5']], [[]]])(
    'should exit 2 with a one-line usage error for %j',
    async (args) => {
      const r = await querylab(args, false);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^usage: querylab/);
    },
    60_000,
  );
});

describe('parseArgs', () => {
  it.each([
    [['n-plus-one', '--users', '0']],
    [['n-plus-one', '--users', '10001']],
    [['n-plus-one', '--users', '2.5']],
    [['nope']],
    [['n-plus-one', '--rtt-ms']],
    [['n-plus-one', '--bogus']],
  ])('should reject %j', (args) => {
    expect(parseArgs(args).ok).toBe(false);
  });

  it('should default users to 1,000 and accept --flag=value', () => {
    expect(parseArgs(['n-plus-one'])).toEqual({
      ok: true,
      value: { command: 'n-plus-one', users: 1000, json: false },
    });
    expect(parseArgs(['n-plus-one', '--users=10', '--rtt-ms=0.5', '--json'])).toEqual({
      ok: true,
      value: { command: 'n-plus-one', users: 10, rttMs: 0.5, json: true },
    });
  });

  it('should reject a value on --json and negative RTTs', () => {
    expect(parseArgs(['explain', '--json=1']).ok).toBe(false);
    expect(parseArgs(['n-plus-one', '--rtt-ms', '-1']).ok).toBe(false);
  });
});

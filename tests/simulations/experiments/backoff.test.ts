import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliArgError } from '@/simulations/cli/args';
import { commands } from '@/simulations/cli/commands';
import { parseBackoffArgs } from '@/simulations/cli/commands/backoff';
import { SubcommandRegistry, type CliIo } from '@/simulations/cli/registry';
import { rngStream } from '@/simulations/engine/rng';
import {
  BACKOFF_STRATEGIES,
  runBackoffExperiment,
  runBackoffTrial,
  type BackoffResult,
  type BackoffStrategy,
} from '@/simulations/experiments/backoff';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '--silent', 'sim', '--', ...args], {
      cwd: root,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('backoff experiment (model)', () => {
  it('should let a lone client write once after four network hops of about 10 ms', () => {
    for (const strategy of BACKOFF_STRATEGIES) {
      const [ms, calls] = runBackoffTrial(1, strategy, rngStream(1, 'n'), rngStream(1, 'j'));
      expect(calls).toBe(1);
      // read request, read reply, write request, write reply: |N(10, 2)| each.
      expect(ms).toBeGreaterThan(4 * 10 - 4 * 2 * 5);
      expect(ms).toBeLessThan(4 * 10 + 4 * 2 * 5);
    }
  });

  it('should let every client succeed exactly once: at least N write calls, N successes', () => {
    for (const strategy of BACKOFF_STRATEGIES) {
      const [, calls] = runBackoffTrial(20, strategy, rngStream(3, 'n'), rngStream(3, 'j'));
      expect(calls).toBeGreaterThanOrEqual(20);
    }
  });

  it('should space the retries of unjittered exponential backoff by base·2^n, capped at 2 s', () => {
    // Two clients: the loser retries after 10, 20, … ms; with one competitor it wins at once,
    // so its completion is ~ 8 hops + 10 ms of backoff.
    const [ms, calls] = runBackoffTrial(2, 'exponential', rngStream(9, 'n'), rngStream(9, 'j'));
    expect(calls).toBe(3);
    expect(ms).toBeGreaterThan(8 * 10 + 10 - 8 * 2 * 5);
    expect(ms).toBeLessThan(8 * 10 + 10 + 8 * 2 * 5);
  });

  it('should be deterministic per seed and differ across seeds', () => {
    const a = runBackoffExperiment({ clients: 30, strategy: 'full', trials: 10, seed: 4 });
    expect(runBackoffExperiment({ clients: 30, strategy: 'full', trials: 10, seed: 4 })).toEqual(a);
    const b = runBackoffExperiment({ clients: 30, strategy: 'full', trials: 10, seed: 5 });
    expect(b.meanCompletionMs).not.toBe(a.meanCompletionMs);
  });

  describe('at 100 clients, 100 trials (as the published simulator runs it)', () => {
    const r = {} as Record<BackoffStrategy, BackoffResult>;
    beforeAll(() => {
      for (const strategy of BACKOFF_STRATEGIES)
        r[strategy] = runBackoffExperiment({ clients: 100, strategy, trials: 100, seed: 1 });
    });

    it('should make exponential backoff without jitter far slower than any jittered strategy', () => {
      for (const s of ['full', 'equal', 'decorrelated'] as const)
        expect(r.exponential.meanCompletionMs).toBeGreaterThan(5 * r[s].meanCompletionMs);
    });

    it('should make full jitter do the least work and no backoff the most', () => {
      const calls = BACKOFF_STRATEGIES.map((s) => r[s].meanWriteCalls);
      expect(Math.min(...calls)).toBe(r.full.meanWriteCalls);
      expect(Math.max(...calls)).toBe(r['no-backoff'].meanWriteCalls);
      // decorrelated: about as fast as full jitter, with more calls.
      expect(r.decorrelated.meanWriteCalls).toBeGreaterThan(r.full.meanWriteCalls);
      expect(r.decorrelated.meanCompletionMs).toBeLessThan(1.5 * r.full.meanCompletionMs);
    });

    it('should land within 10% of a published rerun of the blog post simulator', () => {
      // reference-numbers.md, one rerun of aws-arch-backoff-simulator at 100 clients: calls / ms.
      const published: Record<BackoffStrategy, [number, number]> = {
        'no-backoff': [2425, 2035],
        exponential: [1858, 63514],
        equal: [812, 6689],
        full: [795, 4924],
        decorrelated: [1003, 4609],
      };
      for (const s of BACKOFF_STRATEGIES) {
        const [calls, ms] = published[s];
        expect(Math.abs(r[s].meanWriteCalls / calls - 1), s).toBeLessThan(0.1);
        expect(Math.abs(r[s].meanCompletionMs / ms - 1), s).toBeLessThan(0.1);
      }
    });
  });
});

describe('sim backoff (CLI)', () => {
  it('should print one JSON line with the contract fields', async () => {
    const args = ['backoff', '--clients', '20', '--strategy', 'equal', '--trials', '5'];
    const { stdout, code } = await cli([...args, '--seed', '3', '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]);
    expect(json).toMatchObject({ clients: 20, strategy: 'equal', trials: 5, seed: 3 });
    expect(json.meanWriteCalls).toBeGreaterThanOrEqual(20);
    expect(json.meanCompletionMs).toBeGreaterThan(40);
    const { wallMs: _wallMs, ...deterministic } = json;
    expect(deterministic).toEqual(
      runBackoffExperiment({ clients: 20, strategy: 'equal', trials: 5, seed: 3 }),
    );
  });

  // One real process per command (above); the exit-2 contract is checked on the command in-process.
  it.each([
    [['--clients', '0', '--strategy', 'full'], '--clients'],
    [['--clients', '10', '--strategy', 'linear'], '--strategy'],
    [['--clients', '10'], '--strategy'],
    [['--clients', '10', '--strategy', 'full', '--trials', '2.5'], '--trials'],
    [['--clients', '10', '--strategy', 'full', '--seed', '-1'], '--seed'],
    [['--clients', '5000', '--strategy', 'full'], '--clients'],
    [['--clients', '1000', '--strategy', 'full', '--trials', '1000'], '--trials'],
    [['--clients', '10', '--strategy', 'full', '--speed', '2'], '--speed'],
  ])('should return 2 and one error line for %j naming %s', async (args, argument) => {
    const err: string[] = [];
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
    const code = await new SubcommandRegistry(commands).run(['backoff', ...args, '--json'], io);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^error: ${argument}: `));
  });

  it('should parse defaults and both flag forms', () => {
    expect(parseBackoffArgs(['--clients=50', '--strategy', 'decorrelated'])).toEqual({
      clients: 50,
      strategy: 'decorrelated',
      trials: 100,
      seed: 1,
      json: false,
    });
    expect(() => parseBackoffArgs(['--strategy', 'full'])).toThrow(CliArgError);
  });
});

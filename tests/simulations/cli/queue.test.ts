import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CliArgError } from '@/simulations/cli/args';
import { commands } from '@/simulations/cli/commands';
import { parseQueueArgs } from '@/simulations/cli/commands/queue';
import { SubcommandRegistry, type CliIo } from '@/simulations/cli/registry';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the real CLI process through npm; resolves with stdout, stderr and the exit code. */
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

const base = [
  'queue',
  '--arrival-rate',
  '0.8',
  '--service-rate',
  '1',
  '--servers',
  '1',
  '--service',
  'exp',
  '--customers',
  '20000',
  '--warmup',
  '1000',
  '--seed',
  '5',
  '--json',
];

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

describe('sim queue (process)', () => {
  it('should print one JSON line with the contract fields through npm run --silent sim', async () => {
    const { stdout, code } = await cli(base);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]);
    for (const key of [
      'completed',
      'meanWait',
      'meanSojourn',
      'p50Sojourn',
      'p99Sojourn',
      'utilization',
      'events',
      'wallMs',
    ]) {
      expect(typeof json[key], key).toBe('number');
      expect(Number.isFinite(json[key]), key).toBe(true);
    }
    expect(json.completed).toBe(20000);
    expect(json.meanSojourn).toBeGreaterThan(json.meanWait);
    expect(json.p99Sojourn).toBeGreaterThan(json.p50Sojourn);
    expect(json.events).toBeGreaterThan(2 * 20000);
  });
});

// The CLI contract below is checked on the command functions in-process: one real process per
// command (above) proves the npm wiring; more spawns only add minutes on a loaded machine.
describe('sim queue (in-process contract)', () => {
  const sim = async (args: string[]) => {
    const { io, out, err } = captureIo();
    const code = await new SubcommandRegistry(commands).run(args, io);
    return { code, out, err };
  };

  it('should give identical output for identical arguments apart from wallMs', async () => {
    const a = await sim(base);
    const b = await sim(base);
    expect(a.out).toHaveLength(1);
    const strip = (s: string) => ({ ...JSON.parse(s), wallMs: 0 });
    expect(strip(a.out[0])).toEqual(strip(b.out[0]));
    const c = await sim(base.map((x) => (x === '5' ? '6' : x)));
    expect(strip(c.out[0]).meanSojourn).not.toBe(strip(a.out[0]).meanSojourn);
  });

  it('should exit 2 with a one-line error naming the argument', async () => {
    const cases: [string[], string][] = [
      [['--arrival-rate', '1', '--service-rate', '1'], '--arrival-rate'],
      [['--arrival-rate', '0.5', '--service-rate', '-1'], '--service-rate'],
      [['--arrival-rate', 'NaN', '--service-rate', '1'], '--arrival-rate'],
      [['--arrival-rate', '0.5', '--service-rate', '1', '--customers', '10.5'], '--customers'],
    ];
    for (const [args, argument] of cases) {
      const r = await sim(['queue', ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain(argument);
    }
  });

  it('should print a readable summary with closed-form values without --json', async () => {
    const { out, code } = await sim(base.filter((a) => a !== '--json'));
    expect(code).toBe(0);
    const stdout = `${out.join('\n')}\n`;
    expect(stdout).toContain('M/M/1');
    expect(stdout).toContain('theory');
    // M/M/1 at ρ = 0.8, μ = 1: W = 1/(μ − λ) = 5.
    expect(stdout).toMatch(/mean sojourn W \(s\)\s+\S+ ± \S+\s+5\s/);
  });
});

describe('queue argument validation (in-process)', () => {
  const ok = ['--arrival-rate', '0.5', '--service-rate', '1'];
  const bad: [string, string[], string][] = [
    ['ρ = 1', ['--arrival-rate', '2', '--service-rate', '1', '--servers', '2'], '--arrival-rate'],
    ['ρ > 1', ['--arrival-rate', '5', '--service-rate', '1'], '--arrival-rate'],
    ['negative rate', ['--arrival-rate', '-0.5', '--service-rate', '1'], '--arrival-rate'],
    ['zero rate', ['--arrival-rate', '0.5', '--service-rate', '0'], '--service-rate'],
    ['NaN', [...ok, '--warmup', 'NaN'], '--warmup'],
    ['Infinity', ['--arrival-rate', 'Infinity', '--service-rate', '1'], '--arrival-rate'],
    ['hex', ['--arrival-rate', '0x1', '--service-rate', '2'], '--arrival-rate'],
    ['empty', ['--arrival-rate=', '--service-rate', '1'], '--arrival-rate'],
    ['non-integer servers', [...ok, '--servers', '1.5'], '--servers'],
    ['zero servers', [...ok, '--servers', '0'], '--servers'],
    ['non-integer customers', [...ok, '--customers', '1e3.5'], '--customers'],
    ['negative warm-up', [...ok, '--warmup', '-1'], '--warmup'],
    ['negative seed', [...ok, '--seed', '-2'], '--seed'],
    ['unknown service', [...ok, '--service', 'gamma'], '--service'],
    ['missing service rate', ['--arrival-rate', '0.5'], '--service-rate'],
    ['missing value', [...ok, '--seed'], '--seed'],
    ['unknown flag', [...ok, '--servers-count', '2'], '--servers-count'],
    ['repeated flag', [...ok, '--seed', '1', '--seed', '2'], '--seed'],
    ['positional', [...ok, 'extra'], 'extra'],
    ['a run of days', [...ok, '--customers', '1e12'], '--customers'],
    ['a warm-up of days', [...ok, '--warmup', '1e12'], '--warmup'],
  ];

  it.each(bad)('should reject %s naming %s', (_name, argv, argument) => {
    let error: unknown;
    try {
      parseQueueArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliArgError);
    expect((error as CliArgError).argument).toBe(argument);
  });

  it('should accept both --flag value and --flag=value and fill defaults', () => {
    const args = parseQueueArgs([
      '--arrival-rate=1.5',
      '--service-rate',
      '1',
      '--servers=2',
      '--customers',
      '1e4',
      '--json',
    ]);
    expect(args).toMatchObject({
      arrivalRate: 1.5,
      servers: 2,
      customers: 10000,
      service: 'exp',
      json: true,
    });
  });

  it('should return exit code 2 from the registry and name unknown commands', async () => {
    const registry = new SubcommandRegistry(commands);
    const a = captureIo();
    expect(await registry.run(['queue', '--arrival-rate', '3', '--service-rate', '1'], a.io)).toBe(
      2,
    );
    expect(a.err).toHaveLength(1);
    expect(a.err[0]).toMatch(/^error: --arrival-rate: load ρ/);
    const b = captureIo();
    expect(await registry.run(['quuee'], b.io)).toBe(2);
    expect(b.err[0]).toContain("'quuee'");
    const c = captureIo();
    expect(await registry.run(['queue', '--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('--arrival-rate');
  });

  it('should refuse to register two subcommands with the same name', () => {
    expect(() => new SubcommandRegistry([...commands, ...commands])).toThrow();
  });
});

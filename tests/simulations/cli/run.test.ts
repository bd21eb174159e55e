import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands } from '@/simulations/cli/commands';
import { SubcommandRegistry, type CliIo } from '@/simulations/cli/registry';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `sim` in-process; returns stdout lines, stderr lines and the exit code. */
async function sim(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await new SubcommandRegistry(commands).run(args, io);
  return { out, err, code };
}

const FIELDS = [
  'scenario',
  'users',
  'duration',
  'seed',
  'arrivals',
  'completed',
  'failed',
  'inFlight',
  'throughput',
  'goodput',
  'p50',
  'p95',
  'p99',
  'errorRate',
  'costPerMonth',
  'nodes',
  'series',
  'wallMs',
];

describe('sim run', () => {
  it('prints one JSON line with the contract fields', async () => {
    const r = await sim([
      'run',
      '--scenario',
      'monolith',
      '--users',
      '20000',
      '--duration',
      '3',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const j = JSON.parse(r.out[0]);
    for (const f of FIELDS) expect(j).toHaveProperty(f);
    expect(j.arrivals).toBe(j.completed + j.failed + j.inFlight);
    expect(j.series).toHaveLength(3);
    expect(j.series.map((p: { t: number }) => p.t)).toEqual([1, 2, 3]);
    for (const p of j.series)
      for (const k of ['t', 'throughput', 'goodput', 'p99', 'errorRate'])
        expect(p).toHaveProperty(k);
    for (const n of j.nodes)
      for (const k of ['id', 'kind', 'utilization']) expect(n).toHaveProperty(k);
    expect(j.users).toBe(20000);
    expect(j.duration).toBe(3);
  });

  it('same seed, same output apart from wallMs', async () => {
    const args = [
      'run',
      '--scenario',
      'horizontal',
      '--users',
      '300000',
      '--duration',
      '2',
      '--seed',
      '9',
      '--json',
    ];
    const strip = (line: string) => ({ ...JSON.parse(line), wallMs: 0 });
    const a = await sim(args);
    const b = await sim(args);
    expect(strip(a.out[0])).toEqual(strip(b.out[0]));
  });

  it.each([
    [['run'], '--scenario'],
    [['run', '--scenario', 'nope'], '--scenario'],
    [['run', '--scenario', 'monolith', '--users', '0'], '--users'],
    [['run', '--scenario', 'monolith', '--users', '1e9'], '--users'],
    [['run', '--scenario', 'monolith', '--duration', 'abc'], '--duration'],
    [['run', '--scenario', 'monolith', '--duration', '99999'], '--duration'],
    [['run', '--scenario', 'monolith', '--seed', '-1'], '--seed'],
    [['run', '--scenario', 'monolith', '--speed', '2'], '--speed'],
  ])('exits 2 naming the bad argument: %j', async (args, name) => {
    const r = await sim(args);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(name);
    expect(r.out).toHaveLength(0);
  });

  it('a bad scenario file is refused with the JSON path of the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const path = join(dir, 'bad.json');
    const { BUILTIN_SCENARIOS } = await import('@/simulations/scenario/builtin');
    const bad = structuredClone(BUILTIN_SCENARIOS.monolith) as { tiers: { workers: number }[] };
    bad.tiers[1].workers = -4;
    writeFileSync(path, JSON.stringify(bad));
    const r = await sim(['run', '--scenario', path]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/--scenario: tiers\[1\]\.workers/);
  });

  it('runs through npm as a real process', async () => {
    const { stdout } = await exec(
      'npm',
      [
        'run',
        '--silent',
        'sim',
        '--',
        'run',
        '--scenario',
        'metastable-retry',
        '--duration',
        '2',
        '--json',
      ],
      { cwd: root },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).scenario).toBe('metastable-retry');
  });
});

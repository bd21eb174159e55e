/**
 * `npm run --silent querylab -- <command>`: the lab engine headless, for tests and workshop
 * facilitators. stdout carries exactly the result (one JSON line with --json); everything else
 * (data-dir build progress, PGlite chatter) goes to stderr. Bad arguments: one usage line, exit 2.
 */
import { LAB_DATASET } from './datasets';
import { QueryLabEngine } from './engine';
import { runLookup } from './labs/indexing';
import { parseArgs, USAGE, type CliCommand } from './cli/args';
import { formatCount as int, formatFixed, round3 } from '../format';
import { table } from './cli/table';

const ms = (x: number): string => formatFixed(x, 1);
import { consistency } from './cli/consistency';
import { loadNodeSource } from './node/source';
import { LoggedDb, QueryLog } from './querylog';
import type { StrategyRun } from './labs/nplusone';

const out = (text: string): void => void process.stdout.write(`${text}\n`);

/** Anything that would print to stdout during the run (PGlite, libraries) is sent to stderr. */
function guardStdout(): void {
  const toErr = (...args: unknown[]): void =>
    void process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toErr;
  console.info = toErr;
  console.debug = toErr;
}

async function nPlusOne(
  engine: QueryLabEngine,
  cmd: Extract<CliCommand, { command: 'n-plus-one' }>,
): Promise<void> {
  const rtt = cmd.rttMs ?? 0;
  const r = await engine.runNPlusOne({
    users: cmd.users,
    rttMs: rtt,
    strategies: cmd.json ? ['nPlusOne', 'join', 'batched'] : undefined,
  });
  const pick = (run: StrategyRun | undefined) => {
    if (!run) throw new Error('strategy did not run');
    return {
      queries: run.queries,
      ms: round3(run.dbMs + run.rttMs),
      rows: run.rows,
      checksum: run.checksum,
    };
  };
  if (cmd.json) {
    out(
      JSON.stringify({
        users: cmd.users,
        nPlusOne: pick(r.runs.nPlusOne),
        join: pick(r.runs.join),
        batched: pick(r.runs.batched),
      }),
    );
    return;
  }
  const rows = Object.values(r.runs).map((run) => [
    run.strategy,
    int(run.queries),
    int(run.rows),
    ms(run.dbMs),
    ms(run.rttMs),
    ms(run.totalMs),
    run.checksum,
  ]);
  out(`N+1 vs JOIN vs json_agg vs batched: ${int(cmd.users)} users, RTT ${rtt} ms per query`);
  out(table(['strategy', 'queries', 'rows', 'db ms', 'rtt ms', 'total ms', 'checksum'], rows));
  out(
    r.checksumsMatch ? 'checksums match: every strategy loaded the same data' : 'CHECKSUMS DIFFER',
  );
}

async function explain(engine: QueryLabEngine, json: boolean): Promise<void> {
  const r = await runLookup(new LoggedDb(engine.pglite, new QueryLog(0)));
  if (json) {
    out(
      JSON.stringify({
        rows: r.rows,
        withoutIndex: { nodeTypes: r.withoutIndex.nodeTypes, ms: round3(r.withoutIndex.ms) },
        withIndex: { nodeTypes: r.withIndex.nodeTypes, ms: round3(r.withIndex.ms) },
      }),
    );
    return;
  }
  out(`Latest 50 messages of channel ${r.lookupChannelId} in a table of ${int(r.rows)} messages`);
  out(
    table(
      ['', 'plan', 'execution ms'],
      [
        ['without index', r.withoutIndex.nodeTypes.join(' → '), ms(r.withoutIndex.ms)],
        ['with index', r.withIndex.nodeTypes.join(' → '), ms(r.withIndex.ms)],
      ],
    ),
  );
  out(`CREATE INDEX took ${ms(r.createIndexMs)} ms`);
}

async function measure(engine: QueryLabEngine, rttMs: number, json: boolean): Promise<void> {
  const r = await engine.runMeasureLab({ rttMs });
  if (json) {
    const slim = Object.fromEntries(
      Object.entries(r.runs).map(([k, run]) => [
        k,
        {
          totalMs: round3(run.totalMs),
          dbMs: round3(run.dbMs),
          rttMs: round3(run.rttMs),
          queries: run.queries,
          bottleneck: run.bottleneck,
          endpoints: run.endpoints.map((e) => ({
            endpoint: e.endpoint,
            calls: e.calls,
            totalMs: round3(e.totalMs),
            meanMs: round3(e.meanMs),
            p95Ms: round3(e.p95Ms),
            p99Ms: round3(e.p99Ms),
            dbMs: round3(e.dbMs),
            queriesPerRequest: e.queriesPerRequest,
            share: round3(e.share),
            latencyShare: round3(e.latencyShare),
          })),
          statements: run.statements.map((st) => ({
            name: st.name,
            calls: st.calls,
            totalDbMs: round3(st.totalDbMs),
            meanDbMs: round3(st.meanDbMs),
            write: st.write,
          })),
        },
      ]),
    );
    out(JSON.stringify({ rttMs, runs: slim }));
    return;
  }
  for (const run of Object.values(r.runs)) {
    out(
      `\n${run.variant}: ${run.requests} requests, ${int(run.queries)} queries, ${ms(run.totalMs)} ms (RTT ${rttMs} ms); bottleneck ${run.bottleneck}`,
    );
    out(
      table(
        ['endpoint', 'calls', 'db ms', 'total ms', 'mean ms', 'p95 ms', 'queries/req', 'db share'],
        run.endpoints.map((e) => [
          e.endpoint,
          e.calls,
          ms(e.dbMs),
          ms(e.totalMs),
          ms(e.meanMs),
          ms(e.p95Ms),
          e.queriesPerRequest.toFixed(1),
          `${(e.share * 100).toFixed(0)}%`,
        ]),
      ),
    );
  }
}

/** The caching workload lasts 20 s of logical time whatever the request rate (200 × 100 ms). */
const CACHING_WORKLOAD_MS = 20_000;

async function caching(
  engine: QueryLabEngine,
  rttMs: number,
  json: boolean,
  intervalMs = 100,
): Promise<void> {
  const requests = Math.max(1, Math.round(CACHING_WORKLOAD_MS / intervalMs));
  const r = await engine.runCachingLab({ rttMs, intervalMs, requests });
  const rows = Object.values(r.runs).map((run) => ({
    strategy: run.strategy,
    reads: run.reads,
    writes: run.writes,
    hitRatio: round3(run.hitRatio),
    staleReads: run.staleReads,
    maxStaleMs: run.maxStaleMs,
    meanReadMs: round3(run.meanReadMs),
    p95ReadMs: round3(run.p95ReadMs),
    dbQueries: run.dbQueries,
  }));
  if (json) {
    out(JSON.stringify({ rttMs, ttlMs: r.ttlMs, intervalMs, requests, runs: rows }));
    return;
  }
  out(
    `Cache-aside cache in front of a channel header query: ${requests} requests, one every ${intervalMs} ms (TTL ${r.ttlMs / 1000} s, RTT ${rttMs} ms)`,
  );
  out(
    table(
      [
        'strategy',
        'hit ratio',
        'stale reads',
        'max stale ms',
        'mean read ms',
        'p95 read ms',
        'db queries',
      ],
      rows.map((x) => [
        x.strategy,
        `${(x.hitRatio * 100).toFixed(0)}%`,
        x.staleReads,
        x.maxStaleMs,
        ms(x.meanReadMs),
        ms(x.p95ReadMs),
        x.dbQueries,
      ]),
    ),
  );
}

async function stampede(engine: QueryLabEngine, rttMs: number, json: boolean): Promise<void> {
  const r = await engine.runStampede({ rttMs });
  const rows = Object.values(r.runs).map((run) => ({
    variant: run.variant,
    reads: run.reads,
    hits: run.hits,
    waits: run.waits,
    dbQueries: run.dbQueries,
    hotKeyQueries: run.hotKeyQueries,
    dbBusyMs: round3(run.dbBusyMs),
    peakQueue: run.peakQueue,
    meanReadMs: round3(run.meanReadMs),
    p95ReadMs: round3(run.p95ReadMs),
    maxReadMs: round3(run.maxReadMs),
  }));
  if (json) {
    out(
      JSON.stringify({
        rttMs,
        readsPerSecond: r.readsPerSecond,
        durationMs: r.durationMs,
        runs: rows,
      }),
    );
    return;
  }
  out(
    `Cache flush: ${int(r.readsPerSecond)} reads/s for ${r.durationMs} ms over 20 channels (hottest ${(r.hotKeyShare * 100).toFixed(0)}%), RTT ${rttMs} ms`,
  );
  out(
    table(
      [
        'variant',
        'hits',
        'waits',
        'db queries',
        'hot key',
        'db busy ms',
        'peak queue',
        'p95 ms',
        'max ms',
      ],
      rows.map((x) => [
        x.variant,
        x.hits,
        x.waits,
        x.dbQueries,
        x.hotKeyQueries,
        ms(x.dbBusyMs),
        x.peakQueue,
        ms(x.p95ReadMs),
        ms(x.maxReadMs),
      ]),
    ),
  );
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${USAGE} (${parsed.error})\n`);
    return 2;
  }
  guardStdout();
  const cmd = parsed.value;
  if (cmd.command === 'consistency') {
    await consistency(cmd, out);
    return 0;
  }
  const lab =
    cmd.command === 'explain'
      ? 'indexing'
      : cmd.command === 'caching' || cmd.command === 'stampede'
        ? 'caching'
        : cmd.command === 'measure'
          ? 'measure-before-you-optimize'
          : 'n-plus-one';
  const dataset = LAB_DATASET[lab];
  const engine = await QueryLabEngine.open(dataset, await loadNodeSource(dataset));
  try {
    // Steady-state numbers, as the browser lab shows them (engine.warmUp explains why).
    if (dataset === 'app') await engine.warmUp();
    if (cmd.command === 'n-plus-one') await nPlusOne(engine, cmd);
    else if (cmd.command === 'explain') await explain(engine, cmd.json);
    else if (cmd.command === 'measure') await measure(engine, cmd.rttMs ?? 0.5, cmd.json);
    else if (cmd.command === 'stampede') await stampede(engine, cmd.rttMs ?? 0.5, cmd.json);
    else await caching(engine, cmd.rttMs ?? 0.5, cmd.json, cmd.intervalMs);
  } finally {
    await engine.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`querylab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

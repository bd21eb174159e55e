import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryLabEngine } from '@/lib/db/engine';
import { SQL, createOrm } from '@/lib/db/orm';
import { LoggedDb, QueryLog } from '@/lib/db/querylog';
import { SNIPPETS } from '@/lib/db/snippets';
import { OPEN_TIMEOUT_MS, openEngine } from './helpers';

let engine: QueryLabEngine;
beforeAll(async () => {
  engine = await openEngine('app');
}, OPEN_TIMEOUT_MS);
afterAll(async () => engine?.close());

describe('tiny ORM (essay style)', () => {
  it('should send 1 + N queries for the N+1 loop and 1 for the include, with the same checksum', async () => {
    const r = await engine.runNPlusOne({ users: 25, rttMs: 0 });
    expect(r.runs.nPlusOne?.queries).toBe(26);
    expect(r.runs.join?.queries).toBe(1);
    expect(r.runs.jsonAgg?.queries).toBe(1);
    expect(r.runs.batched?.queries).toBe(2);
    expect(r.runs.batched?.log.map((e) => e.sql)).toEqual([
      SQL.findAllUsers,
      SQL.findPostsByUserIds,
    ]);
    expect(r.runs.batched?.log[1]?.params).toEqual([Array.from({ length: 25 }, (_, i) => i + 1)]);
    expect(r.checksumsMatch).toBe(true);
    expect(r.runs.nPlusOne?.checksum).toBe(r.runs.join?.checksum);
    expect(r.runs.nPlusOne?.posts).toBe(250);
    expect(r.runs.join?.users).toBe(25);
  });

  it('should log each statement with its SQL, parameters and row count', async () => {
    const r = await engine.runNPlusOne({ users: 3, rttMs: 0, strategies: ['nPlusOne'] });
    const log = r.runs.nPlusOne!.log;
    expect(log[0]).toMatchObject({ seq: 1, sql: SQL.findAllUsers, params: [3], rows: 3 });
    expect(log.slice(1).map((e) => e.sql)).toEqual([
      SQL.findPostsByUserId,
      SQL.findPostsByUserId,
      SQL.findPostsByUserId,
    ]);
    expect(log.slice(1).map((e) => e.params)).toEqual([[1], [2], [3]]);
    expect(log.slice(1).every((e) => e.rows === 10)).toBe(true);
    expect(r.runs.nPlusOne!.rows).toBe(33);
  });

  it('should charge the simulated RTT once per query, apart from database time', async () => {
    const r = await engine.runNPlusOne({ users: 10, rttMs: 2 });
    const n1 = r.runs.nPlusOne!;
    expect(n1.rttMs).toBeCloseTo(11 * 2, 9);
    expect(n1.totalMs).toBeCloseTo(n1.dbMs + n1.rttMs, 9);
    expect(r.runs.join!.rttMs).toBeCloseTo(2, 9);
    expect(n1.log.every((e) => e.rttMs === 2)).toBe(true);
  });

  it('should keep the checksum stable across runs and sizes grow with the users loaded', async () => {
    const a = await engine.runNPlusOne({ users: 50, rttMs: 0, strategies: ['join'] });
    const b = await engine.runNPlusOne({ users: 50, rttMs: 0, strategies: ['jsonAgg'] });
    const c = await engine.runNPlusOne({ users: 51, rttMs: 0, strategies: ['join'] });
    expect(a.runs.join!.checksum).toBe(b.runs.jsonAgg!.checksum);
    expect(c.runs.join!.checksum).not.toBe(a.runs.join!.checksum);
  });

  it('should return posts in id order from every loader', async () => {
    const { User, Post } = createOrm(new LoggedDb(engine.pglite, new QueryLog(0)), {
      userLimit: 5,
    });
    for (const users of [
      await User.findAll({ include: [{ model: Post }] }),
      await User.findAll({ include: [{ model: Post }], via: 'json_agg' }),
      await User.findAll({ include: [{ model: Post }], via: 'batched' }),
    ]) {
      expect(users.map((u) => u.id)).toEqual([1, 2, 3, 4, 5]);
      for (const u of users)
        expect(u.posts!.map((p) => p.id)).toEqual(
          [...u.posts!.map((p) => p.id)].sort((x, y) => x - y),
        );
    }
  });
});

describe('user code (the editor)', () => {
  it('should run the essay snippets as written and agree with the lab checksum', async () => {
    const lab = await engine.runNPlusOne({ users: 20, rttMs: 0, strategies: ['join'] });
    const before = await engine.runUserCode(SNIPPETS.before, { users: 20, rttMs: 0.5 });
    const after = await engine.runUserCode(SNIPPETS.after, { users: 20, rttMs: 0.5 });
    const third = await engine.runUserCode(SNIPPETS.jsonAgg, { users: 20, rttMs: 0.5 });
    expect(before.ok && after.ok && third.ok).toBe(true);
    expect(before.summary.queries).toBe(21);
    expect(after.summary.queries).toBe(1);
    expect(before.loaded?.checksum).toBe(lab.runs.join!.checksum);
    expect(after.loaded?.checksum).toBe(lab.runs.join!.checksum);
    expect(third.loaded?.checksum).toBe(lab.runs.join!.checksum);
  });

  it('should run the batched snippet in 2 queries with the same checksum', async () => {
    const lab = await engine.runNPlusOne({ users: 20, rttMs: 0, strategies: ['join'] });
    const r = await engine.runUserCode(SNIPPETS.batched, { users: 20, rttMs: 0.5 });
    expect(r.ok).toBe(true);
    expect(r.summary.queries).toBe(2);
    expect(r.loaded?.checksum).toBe(lab.runs.join!.checksum);
  });

  it('should overlap Promise.all queries on the pool: less waiting, same queries and database work', async () => {
    const opts = { users: 40, rttMs: 2 };
    const seq = await engine.runUserCode(SNIPPETS.before, opts);
    const par = await engine.runUserCode(SNIPPETS.promiseAll, opts);
    expect(par.ok).toBe(true);
    expect(par.summary.queries).toBe(seq.summary.queries);
    expect(par.loaded?.checksum).toBe(seq.loaded?.checksum);
    expect(par.summary.rttMs).toBeCloseTo(seq.summary.rttMs, 9);
    expect(seq.summary.peakConnections).toBe(1);
    expect(par.summary.peakConnections).toBe(10);
    // 40 lookups on 10 connections: at least 4 waves of one 2 ms round trip each, versus 40 in a row.
    expect(seq.summary.elapsedMs).toBeGreaterThanOrEqual(41 * 2);
    expect(par.summary.elapsedMs).toBeLessThan(seq.summary.elapsedMs);
    expect(par.summary.elapsedMs).toBeGreaterThanOrEqual(5 * 2);
  });

  it('should strip TypeScript types', async () => {
    const code =
      'interface Row { n: number }\nconst rows = (await db.query("SELECT 41 + 1 AS n")) as Row[];\nreturn rows[0]!.n;';
    const r = await engine.runUserCode(code, { users: 1, rttMs: 0 });
    expect(r).toMatchObject({ ok: true, preview: 42 });
  });

  it('should report a syntax error with its line in the reader’s code', async () => {
    const r = await engine.runUserCode('const a = 1;\nconst b = ;\n', { users: 1, rttMs: 0 });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'syntax', line: 2 });
  });

  it('should report a runtime error with its line', async () => {
    const r = await engine.runUserCode('const a = 1;\nconst b = null as any;\nb.crash();\n', {
      users: 1,
      rttMs: 0,
    });
    expect(r.error).toMatchObject({ kind: 'runtime', line: 3 });
  });

  it('should report a SQL error from user code with the Postgres message', async () => {
    const r = await engine.runUserCode('await db.query("SELEC 1")', { users: 1, rttMs: 0 });
    expect(r.error?.kind).toBe('sql');
    expect(r.error?.message).toMatch(/syntax error/);
    expect(r.error?.position).toBe(1);
  });

  it('should stop an async hang at the time limit and stay usable', async () => {
    const r = await engine.runUserCode('await new Promise(() => {});', {
      users: 1,
      rttMs: 0,
      timeoutMs: 200,
    });
    expect(r.error?.kind).toBe('timeout');
    const ok = await engine.runUserCode('return 1', { users: 1, rttMs: 0 });
    expect(ok.ok).toBe(true);
  });

  it('should capture console output and shadow worker globals', async () => {
    const r = await engine.runUserCode(
      'console.log("hi", { a: 1 });\nreturn [typeof postMessage, typeof fetch, typeof self];',
      { users: 1, rttMs: 0 },
    );
    expect(r.console).toEqual(['hi {"a":1}']);
    expect(r.preview).toEqual(['undefined', 'undefined', 'undefined']);
  });
});

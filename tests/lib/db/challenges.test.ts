import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIndexChallenge,
  checkRewrite,
  checkTtl,
  INDEX_CHALLENGE_RUNS,
  INDEX_CHALLENGE_SQL,
  INDEX_CHALLENGE_START,
  REWRITE_START,
  TTL_CHALLENGE,
} from '@/lib/db/challenges';
import type { QueryLabEngine } from '@/lib/db/engine';
import { OPEN_TIMEOUT_MS, openEngine } from './helpers';

/** The reference answers the page's checks must accept (and the lessons' explanations show). */
const REWRITE_REFERENCE = `const users = await User.findAll();
const posts = await Post.findByUserIds(users.map((u) => u.id));
const byId = new Map(users.map((u) => [u.id, u]));
for (const user of users) user.posts = [];
for (const post of posts) byId.get(post.userId).posts.push(post);
`;
const INDEX_REFERENCE = 'CREATE INDEX ON messages (user_id, created_at DESC)';

let app: QueryLabEngine;
let idx: QueryLabEngine;
beforeAll(async () => {
  [app, idx] = await Promise.all([openEngine('app', true), openEngine('indexing')]);
}, OPEN_TIMEOUT_MS);
afterAll(async () => Promise.all([app?.close(), idx?.close()]));

describe('N+1 rewrite challenge', () => {
  const users = 200;
  const check = async (code: string) => {
    const ref = await app.runNPlusOne({ users, rttMs: 0, strategies: ['join'] });
    const run = await app.runUserCode(code, { users, rttMs: 0.5, noInclude: true });
    return checkRewrite(run, ref.runs.join!.checksum);
  };

  it('should fail the untouched starting code (201 queries)', async () => {
    const r = await check(REWRITE_START);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/201 queries/);
  });

  it('should pass the batched reference solution', async () => {
    const r = await check(REWRITE_REFERENCE);
    expect(r).toMatchObject({ pass: true });
    expect(r.message).toMatch(/^2 queries/);
  });

  it('should refuse include, so the essay’s After code does not count', async () => {
    const r = await check('const users = await User.findAll({ include: [{ model: Post }] });');
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/include is switched off/);
  });

  it('should fail 2 queries that load different data', async () => {
    const r = await check(
      'const users = await User.findAll();\nconst posts = await Post.findByUserIds([1]);\nfor (const u of users) u.posts = posts.filter((p) => p.userId === u.id);',
    );
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/not the same ones/);
  });
});

describe('index challenge', () => {
  const attempt = async (sql: string) => {
    const create = await idx.runSql(sql);
    const runs = [];
    for (let i = 0; i < INDEX_CHALLENGE_RUNS; i++)
      runs.push(await idx.explain(INDEX_CHALLENGE_SQL));
    await idx.reset();
    return checkIndexChallenge(create, runs);
  };

  it('should fail with no index (the starting box)', async () => {
    const r = await attempt(INDEX_CHALLENGE_START);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/whole table/);
  }, 60_000);

  it('should fail an index that leads with created_at (leftmost-prefix rule)', async () => {
    const r = await attempt('CREATE INDEX ON messages (created_at, user_id)');
    expect(r.pass).toBe(false);
  }, 60_000);

  it('should pass the (user_id, created_at DESC) reference', async () => {
    const r = await attempt(INDEX_REFERENCE);
    expect(r.message).toMatch(/Index Scan/);
    expect(r.pass).toBe(true);
  }, 60_000);

  it('should report a SQL error as a failed attempt', async () => {
    const r = await attempt('CREATE INDEX ON messages (no_such_column)');
    expect(r).toMatchObject({ pass: false });
    expect(r.message).toMatch(/no_such_column/);
  }, 60_000);
});

describe('TTL challenge', () => {
  const attempt = async (seconds: number) => {
    const r = await app.runCachingLab({ rttMs: 0.5, ttlMs: seconds * 1000, strategies: ['ttl'] });
    return checkTtl(r.runs.ttl!);
  };

  it('should fail the starting TTL (hit ratio under the floor)', async () => {
    const r = await attempt(TTL_CHALLENGE.startSeconds);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/floor/);
  });

  it('should fail a long TTL (staleness over the ceiling)', async () => {
    const r = await attempt(10);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/ceiling/);
  });

  it('should pass a TTL inside the window (5–8 s)', async () => {
    for (const s of [5, 8]) expect((await attempt(s)).pass).toBe(true);
  });
});

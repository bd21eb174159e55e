import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryLabEngine } from '@/lib/db/engine';
import { flattenPlan } from '@/lib/db/explain';
import { DEFAULT_MAX_ROWS } from '@/lib/db/results';
import { OPEN_TIMEOUT_MS, openEngine } from './helpers';

let engine: QueryLabEngine;
beforeAll(async () => {
  engine = await openEngine('app');
}, OPEN_TIMEOUT_MS);
afterAll(async () => engine?.close());

describe('runSql', () => {
  it('should return the Postgres message with position, line and column for a syntax error', async () => {
    const sql = 'SELECT id\nFROM users\nWHER id = 1';
    const r = await engine.runSql(sql);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/syntax error at or near "id"/);
    expect(r.error.code).toBe('42601');
    expect(r.error.position).toBe(sql.indexOf('id = 1') + 1);
    expect(r.error).toMatchObject({ line: 3, column: 6 });
    expect(r.log).toHaveLength(1);
    expect(r.log[0]?.error?.position).toBe(r.error.position);
    const after = await engine.runSql('SELECT 1 AS one');
    expect(after.ok).toBe(true);
  });

  it('should return the exact count and only the first rows of a 100,000-row result', async () => {
    const r = await engine.runSql('SELECT g AS n FROM generate_series(1, 100000) AS g');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.statements[0]!;
    expect(s.rowCount).toBe(100_000);
    expect(s.rows).toHaveLength(DEFAULT_MAX_ROWS);
    expect(s.truncated).toBe(true);
    expect(s.rows[0]).toEqual({ n: 1 });
    expect(r.log[0]?.rows).toBe(100_000);
  });

  it('should run several statements and report each', async () => {
    const r = await engine.runSql('SELECT 1 AS a; SELECT 2 AS b, 3 AS c', { maxRows: 10 });
    expect(r.ok && r.statements.map((s) => s.fields)).toEqual([['a'], ['b', 'c']]);
  });

  it('should run a parameterised statement', async () => {
    const r = await engine.runSql('SELECT name FROM users WHERE id = $1', { params: [1] });
    expect(r.ok && r.statements[0]?.rowCount).toBe(1);
    expect(r.log[0]?.params).toEqual([1]);
  });
});

describe('reset', () => {
  it('should restore the seed after DROP TABLE messages, well under a few seconds', async () => {
    const before = await engine.runSql('SELECT count(*)::int AS n FROM messages');
    const drop = await engine.runSql('DROP TABLE messages');
    expect(drop.ok).toBe(true);
    const gone = await engine.runSql('SELECT count(*) FROM messages');
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.message).toMatch(/relation "messages" does not exist/);
    const reset = await engine.reset();
    expect(reset.ms).toBeGreaterThan(0);
    const after = await engine.runSql('SELECT count(*)::int AS n FROM messages');
    expect(after.ok && after.statements[0]?.rows).toEqual(before.ok && before.statements[0]?.rows);
    expect(after.ok && after.statements[0]?.rows[0]).toEqual({ n: 100_000 });
  });
});

describe('explain', () => {
  it('should parse a typed plan tree and show Seq Scan turn into Index Scan after CREATE INDEX', async () => {
    const sql = "SELECT id FROM users WHERE email = 'ada.lovelace.1@example.com'";
    const before = await engine.explain(sql);
    expect(before.ok).toBe(true);
    if (!before.ok) return;
    expect(before.explain.nodeTypes).toContain('Seq Scan');
    expect(before.explain.plan.relationName ?? before.explain.plan.children[0]?.relationName).toBe(
      'users',
    );
    expect(before.explain.executionMs).toBeGreaterThan(0);
    await engine.runSql('CREATE INDEX users_email_idx ON users (email)');
    const after = await engine.explain(sql);
    expect(after.ok && after.explain.nodeTypes.some((t) => t.startsWith('Index'))).toBe(true);
    if (after.ok) {
      const nodes = flattenPlan(after.explain.plan);
      expect(nodes.some((n) => n.indexName === 'users_email_idx')).toBe(true);
      expect(nodes.every((n) => n.actualLoops >= 0 && n.actualTotalMs >= 0)).toBe(true);
    }
    await engine.runSql('DROP INDEX users_email_idx');
  });

  it('should not change data when explaining a DELETE (rolled back)', async () => {
    const r = await engine.explain('DELETE FROM messages WHERE id <= 10');
    expect(r.ok && r.explain.nodeTypes[0]).toBe('ModifyTable');
    expect(r.ok && r.explain.plan.operation).toBe('Delete');
    const count = await engine.runSql('SELECT count(*)::int AS n FROM messages WHERE id <= 10');
    expect(count.ok && count.statements[0]?.rows[0]).toEqual({ n: 10 });
  });

  it('should report error positions relative to the reader’s SQL', async () => {
    const sql = '  SELECT nope FROM users';
    const r = await engine.explain(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.position).toBe(sql.indexOf('nope') + 1);
  });
});

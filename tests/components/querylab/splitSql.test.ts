import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitForExplain, splitSql } from '@/components/querylab/splitSql';

describe('splitSql', () => {
  it('should split at top-level semicolons and drop empty statements', () => {
    expect(splitSql('SELECT 1; SELECT 2;\n;')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('should not split inside strings, identifiers, dollar quotes or comments', () => {
    const script = `INSERT INTO t VALUES ('a;b', 'it''s; fine');
SELECT "odd;name" FROM t; -- a comment; not a split
SELECT $$x;y$$, $f$;$f$ /* block; comment */ FROM t`;
    expect(splitSql(script)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it''s; fine')",
      'SELECT "odd;name" FROM t',
      // A comment after a semicolon belongs to the next statement.
      '-- a comment; not a split\nSELECT $$x;y$$, $f$;$f$ /* block; comment */ FROM t',
    ]);
  });

  it('should keep dollar quotes whose tag contains digits, and not treat $1 as a tag', () => {
    expect(splitSql('SELECT $a1$x;y$a1$; SELECT $1::int; SELECT 2')).toEqual([
      'SELECT $a1$x;y$a1$',
      'SELECT $1::int',
      'SELECT 2',
    ]);
  });

  it('should honour backslash escapes in E strings only', () => {
    expect(splitSql("SELECT E'it\\'s; fine'; SELECT 'a\\'; SELECT 3")).toEqual([
      "SELECT E'it\\'s; fine'",
      "SELECT 'a\\'",
      'SELECT 3',
    ]);
  });

  it('should skip nested block comments as one comment', () => {
    expect(splitSql('SELECT 1 /* outer /* inner; */ still; comment */; SELECT 2')).toEqual([
      'SELECT 1 /* outer /* inner; */ still; comment */',
      'SELECT 2',
    ]);
  });

  it('should never split inside a quoted or commented part', () => {
    const inner = fc.stringMatching(/^[a-z ;]{0,12}$/);
    const wrapped = fc.oneof(
      inner.map((t) => `'${t}'`),
      inner.map((t) => `E'\\'${t}'`),
      inner.map((t) => `$q1$${t}$q1$`),
      inner.map((t) => `/* /* ${t} */ ${t} */`),
      inner.map((t) => `"${t}"`),
    );
    fc.assert(
      fc.property(fc.array(wrapped, { minLength: 1, maxLength: 4 }), (parts) => {
        const statements = parts.map((p, k) => `SELECT ${k}, ${p}`);
        expect(splitSql(statements.join(';\n'))).toEqual(statements);
      }),
    );
  });

  it('should drop a trailing statement that is only a comment', () => {
    expect(splitSql('SELECT 1;\n-- done')).toEqual(['SELECT 1']);
  });

  it('should give back every plain statement, in order', () => {
    const stmt = fc.stringMatching(/^[A-Za-z0-9 =,()*]{1,30}$/).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 8 }), (statements) => {
        expect(splitSql(statements.join(';\n'))).toEqual(statements.map((s) => s.trim()));
      }),
    );
  });
});

describe('splitForExplain', () => {
  it('should separate the setup statements from the statement to explain', () => {
    expect(splitForExplain('CREATE INDEX i ON t (a);\nSELECT * FROM t WHERE a = 1;')).toEqual({
      setup: ['CREATE INDEX i ON t (a)'],
      last: 'SELECT * FROM t WHERE a = 1',
    });
    expect(splitForExplain('  ')).toEqual({ setup: [], last: undefined });
  });
});

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

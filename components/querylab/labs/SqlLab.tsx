'use client';

import { useCallback, useState } from 'react';
import { CodeEditor } from '@/components/editor/CodeEditor';
import type { SqlError } from '@/lib/db/errors';
import type { ExplainOutcome, SqlRunResult, SqlStatementResult } from '@/lib/db/results';
import { formatMs, plural } from '@/lib/format';
import type { SqlSpec } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { PlanTree } from '../PlanTree';
import { markClean, markDirty } from '../labClient';
import { useLab } from '../useLab';
import { splitForExplain } from '../splitSql';
import { ResultTable } from './ResultTable';

/** Rows sent back per statement; the count is always exact (lib/db/results.ts). */
const MAX_ROWS = 50;

type Output =
  | { kind: 'run'; result: SqlRunResult; sql: string }
  | { kind: 'explain'; result: ExplainOutcome; sql: string };

/** The Postgres message, where it points, and that line of the SQL with a caret under the spot. */
export function SqlErrorView({ error, sql }: { error: SqlError; sql: string }) {
  const line = error.line !== undefined ? sql.split('\n')[error.line - 1] : undefined;
  return (
    <div className="querylab-error" role="alert" data-testid="querylab-sql-error">
      <p>
        <strong>ERROR:</strong> {error.message}
        {error.position !== undefined &&
          ` (line ${error.line ?? 1}, column ${error.column ?? error.position}; position ${error.position})`}
      </p>
      {line !== undefined && error.column !== undefined && (
        <pre className="querylab-preview-code" aria-hidden="true">
          {line}
          {'\n'}
          {' '.repeat(Math.max(0, error.column - 1))}^
        </pre>
      )}
      {error.hint && <p>Hint: {error.hint}</p>}
      <p>The lab is still usable: fix the SQL and run it again.</p>
    </div>
  );
}

/** "3 rows" for a query, "2 rows affected" for a write, "done" for DDL such as DROP TABLE. */
function statementOutcome(st: SqlStatementResult): string {
  if (st.fields.length > 0) return plural(st.rowCount, 'row', 'rows');
  if (/^(INSERT|UPDATE|DELETE|MERGE|COPY)/i.test(st.command ?? '')) {
    return `${plural(st.rowCount, 'row', 'rows')} affected`;
  }
  return 'done';
}

function RunView({ result, sql }: { result: SqlRunResult; sql: string }) {
  if (!result.ok) return <SqlErrorView error={result.error} sql={sql} />;
  const last = result.statements.length - 1;
  return (
    <>
      {result.statements.map((st, i) => (
        <div key={i}>
          <p className="querylab-counter-detail" data-testid="querylab-sql-rowcount">
            <strong>{st.command ?? 'OK'}</strong>: {statementOutcome(st)}
            {st.truncated ? ` (showing the first ${st.rows.length})` : ''}
            {i === last && ` · ${formatMs(result.summary.dbMs)} in the database`}
          </p>
          {st.fields.length > 0 && <ResultTable fields={st.fields} rows={st.rows} />}
        </div>
      ))}
    </>
  );
}

/** A free SQL box on one of the lab databases: Run (and optionally Explain), Reset. */
export default function SqlLab({ spec }: { spec: SqlSpec }) {
  const lab = useLab(spec.dataset);
  const [sql, setSql] = useState(spec.sql);
  const [output, setOutput] = useState<Output | null>(null);
  const ready = lab.state.kind === 'ready';

  const run = useCallback(async () => {
    const text = sql;
    markDirty(spec.dataset);
    const result = await lab.run((c) => c.runSql(text, { maxRows: MAX_ROWS, rttMs: 0 }));
    if (result) setOutput({ kind: 'run', result, sql: text });
  }, [lab, sql, spec.dataset]);

  // Runs the script's earlier statements (e.g. CREATE INDEX), then explains its last one.
  const explain = useCallback(async () => {
    const { setup, last } = splitForExplain(sql);
    if (!last) return;
    if (setup.length > 0) markDirty(spec.dataset);
    const out = await lab.run(async (c): Promise<Output> => {
      if (setup.length > 0) {
        const script = setup.join(';\n');
        const before = await c.runSql(script, { maxRows: 0, rttMs: 0 });
        if (!before.ok) return { kind: 'run', result: before, sql: script };
      }
      return { kind: 'explain', result: await c.explain(last, { rttMs: 0 }), sql: last };
    });
    if (out) setOutput(out);
  }, [lab, sql, spec.dataset]);

  const reset = useCallback(async () => {
    const r = await lab.run((c) => c.reset());
    if (r) {
      markClean(spec.dataset);
      setSql(spec.sql);
      setOutput(null);
    }
  }, [lab, spec.sql, spec.dataset]);

  const disabled = !ready || lab.busy;
  return (
    <div className="querylab-body">
      <CodeEditor
        label={`SQL on the ${spec.dataset === 'indexing' ? 'indexing (200,000 messages)' : 'app'} database`}
        ariaLabel="SQL statements"
        language="pgsql"
        value={sql}
        onChange={setSql}
        heightPx={Math.min(260, 40 + 19 * Math.max(3, sql.split('\n').length))}
        onRun={disabled ? undefined : run}
      />
      <div className="querylab-actions">
        <button
          type="button"
          className="button"
          data-testid="querylab-sql-run"
          disabled={disabled}
          onClick={run}
        >
          Run
        </button>
        {spec.explain && (
          <button
            type="button"
            className="button button-secondary"
            data-testid="querylab-sql-explain"
            disabled={disabled}
            onClick={explain}
          >
            EXPLAIN ANALYZE the last statement
          </button>
        )}
        <ResetAndStatus lab={lab} disabled={disabled} onReset={reset} />
      </div>
      <div className="querylab-sqlbox-output" aria-live="polite">
        {output?.kind === 'run' && <RunView result={output.result} sql={output.sql} />}
        {output?.kind === 'explain' &&
          (output.result.ok ? (
            <div
              data-testid="querylab-sql-plan"
              data-node-types={output.result.explain.nodeTypes.join(',')}
            >
              <p className="querylab-counter-detail">
                Execution time <strong>{formatMs(output.result.explain.executionMs)}</strong>,
                planning {formatMs(output.result.explain.planningMs)} (EXPLAIN ANALYZE ran the
                statement inside a transaction and rolled it back).
              </p>
              <PlanTree plan={output.result.explain.plan} label="Plan" />
            </div>
          ) : (
            <SqlErrorView error={output.result.error} sql={output.sql} />
          ))}
      </div>
    </div>
  );
}

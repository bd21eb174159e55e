'use client';

import type { UserCodeResult } from '@/lib/db/usercode-types';
import { formatCount, formatMs } from '@/lib/format';

/** Query count (the big number, which the e2e tests read), time split, rows. */
export function RunCounter({
  title,
  result,
  testId,
  rttMs,
}: {
  title: string;
  result: UserCodeResult;
  testId: string;
  rttMs: number;
}) {
  const s = result.summary;
  return (
    <div className="querylab-counter">
      <p className="querylab-counter-label">{title}</p>
      <p className="querylab-counter-value">
        <span data-testid={testId}>{formatCount(s.queries)}</span>
        <span className="querylab-counter-unit">{s.queries === 1 ? 'query' : 'queries'}</span>
      </p>
      <p className="querylab-counter-detail">
        <strong>{formatMs(s.totalMs)}</strong> = database {formatMs(s.dbMs)} + network{' '}
        {formatCount(s.queries)} × {rttMs} ms = {formatMs(s.rttMs)}
      </p>
      {s.peakConnections > 1 && (
        <p className="querylab-counter-detail" data-testid={`${testId}-concurrent`}>
          Queries overlapped: the caller waited <strong>{formatMs(s.elapsedMs)}</strong>, with up to{' '}
          {formatCount(s.peakConnections)} pool connections in use at once. Other requests on this
          server queue for a connection meanwhile; the database does the same work.
        </p>
      )}
      <p className="querylab-counter-detail">{formatCount(s.rows)} rows returned</p>
    </div>
  );
}

/** Where the reader's code went wrong: syntax (with line), runtime, SQL (Postgres message), timeout. */
export function UserCodeErrorView({
  result,
  testId,
}: {
  result: UserCodeResult | undefined;
  testId: string;
}) {
  const error = result?.error;
  if (!result || result.ok || !error) return null;
  const where = [
    error.line !== undefined ? `line ${error.line}` : null,
    error.column !== undefined ? `column ${error.column}` : null,
    error.position !== undefined ? `position ${error.position} of the statement` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const kind = {
    syntax: 'Syntax error',
    runtime: 'Error',
    sql: 'Postgres error',
    timeout: 'Time limit',
  }[error.kind];
  return (
    <div className="querylab-error" role="alert" data-testid={testId}>
      <p>
        <strong>{kind}</strong>
        {where ? ` (${where})` : ''}: {error.message}
      </p>
      {result.restarted && <p>The lab is ready again; your code is still in the editor.</p>}
    </div>
  );
}

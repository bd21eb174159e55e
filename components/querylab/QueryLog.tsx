'use client';

import { useState } from 'react';
import type { QueryLogEntry } from '@/lib/db/querylog';
import { formatCount, formatMs, formatParams, oneLineSql } from '@/lib/format';
import { ScrollTable } from './ScrollTable';

const PAGE = 25;

/**
 * The query log as a table: every statement with its parameters, rows, database time and simulated
 * network time. Long logs (10,001 queries) show a page at a time, so the DOM stays small.
 */
export function QueryLog({
  entries,
  caption,
  truncated,
  testId,
}: {
  entries: readonly QueryLogEntry[];
  caption: string;
  /** The worker cut the log (the counts above still include every query). */
  truncated?: boolean;
  testId?: string;
}) {
  const [shown, setShown] = useState(PAGE);
  const visible = entries.slice(0, shown);
  const rest = entries.length - visible.length;
  return (
    <div data-testid={testId}>
      <ScrollTable label={caption}>
        <table className="querylab-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">SQL</th>
              <th scope="col">Params</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Database
              </th>
              <th scope="col" className="num">
                Network
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((e) => (
              <tr key={e.seq} className={e.error ? 'querylab-row-error' : undefined}>
                <td className="num">{formatCount(e.seq)}</td>
                <td>
                  <code>{oneLineSql(e.sql, 140)}</code>
                  {e.error && <div>Error: {e.error.message}</div>}
                </td>
                <td>
                  <code>{formatParams(e.params)}</code>
                </td>
                <td className="num">{formatCount(e.rows)}</td>
                <td className="num">{formatMs(e.dbMs)}</td>
                <td className="num">{formatMs(e.rttMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {rest > 0 && (
        <p className="querylab-more">
          {formatCount(rest)} more {rest === 1 ? 'query' : 'queries'}
          {truncated ? ' (the log keeps the first 20,000)' : ''}.{' '}
          <button
            type="button"
            className="querylab-link-button"
            onClick={() => setShown((n) => n + PAGE * 4)}
          >
            Show {formatCount(Math.min(rest, PAGE * 4))} more
          </button>
        </p>
      )}
    </div>
  );
}

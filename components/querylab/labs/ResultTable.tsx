'use client';

import { ScrollTable } from '../ScrollTable';

/** Cell text: JSON-safe values from the worker, cut so one long body cannot widen the page. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** The first rows of a result set (the worker sends at most a few dozen; the count is exact). */
export function ResultTable({
  fields,
  rows,
}: {
  fields: readonly string[];
  rows: ReadonlyArray<Record<string, unknown>>;
}) {
  return (
    <ScrollTable label="Result rows">
      <table className="querylab-table" data-testid="querylab-sql-rows">
        <caption className="visually-hidden">Result rows</caption>
        <thead>
          <tr>
            {fields.map((f, i) => (
              <th scope="col" key={`${f}-${i}`}>
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {fields.map((f, i) => (
                <td key={`${f}-${i}`}>{cellText(row[f])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

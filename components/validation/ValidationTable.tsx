import type { ValidationCaseInfo, ValidationResult } from '@/simulations/validation';
import { formatHalfWidth, formatSignedPercent, formatSignificant } from '@/lib/format';

const verdictLabel: Record<ValidationResult['verdict'], string> = {
  inside: '✓ inside the 95% CI',
  near: '≈ within 2 half-widths',
  outside: '✗ outside',
};

/**
 * One row per case. Rows carry their numbers as data attributes (data-theory, data-simulated,
 * data-half-width) so tests read exact values, not formatted text.
 */
export function ValidationTable({
  cases,
  results,
  runningIndex,
}: {
  cases: ValidationCaseInfo[];
  results: Record<string, ValidationResult>;
  runningIndex: number;
}) {
  return (
    // Focusable so keyboard users can scroll the table sideways on narrow screens.
    <div
      className="table-scroll validation-table-wrap"
      tabIndex={0}
      role="region"
      aria-label="Validation results"
    >
      <table className="validation-table">
        <caption className="visually-hidden">
          Closed-form theory and this engine&apos;s estimate with its 95% confidence interval, per
          case
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Quantity</th>
            <th scope="col">Theory</th>
            <th scope="col">This engine (95% CI)</th>
            <th scope="col">Error</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, index) => {
            const r = results[c.id];
            const state = r ? 'done' : index === runningIndex ? 'running' : 'pending';
            return (
              <tr
                key={c.id}
                data-testid="validation-row"
                data-case-id={c.id}
                data-state={state}
                data-theory={c.theory}
                data-simulated={r?.simulated}
                data-half-width={r?.halfWidth}
                data-verdict={r?.verdict}
              >
                <td>
                  <span className="validation-model">{c.model}</span>
                  <span className="validation-small">{c.parameters}</span>
                </td>
                <td>
                  {c.metric}
                  <span className="validation-small">
                    {c.method}, {c.work}
                  </span>
                </td>
                <td className="validation-num">
                  {formatSignificant(c.theory)}
                  <span className="validation-small">
                    {c.formula}; {c.source}
                  </span>
                </td>
                <td className="validation-num">
                  {r ? (
                    <>
                      {formatSignificant(r.simulated)}{' '}
                      <span className="validation-ci">± {formatHalfWidth(r.halfWidth)}</span>
                    </>
                  ) : (
                    <span className="validation-pending">
                      {state === 'running' ? 'running…' : '—'}
                    </span>
                  )}
                </td>
                <td className="validation-num">{r ? formatSignedPercent(r.relativeError) : ''}</td>
                <td>
                  {r && (
                    <span className={`validation-verdict validation-verdict-${r.verdict}`}>
                      {verdictLabel[r.verdict]}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

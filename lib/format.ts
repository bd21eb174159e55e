/**
 * The one number-formatting module of the site (query lab, validation table, CLIs). Pure functions
 * on Intl.NumberFormat with a pinned 'en-US' locale: the e2e tests read these strings, e.g. a query
 * count of 1001 must show as "1,001" whatever the reader's locale.
 */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixed = (digits: number) =>
  new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  });
const FIXED = [fixed(0), fixed(1), fixed(2), fixed(3)] as const;

/** x with exactly `digits` (0–3) decimals, no grouping: the CLI's tables. */
export function formatFixed(x: number, digits: 0 | 1 | 2 | 3): string {
  return FIXED[digits].format(x);
}

/** Milliseconds rounded to 3 decimals for JSON output (µs resolution is all performance.now gives). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** 1001 → "1,001". Non-finite values show as "–". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return grouped.format(Math.round(n));
}

/** 4 significant digits, thousands grouped from 1,000 up: the validation table's values. */
export function formatSignificant(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1000) return formatCount(x);
  return Number(x.toPrecision(4)).toString();
}

/** A confidence half-width: 2 significant digits, grouped integers from 100 up; ∞ when unbounded. */
export function formatHalfWidth(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  if (Math.abs(x) >= 100) return formatCount(x);
  return Number(x.toPrecision(2)).toString();
}

/** A relative error with its sign: 0.0123 → "+1.23%", −0.004 → "−0.40%". */
export function formatSignedPercent(x: number): string {
  return `${x >= 0 ? '+' : '−'}${formatFixed(Math.abs(x * 100), 2)}%`;
}

/** Milliseconds as seconds with one decimal: 12345 → "12.3 s". */
export function formatSeconds(ms: number): string {
  return `${formatFixed(ms / 1000, 1)} s`;
}

/**
 * Milliseconds with precision that fits the magnitude: 0.0123 → "0.012 ms", 0.42 → "0.42 ms",
 * 12.345 → "12.3 ms", 1234.5 → "1,235 ms"; ≥ 10 s switches to seconds ("12.3 s").
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  if (abs >= 10_000) return formatSeconds(ms);
  if (abs >= 100) return `${formatCount(ms)} ms`;
  if (abs >= 10) return `${ms.toFixed(1)} ms`;
  if (abs === 0) return '0 ms';
  if (abs >= 0.1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** 0.873 → "87%"; keeps one decimal below 10% so a 2.5% hit ratio does not read as "3%". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const pct = ratio * 100;
  return pct !== 0 && Math.abs(pct) < 10 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** "12.4×" for ratios; "–" when the denominator is zero. */
export function formatRatio(numerator: number, denominator: number): string {
  if (!(denominator > 0) || !Number.isFinite(numerator)) return '–';
  const r = numerator / denominator;
  return `${r >= 100 ? formatCount(r) : formatFixed(r, 1)}×`;
}

/** Cuts SQL to one line of at most `max` characters for labels; whitespace runs collapse. */
export function oneLineSql(sql: string, max = 80): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Query parameters as a reader would write them: strings quoted, null as NULL. */
export function formatParams(params: readonly unknown[] | undefined): string {
  if (!params || params.length === 0) return '';
  return params
    .map((p) => {
      if (p === null || p === undefined) return 'NULL';
      if (typeof p === 'string') return `'${p.length > 40 ? `${p.slice(0, 39)}…` : p}'`;
      if (typeof p === 'number' || typeof p === 'boolean' || typeof p === 'bigint')
        return String(p);
      try {
        const json = JSON.stringify(p);
        return json.length > 40 ? `${json.slice(0, 39)}…` : json;
      } catch {
        return String(p);
      }
    })
    .join(', ');
}

/** "1 query", "1,001 queries": count with the right noun form. */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? one : many}`;
}

/**
 * Number formatting for the query lab. Pure functions (unit-tested): the e2e tests read these
 * strings, e.g. a query count of 1001 must show as "1,001" whatever the reader's locale, so
 * every function pins 'en-US'.
 */

/** 1001 → "1,001". Non-finite values show as "–". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Math.round(n).toLocaleString('en-US');
}

/**
 * Milliseconds with precision that fits the magnitude: 0.0123 → "0.012 ms", 0.42 → "0.42 ms",
 * 12.345 → "12.3 ms", 1234.5 → "1,235 ms"; ≥ 10 s switches to seconds ("12.3 s").
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  if (abs >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (abs >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
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
  return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1)}×`;
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

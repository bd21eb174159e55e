/** Numbers for the validation table: 4 significant digits, grouped thousands for counts. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(4)).toString();
}

export function formatHalfWidth(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(2)).toString();
}

export function formatPercent(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)}%`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

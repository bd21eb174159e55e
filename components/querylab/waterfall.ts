/**
 * Geometry of the query waterfall (pure, unit-tested). Queries of one request run one after the
 * other, so each query is a segment on a timeline: first its network round trip (simulated RTT,
 * set by the reader), then its execution inside Postgres (measured).
 */

export interface TimedQuery {
  /** Time Postgres spent on the statement, measured by the query log. */
  dbMs: number;
  /** Simulated network round trip charged to this statement. */
  rttMs: number;
}

export interface Segment {
  startMs: number;
  rttMs: number;
  dbMs: number;
  /** How many queries this segment stands for (> 1 only after grouping). */
  queries: number;
}

/** Back-to-back segments, one per query, starting at 0. */
export function sequentialSegments(queries: readonly TimedQuery[]): Segment[] {
  let t = 0;
  return queries.map((q) => {
    const rtt = Math.max(0, q.rttMs);
    const db = Math.max(0, q.dbMs);
    const seg = { startMs: t, rttMs: rtt, dbMs: db, queries: 1 };
    t += rtt + db;
    return seg;
  });
}

/**
 * Merges consecutive segments until each is at least `minMs` wide, so 10,000 queries draw as a few
 * hundred shapes instead of 20,000 sub-pixel ones. Totals are preserved exactly: the merged
 * segment's RTT and DB parts are the sums of its members'.
 */
export function groupSegments(segments: readonly Segment[], minMs: number): Segment[] {
  if (!(minMs > 0)) return segments.map((s) => ({ ...s }));
  const out: Segment[] = [];
  let current: Segment | null = null;
  for (const s of segments) {
    if (!current) {
      current = { ...s };
    } else {
      current.rttMs += s.rttMs;
      current.dbMs += s.dbMs;
      current.queries += s.queries;
    }
    if (current.rttMs + current.dbMs >= minMs) {
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

export function totalMs(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + s.rttMs + s.dbMs, 0);
}

export interface WaterfallTotals {
  queries: number;
  dbMs: number;
  rttMs: number;
  totalMs: number;
}

export function totalsOf(queries: readonly TimedQuery[]): WaterfallTotals {
  let dbMs = 0;
  let rttMs = 0;
  for (const q of queries) {
    dbMs += Math.max(0, q.dbMs);
    rttMs += Math.max(0, q.rttMs);
  }
  return { queries: queries.length, dbMs, rttMs, totalMs: dbMs + rttMs };
}

/**
 * One SVG path with a rectangle per segment part: a single DOM node however many queries there
 * are (a path per query would stall the main thread at 10,000 queries).
 * `part` picks the RTT or the DB rectangle of each segment; `x` maps ms to user units.
 */
export function segmentsPath(
  segments: readonly Segment[],
  part: 'rtt' | 'db',
  x: (ms: number) => number,
  y: number,
  height: number,
): string {
  let d = '';
  for (const s of segments) {
    const from = part === 'rtt' ? s.startMs : s.startMs + s.rttMs;
    const width = part === 'rtt' ? s.rttMs : s.dbMs;
    if (width <= 0) continue;
    const x0 = x(from);
    const w = Math.max(x(from + width) - x0, 0);
    if (w <= 0) continue;
    d += `M${round(x0)},${round(y)}h${round(w)}v${round(height)}h${round(-w)}Z`;
  }
  return d;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

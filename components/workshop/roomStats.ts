import { canonicalJson } from '@/lib/workshop/encoding';
import type { Decoded } from '@/lib/workshop/encoding';
import type { HandIn } from '@/lib/workshop/handInCodec';
import { isMeasurementKey, MEASUREMENTS } from '@/components/lesson/experimentResults';
import { formatValue } from '@/components/lesson/predictSpec';

/**
 * The room dashboard's arithmetic, pure: hand-ins in, learners, per-line reports, prediction
 * distributions, common wrong answers and CSV out. No React, no DOM.
 */
export interface Learner {
  /** Where it came from: "line 3" or a file name. */
  source: string;
  label: string;
  handIn: HandIn;
  key: string;
}

export type LineReport =
  { source: string; ok: true; message: string } | { source: string; ok: false; message: string };

export interface Input {
  source: string;
  decoded: Decoded<HandIn>;
}

/**
 * Adds decoded inputs to the room. An identical hand-in is reported and ignored; a newer hand-in
 * under the same name from the same room replaces the earlier one (learners hand in again as they
 * progress); anonymous hand-ins are numbered.
 */
export function addToRoom(
  room: readonly Learner[],
  inputs: readonly Input[],
): { room: Learner[]; reports: LineReport[] } {
  const next = [...room];
  const reports: LineReport[] = [];
  for (const { source, decoded } of inputs) {
    if (!decoded.ok) {
      reports.push({ source, ok: false, message: decoded.error.message });
      continue;
    }
    const handIn = decoded.value;
    const key = canonicalJson(handIn);
    const same = next.find((l) => l.key === key);
    if (same) {
      reports.push({
        source,
        ok: false,
        message: `duplicate of ${same.source} (${same.label}), ignored`,
      });
      continue;
    }
    const earlier = handIn.name
      ? next.findIndex((l) => l.handIn.name === handIn.name && l.handIn.plan === handIn.plan)
      : -1;
    if (earlier >= 0) {
      const old = next[earlier];
      next[earlier] = { source, label: old.label, handIn, key };
      reports.push({
        source,
        ok: true,
        message: `${old.label}: replaces the hand-in from ${old.source}`,
      });
      continue;
    }
    const anonymous = next.filter((l) => !l.handIn.name).length;
    const label = handIn.name ?? `Learner ${anonymous + 1}`;
    next.push({ source, label, handIn, key });
    reports.push({ source, ok: true, message: `${label}: added` });
  }
  return { room: next, reports };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function mostCommon<T>(values: readonly T[]): { value: T; count: number } | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: { value: T; count: number } | undefined;
  for (const [value, count] of counts) if (!best || count > best.count) best = { value, count };
  return best;
}

export interface PredictionStats {
  id: string;
  measure: string;
  kind: 'number' | 'choice';
  unit: string;
  label: string;
  /** Guesses made before the experiment ran (late ones are left out of the distribution). */
  guesses: Array<{ learner: string; value: number | string }>;
  late: number;
  /** What the room measured: the median of the reported results, or the most common choice. */
  measured?: number | string;
  /** The results disagree (e.g. times measured on different laptops). */
  measuredSpread?: { min: number; max: number };
  sentence: string;
}

export function predictionStats(room: readonly Learner[]): PredictionStats[] {
  const ids = new Map<string, string>();
  for (const l of room)
    for (const [id, p] of Object.entries(l.handIn.predictions)) ids.set(id, p.measure);
  return [...ids].map(([id, measure]) => {
    const spec = isMeasurementKey(measure) ? MEASUREMENTS[measure] : undefined;
    const kind = spec?.kind ?? 'number';
    const unit = spec?.kind === 'number' ? spec.unit : '';
    const entries = room.flatMap((l) => {
      const p = l.handIn.predictions[id];
      return p && p.measure === measure ? [{ learner: l.label, p }] : [];
    });
    const onTime = entries.filter((e) => !e.p.late);
    const guesses = onTime
      .filter((e) =>
        kind === 'number' ? typeof e.p.guess === 'number' : typeof e.p.guess === 'string',
      )
      .map((e) => ({ learner: e.learner, value: e.p.guess }));
    const results = entries.flatMap((e) => (e.p.result === undefined ? [] : [e.p.result]));
    let measured: number | string | undefined;
    let measuredSpread: PredictionStats['measuredSpread'];
    if (kind === 'number') {
      const nums = results.filter((r): r is number => typeof r === 'number');
      if (nums.length > 0) {
        measured = median(nums);
        const min = Math.min(...nums);
        const max = Math.max(...nums);
        if (min !== max) measuredSpread = { min, max };
      }
    } else {
      measured = mostCommon(results.filter((r): r is string => typeof r === 'string'))?.value;
    }
    const fmt = (v: number | string) => formatValue(typeof v === 'number' ? round(v) : v, unit);
    let sentence: string;
    if (guesses.length === 0)
      sentence = 'Nobody in the room guessed before running the experiment.';
    else if (kind === 'number') {
      const med = median(guesses.map((g) => g.value as number));
      sentence = `The room's median guess was ${fmt(med)}; ${
        measured === undefined
          ? 'nobody has run the experiment yet'
          : `the experiment measured ${fmt(measured)}`
      }.`;
    } else {
      const top = mostCommon(guesses.map((g) => g.value))!;
      sentence = `${top.count} of ${guesses.length} picked ${top.value}; ${
        measured === undefined
          ? 'nobody has run the experiment yet'
          : `the experiment measured ${measured}`
      }.`;
    }
    return {
      id,
      measure,
      kind,
      unit,
      label: spec?.label ?? measure,
      guesses,
      late: entries.length - onTime.length,
      measured,
      measuredSpread,
      sentence,
    };
  });
}

/** Three significant digits: a median of 1000.5 queries reads as 1,001. */
function round(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(v))));
  return Number(v.toFixed(Math.min(digits, 6)));
}

export interface WrongAnswers {
  id: string;
  solved: number;
  revealed: number;
  top: Array<{ answer: string; count: number }>;
}

/** Per challenge: how many solved or revealed it, and the room's most common wrong answers. */
export function wrongAnswers(room: readonly Learner[], topN = 3): WrongAnswers[] {
  const ids = [...new Set(room.flatMap((l) => Object.keys(l.handIn.challenges)))].sort();
  return ids.map((id) => {
    const counts = new Map<string, number>();
    let solved = 0;
    let revealed = 0;
    for (const l of room) {
      const c = l.handIn.challenges[id];
      if (!c) continue;
      if (c.status === 'solved') solved += 1;
      if (c.status === 'revealed') revealed += 1;
      for (const w of c.wrong ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const top = [...counts]
      .map(([answer, count]) => ({ answer, count }))
      .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
      .slice(0, topN);
    return { id, solved, revealed, top };
  });
}

export function totalMinutesOf(h: HandIn): number {
  return Math.round(Object.values(h.seconds).reduce((a, b) => a + b, 0) / 60);
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused. */
function csvField(value: string | number): string {
  let s = String(value);
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula (OWASP "CSV injection").
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per learner: totals, then each challenge's status, each prediction, each lesson's minutes. */
export function roomCsv(room: readonly Learner[]): string {
  const challengeIds = [...new Set(room.flatMap((l) => Object.keys(l.handIn.challenges)))].sort();
  const predictionIds = [...new Set(room.flatMap((l) => Object.keys(l.handIn.predictions)))].sort();
  const lessonSlugs = [...new Set(room.flatMap((l) => Object.keys(l.handIn.seconds)))].sort();
  const header = [
    'learner',
    'room',
    'solved',
    'revealed',
    'predictions',
    'minutes',
    ...challengeIds.map((id) => `challenge:${id}`),
    ...predictionIds.flatMap((id) => [`guess:${id}`, `result:${id}`]),
    ...lessonSlugs.map((s) => `minutes:${s}`),
  ];
  const rows = room.map((l) => {
    const h = l.handIn;
    const statuses = Object.values(h.challenges);
    return [
      l.label,
      h.room ?? '',
      statuses.filter((c) => c.status === 'solved').length,
      statuses.filter((c) => c.status === 'revealed').length,
      Object.keys(h.predictions).length,
      totalMinutesOf(h),
      ...challengeIds.map((id) => h.challenges[id]?.status ?? ''),
      ...predictionIds.flatMap((id) => {
        const p = h.predictions[id];
        return [p ? `${p.guess}${p.late ? ' (late)' : ''}` : '', p?.result ?? ''];
      }),
      ...lessonSlugs.map((s) =>
        h.seconds[s] === undefined ? '' : Math.round(h.seconds[s] / 6) / 10,
      ),
    ];
  });
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

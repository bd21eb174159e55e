import { readProgress } from '@/components/lesson/challengeProgress';
import { readPredictions } from '@/components/lesson/predictionStore';
import { hasControlChars, checksum } from '@/lib/workshop/encoding';
import { checkHandIn, type HandIn } from '@/lib/workshop/handInCodec';
import { readLessonSeconds, type Joined } from './workshopStore';

const ID = /^[a-z0-9.-]{1,80}$/;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Everything a learner hands in, read from this browser's storage: challenge outcomes and wrong
 * answers, predictions with their measured results, and time per lesson in this workshop. Entries
 * that a hand-in cannot carry (an id from an older format) are left out rather than failing.
 */
export function collectHandIn(joined: Joined, name: string): HandIn {
  const s = storage();
  const progress = readProgress(s);
  const challenges: HandIn['challenges'] = {};
  const ids = new Set([...Object.keys(progress.entries), ...Object.keys(progress.wrong ?? {})]);
  for (const id of ids) {
    if (!ID.test(id)) continue;
    const status = progress.entries[id]?.status;
    const wrong = progress.wrong?.[id];
    challenges[id] = {
      ...(status ? { status } : {}),
      ...(wrong && wrong.length > 0 ? { wrong } : {}),
    };
  }
  const predictions: HandIn['predictions'] = {};
  for (const [id, p] of Object.entries(readPredictions(s).entries)) {
    if (!ID.test(id) || !p.measure || !ID.test(p.measure)) continue;
    predictions[id] = {
      measure: p.measure,
      guess: p.guess,
      ...(p.result !== undefined ? { result: p.result } : {}),
      ...(p.late ? { late: true as const } : {}),
    };
  }
  const seconds: HandIn['seconds'] = {};
  for (const [slug, n] of Object.entries(readLessonSeconds(joined.code))) {
    if (ID.test(slug)) seconds[slug] = n;
  }
  const trimmed = name.trim().slice(0, 40);
  const handIn: HandIn = {
    v: 1,
    ...(trimmed && !hasControlChars(trimmed) ? { name: trimmed } : {}),
    room: joined.plan.room,
    plan: checksum(joined.code),
    challenges,
    predictions,
    seconds,
  };
  const checked = checkHandIn(handIn);
  // Storage is validated on read, so this holds; if a limit is ever hit, hand in the timings only.
  return checked.ok
    ? checked.value
    : { v: 1, room: joined.plan.room, challenges: {}, predictions: {}, seconds };
}

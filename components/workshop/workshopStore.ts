import { z } from 'zod/mini'; // the banner reads this on every lesson page
import { decodePlan, type WorkshopPlan } from '@/lib/workshop/planCodec';
import { MAX_SECONDS } from '@/lib/workshop/handInCodec';

/**
 * The workshop this browser has joined, and the time spent per lesson while in it, in
 * localStorage. Like the challenge progress (components/lesson/challengeProgress.ts), stored data is
 * untrusted: anything corrupt reads as "not in a workshop", and nothing here throws.
 */
export const WORKSHOP_STORAGE_KEY = 'sw:workshop';
export const TIME_STORAGE_KEY = 'sw:workshop-time';
/** Same-tab change notification (the `storage` event only fires in other tabs). */
const CHANGE_EVENT = 'sw:workshop-change';

const joinedSchema = z.object({
  version: z.literal(1),
  code: z.string().check(z.maxLength(4000)),
  name: z.optional(z.string().check(z.maxLength(40))),
});
const timeSchema = z.object({
  version: z.literal(1),
  /** Keyed by the plan code, so a new workshop starts its clocks at zero. */
  code: z.string().check(z.maxLength(4000)),
  seconds: z.record(z.string(), z.number()),
});

export interface Joined {
  code: string;
  plan: WorkshopPlan;
  name?: string;
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

function readJson(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function writeJson(key: string, value: unknown): boolean {
  try {
    const s = storage();
    if (!s) return false;
    if (value === undefined) s.removeItem(key);
    else s.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function notify() {
  try {
    window.dispatchEvent(new Event(CHANGE_EVENT));
  } catch {
    // no window (server render): nothing listens
  }
}

let cache: { raw: string | null; joined: Joined | null } | undefined;

/** The joined workshop, or null. Stable identity between changes (for useSyncExternalStore). */
export function readJoined(): Joined | null {
  let raw: string | null;
  try {
    raw = storage()?.getItem(WORKSHOP_STORAGE_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (cache && cache.raw === raw) return cache.joined;
  let joined: Joined | null = null;
  const parsed = joinedSchema.safeParse(readJson(WORKSHOP_STORAGE_KEY));
  if (parsed.success) {
    const plan = decodePlan(parsed.data.code);
    if (plan.ok) joined = { code: parsed.data.code, plan: plan.value, name: parsed.data.name };
  }
  cache = { raw, joined };
  return joined;
}

export function joinWorkshop(code: string): boolean {
  if (!decodePlan(code).ok) return false;
  const name = readJoined()?.name;
  const ok = writeJson(WORKSHOP_STORAGE_KEY, { version: 1, code, ...(name ? { name } : {}) });
  notify();
  return ok;
}

export function leaveWorkshop(): void {
  writeJson(WORKSHOP_STORAGE_KEY, undefined);
  notify();
}

export function setLearnerName(name: string): void {
  const joined = readJoined();
  if (!joined) return;
  const trimmed = name.trim().slice(0, 40);
  writeJson(WORKSHOP_STORAGE_KEY, {
    version: 1,
    code: joined.code,
    ...(trimmed ? { name: trimmed } : {}),
  });
  notify();
}

export function subscribeWorkshop(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === WORKSHOP_STORAGE_KEY || e.key === null) listener();
  };
  window.addEventListener(CHANGE_EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Seconds per lesson slug for the given workshop code. */
export function readLessonSeconds(code: string): Record<string, number> {
  const parsed = timeSchema.safeParse(readJson(TIME_STORAGE_KEY));
  if (!parsed.success || parsed.data.code !== code) return {};
  const out: Record<string, number> = {};
  for (const [slug, s] of Object.entries(parsed.data.seconds)) {
    if (Number.isFinite(s) && s >= 0) out[slug] = Math.min(Math.round(s), MAX_SECONDS);
  }
  return out;
}

export function addLessonSeconds(code: string, slug: string, seconds: number): void {
  if (!(seconds > 0)) return;
  const seconds0 = readLessonSeconds(code);
  seconds0[slug] = Math.min((seconds0[slug] ?? 0) + seconds, MAX_SECONDS);
  writeJson(TIME_STORAGE_KEY, { version: 1, code, seconds: seconds0 });
}

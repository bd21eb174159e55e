import { z } from 'zod/mini'; // tree-shakable: this ships in every lesson page

/**
 * Challenge completion, remembered in localStorage. Stored data is untrusted: a corrupt value, an
 * older format or a full/blocked storage is ignored (the page then behaves as for a new reader).
 */
export const PROGRESS_STORAGE_KEY = 'sw:challenges';

const entrySchema = z.object({
  status: z.enum(['solved', 'revealed']),
  /** ISO date of completion. */
  at: z.string().check(z.maxLength(40)),
});
/** At most this many distinct wrong answers per challenge: enough for a room's discussion. */
export const MAX_WRONG_ANSWERS = 5;
const wrongSchema = z.record(
  z.string(),
  z.array(z.string().check(z.maxLength(120))).check(z.maxLength(MAX_WRONG_ANSWERS)),
);
const progressSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), entrySchema),
  /**
   * Wrong answers given before solving, in order (added later, optional: older stored progress
   * still reads). A corrupt list is dropped on its own without losing the completions.
   */
  wrong: z.optional(z.catch(wrongSchema, {})),
});

export type ChallengeStatus = z.infer<typeof entrySchema>['status'];
type Progress = z.infer<typeof progressSchema>;

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readProgress(storage: StorageLike | undefined): Progress {
  const empty: Progress = { version: 1, entries: {} };
  if (!storage) return empty;
  try {
    const raw = storage.getItem(PROGRESS_STORAGE_KEY);
    if (!raw) return empty;
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

export function readStatus(storage: StorageLike | undefined, id: string): ChallengeStatus | null {
  return readProgress(storage).entries[id]?.status ?? null;
}

/** Saves a completion; "solved" is never downgraded to "revealed". Returns false if storage failed. */
export function saveStatus(
  storage: StorageLike | undefined,
  id: string,
  status: ChallengeStatus,
  now: Date,
): boolean {
  if (!storage) return false;
  const progress = readProgress(storage);
  if (progress.entries[id]?.status === 'solved' && status === 'revealed') return true;
  progress.entries[id] = { status, at: now.toISOString() };
  try {
    storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function readWrongAnswers(storage: StorageLike | undefined, id: string): string[] {
  return readProgress(storage).wrong?.[id] ?? [];
}

/** Remembers a wrong answer (distinct, the first MAX_WRONG_ANSWERS). Returns false if storage failed. */
export function saveWrongAnswer(
  storage: StorageLike | undefined,
  id: string,
  answer: string,
): boolean {
  if (!storage) return false;
  const progress = readProgress(storage);
  const wrong = { ...progress.wrong };
  const list = wrong[id] ?? [];
  const text = answer.slice(0, 120);
  if (list.includes(text) || list.length >= MAX_WRONG_ANSWERS) return true;
  wrong[id] = [...list, text];
  try {
    storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify({ ...progress, wrong }));
    return true;
  } catch {
    return false;
  }
}

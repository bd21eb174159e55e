import { z } from 'zod/mini'; // tree-shakable: this ships in every lesson page

/**
 * The reader's predictions, remembered in localStorage in the same way as challenge progress
 * (challengeProgress.ts): stored data is untrusted, so a corrupt value, an older format or a
 * full/blocked storage is ignored and nothing here ever throws.
 */
export const PREDICTIONS_STORAGE_KEY = 'sw:predictions';

const value = z.union([z.number(), z.string().check(z.maxLength(200))]);

const entrySchema = z.object({
  /** The measurement guessed (experimentResults.ts), so a hand-in can name what was predicted. */
  measure: z.optional(z.string().check(z.maxLength(80))),
  guess: value,
  /** ISO date of the guess. */
  at: z.string().check(z.maxLength(40)),
  /** The measured value, once the experiment has run after the guess. */
  result: z.optional(value),
  /** True if the experiment had already produced its result on the page when the reader guessed. */
  late: z.optional(z.boolean()),
});
const predictionsSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), entrySchema),
});

export type PredictionEntry = z.infer<typeof entrySchema>;
export type Predictions = z.infer<typeof predictionsSchema>;

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readPredictions(storage: StorageLike | undefined): Predictions {
  const empty: Predictions = { version: 1, entries: {} };
  if (!storage) return empty;
  try {
    const raw = storage.getItem(PREDICTIONS_STORAGE_KEY);
    if (!raw) return empty;
    const parsed = predictionsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

export function readPrediction(
  storage: StorageLike | undefined,
  id: string,
): PredictionEntry | null {
  return readPredictions(storage).entries[id] ?? null;
}

function write(storage: StorageLike, predictions: Predictions): boolean {
  try {
    storage.setItem(PREDICTIONS_STORAGE_KEY, JSON.stringify(predictions));
    return true;
  } catch {
    return false;
  }
}

/**
 * Records a guess. A guess is final: a second call for the same id keeps the first one (the point
 * of predicting is committing before seeing). Returns the stored entry, or null if storage failed.
 */
export function saveGuess(
  storage: StorageLike | undefined,
  id: string,
  guess: number | string,
  opts: { now: Date; late: boolean; measure?: string },
): PredictionEntry | null {
  if (!storage) return null;
  const predictions = readPredictions(storage);
  const existing = predictions.entries[id];
  if (existing) return existing;
  const entry: PredictionEntry = { guess, at: opts.now.toISOString() };
  if (opts.measure) entry.measure = opts.measure;
  if (opts.late) entry.late = true;
  predictions.entries[id] = entry;
  return write(storage, predictions) ? entry : null;
}

/** Stores the measured value next to an existing guess (the latest run wins). */
export function saveResult(
  storage: StorageLike | undefined,
  id: string,
  result: number | string,
): boolean {
  if (!storage) return false;
  const predictions = readPredictions(storage);
  const existing = predictions.entries[id];
  if (!existing) return false;
  if (existing.result === result) return true;
  predictions.entries[id] = { ...existing, result };
  return write(storage, predictions);
}

import { describe, expect, it } from 'vitest';
import {
  PROGRESS_STORAGE_KEY,
  MAX_WRONG_ANSWERS,
  readStatus,
  readWrongAnswers,
  saveStatus,
  saveWrongAnswer,
} from '@/components/lesson/challengeProgress';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const now = new Date('2026-11-28T12:00:00Z');

describe('challenge progress', () => {
  it('should save and read back a completion', () => {
    const storage = memoryStorage();
    expect(saveStatus(storage, 'q1', 'solved', now)).toBe(true);
    expect(readStatus(storage, 'q1')).toBe('solved');
    expect(readStatus(storage, 'q2')).toBeNull();
  });

  it('should never downgrade solved to revealed', () => {
    const storage = memoryStorage();
    saveStatus(storage, 'q1', 'solved', now);
    saveStatus(storage, 'q1', 'revealed', now);
    expect(readStatus(storage, 'q1')).toBe('solved');
  });

  it('should ignore corrupt, foreign or old-format data', () => {
    for (const raw of [
      '{not json',
      '[]',
      '{"version":0,"entries":{}}',
      '{"version":1,"entries":{"q1":{"status":"won"}}}',
      'null',
    ]) {
      const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: raw });
      expect(readStatus(storage, 'q1'), raw).toBeNull();
      expect(saveStatus(storage, 'q1', 'revealed', now)).toBe(true);
      expect(readStatus(storage, 'q1')).toBe('revealed');
    }
  });

  it('should report failure instead of throwing when storage is full or blocked', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readStatus(storage, 'q1')).toBeNull();
    expect(saveStatus(storage, 'q1', 'solved', now)).toBe(false);
    expect(saveStatus(undefined, 'q1', 'solved', now)).toBe(false);
  });

  it('should remember distinct wrong answers next to the completion, capped', () => {
    const storage = memoryStorage();
    saveWrongAnswer(storage, 'q1', '5000');
    saveWrongAnswer(storage, 'q1', '5000');
    saveStatus(storage, 'q1', 'solved', now);
    for (let i = 0; i < 10; i++) saveWrongAnswer(storage, 'q1', String(i));
    expect(readStatus(storage, 'q1')).toBe('solved');
    const wrong = readWrongAnswers(storage, 'q1');
    expect(wrong[0]).toBe('5000');
    expect(wrong).toHaveLength(MAX_WRONG_ANSWERS);
  });

  it('should read progress stored before wrong answers were recorded, and drop a corrupt list alone', () => {
    const old = memoryStorage({
      [PROGRESS_STORAGE_KEY]: '{"version":1,"entries":{"q1":{"status":"solved","at":"x"}}}',
    });
    expect(readStatus(old, 'q1')).toBe('solved');
    expect(readWrongAnswers(old, 'q1')).toEqual([]);
    const corrupt = memoryStorage({
      [PROGRESS_STORAGE_KEY]:
        '{"version":1,"entries":{"q1":{"status":"solved","at":"x"}},"wrong":{"q1":[1,2]}}',
    });
    expect(readStatus(corrupt, 'q1')).toBe('solved');
    expect(readWrongAnswers(corrupt, 'q1')).toEqual([]);
  });
});

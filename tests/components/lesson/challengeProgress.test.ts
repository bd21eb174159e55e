import { describe, expect, it } from 'vitest';
import {
  PROGRESS_STORAGE_KEY,
  readStatus,
  saveStatus,
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
});

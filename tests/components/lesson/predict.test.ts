import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clearResults,
  MEASUREMENTS,
  publishResult,
  publishResults,
  resultSnapshot,
  subscribeResult,
} from '@/components/lesson/experimentResults';
import {
  PREDICTIONS_STORAGE_KEY,
  readPrediction,
  readPredictions,
  saveGuess,
  saveResult,
} from '@/components/lesson/predictionStore';
import {
  compareGuess,
  describeVerdict,
  formatValue,
  toPredictSpec,
} from '@/components/lesson/predictSpec';
import { ENDPOINTS } from '@/lib/db/labs/measure-sql';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const now = new Date('2026-12-03T12:00:00Z');

describe('experiment results store', () => {
  it('should deliver a published value to subscribers of its key only', () => {
    clearResults();
    let calls = 0;
    const off = subscribeResult('n-plus-one.before-queries', () => (calls += 1));
    publishResult('n-plus-one.after-queries', 1);
    expect(calls).toBe(0);
    publishResults({ 'n-plus-one.before-queries': 1001 });
    expect(calls).toBe(1);
    expect(resultSnapshot('n-plus-one.before-queries')?.value).toBe(1001);
    off();
    publishResult('n-plus-one.before-queries', 11);
    expect(calls).toBe(1);
  });

  it('should count a re-run with the same value as a new result', () => {
    clearResults();
    publishResult('caching.ttl-hit-ratio', 81);
    const first = resultSnapshot('caching.ttl-hit-ratio')!.seq;
    publishResult('caching.ttl-hit-ratio', 81);
    expect(resultSnapshot('caching.ttl-hit-ratio')!.seq).toBeGreaterThan(first);
  });

  it('should drop values that do not fit the measurement', () => {
    clearResults();
    expect(publishResult('n-plus-one.before-queries', Number.NaN)).toBe(false);
    expect(publishResult('n-plus-one.before-queries', '1001')).toBe(false);
    expect(publishResult('measure.bottleneck', 'GET /nowhere')).toBe(false);
    expect(publishResult('measure.bottleneck', 'GET /channels')).toBe(true);
    expect(resultSnapshot('n-plus-one.before-queries')).toBeUndefined();
  });

  it('should list the measure lab endpoints exactly as the lab names them', () => {
    expect(MEASUREMENTS['measure.bottleneck'].values).toEqual([...ENDPOINTS]);
  });
});

describe('prediction storage', () => {
  it('should keep the first guess and store the result next to it', () => {
    const storage = memoryStorage();
    expect(saveGuess(storage, 'p1', 300, { now, late: false })?.guess).toBe(300);
    expect(saveGuess(storage, 'p1', 900, { now, late: false })?.guess).toBe(300);
    expect(saveResult(storage, 'p1', 1001)).toBe(true);
    expect(readPrediction(storage, 'p1')).toEqual({
      guess: 300,
      at: now.toISOString(),
      result: 1001,
    });
    expect(saveResult(storage, 'nope', 1)).toBe(false);
  });

  it('should mark a guess made after the result as late', () => {
    const storage = memoryStorage();
    saveGuess(storage, 'p1', 'GET /inbox', { now, late: true });
    expect(readPrediction(storage, 'p1')?.late).toBe(true);
  });

  it('should never throw on whatever is stored, and treat it as empty', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const storage = memoryStorage({ [PREDICTIONS_STORAGE_KEY]: raw });
        const read = readPredictions(storage);
        expect(read.version).toBe(1);
      }),
    );
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readPredictions(broken).entries).toEqual({});
    expect(saveGuess(broken, 'p1', 1, { now, late: false })).toBeNull();
    expect(saveGuess(undefined, 'p1', 1, { now, late: false })).toBeNull();
  });
});

describe('<Predict> props and verdicts', () => {
  it('should derive kind and unit from the measurement', () => {
    const r = toPredictSpec({
      id: 'q',
      measure: 'n-plus-one.before-queries',
      question: 'How many?',
    });
    expect('spec' in r && r.spec).toMatchObject({
      kind: 'number',
      unit: 'queries',
      tolerance: 0.1,
    });
  });

  it('should reject unknown measurements, stray choices and unknown choice values', () => {
    expect(toPredictSpec({ id: 'q', measure: 'nope', question: 'How many?' })).toHaveProperty(
      'error',
    );
    expect(
      toPredictSpec({
        id: 'q',
        measure: 'n-plus-one.before-queries',
        question: 'How many?',
        choices: ['a', 'b'],
      }),
    ).toHaveProperty('error');
    expect(
      toPredictSpec({
        id: 'q',
        measure: 'measure.bottleneck',
        question: 'Which one?',
        choices: ['GET /channels', 'x'],
      }),
    ).toHaveProperty('error');
    expect(
      toPredictSpec({ id: 'Q!', measure: 'measure.bottleneck', question: 'Which one?' }),
    ).toHaveProperty('error');
  });

  it('should describe how far a guess is from the result', () => {
    expect(compareGuess(1000, 1001, 0.1)).toEqual({ kind: 'match' });
    expect(describeVerdict(compareGuess(300, 1001, 0.1))).toBe('Off by 3.3×: too low.');
    expect(describeVerdict(compareGuess(130, 100, 0.1))).toBe('30% too high.');
    expect(compareGuess('GET /inbox', 'GET /channels', 0)).toEqual({ kind: 'miss' });
    expect(formatValue(1001, 'queries')).toBe('1,001 queries');
    expect(formatValue(81, '%')).toBe('81%');
  });
});

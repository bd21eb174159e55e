import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinTolerance, parseNumberInput } from '@/components/lesson/challengeAnswer';
import { challengePropsSchema } from '@/components/lesson/challengeSchema';

describe('parseNumberInput', () => {
  it('should read the ways people type numbers', () => {
    expect(parseNumberInput('10500')).toBe(10500);
    expect(parseNumberInput(' 10,500 ')).toBe(10500);
    expect(parseNumberInput('10 500')).toBe(10500);
    expect(parseNumberInput('10.5k')).toBe(10500);
    expect(parseNumberInput('2M')).toBe(2_000_000);
    expect(parseNumberInput('1.05e4')).toBe(10500);
    expect(parseNumberInput('-3')).toBe(-3);
  });

  it('should reject text that is not a number', () => {
    for (const bad of ['', 'lots', '10..5', '1e', 'k', '12abc', 'NaN', 'Infinity']) {
      expect(parseNumberInput(bad), bad).toBeNull();
    }
  });

  it('should round-trip any integer written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseNumberInput(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });
});

describe('isWithinTolerance', () => {
  it('should accept answers within the relative tolerance and reject others', () => {
    expect(isWithinTolerance(10_600, 10_500, 0.02)).toBe(true);
    expect(isWithinTolerance(10_800, 10_500, 0.02)).toBe(false);
    expect(isWithinTolerance(0.005, 0, 0.01)).toBe(true);
  });

  it('should always accept the exact answer', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, tol) => {
          expect(isWithinTolerance(a, a, tol)).toBe(true);
        },
      ),
    );
  });
});

describe('challengePropsSchema', () => {
  it('should accept a multiple-choice and a numeric challenge', () => {
    expect(
      challengePropsSchema.safeParse({
        id: 'a-b',
        question: 'Which one?',
        choices: ['x', 'y'],
        answer: 1,
      }).success,
    ).toBe(true);
    expect(
      challengePropsSchema.safeParse({
        id: 'n',
        question: 'How many?',
        answer: 3,
        tolerance: 0.1,
        unit: 'ms',
      }).success,
    ).toBe(true);
  });

  it('should reject ids with spaces and single-choice questions', () => {
    expect(
      challengePropsSchema.safeParse({ id: 'bad id', question: 'How many?', answer: 3 }).success,
    ).toBe(false);
    expect(
      challengePropsSchema.safeParse({
        id: 'x',
        question: 'Which one?',
        choices: ['only'],
        answer: 0,
      }).success,
    ).toBe(false);
  });
});

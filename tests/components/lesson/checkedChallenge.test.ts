import { describe, expect, it } from 'vitest';
import { runCheck } from '@/components/lesson/checkedChallenge';
import { challengePropsSchema, choiceSpecProblem } from '@/components/lesson/challengeAnswer';

describe('runCheck', () => {
  it('should turn a passing check into a pass verdict with its message', async () => {
    const verdict = await runCheck(async () => ({ pass: true, message: 'p99 was 41 ms.' }));
    expect(verdict).toEqual({ kind: 'pass', message: 'p99 was 41 ms.' });
  });

  it('should turn a failing check into a fail verdict with its message', async () => {
    const verdict = await runCheck(async () => ({ pass: false, message: 'p99 was 900 ms.' }));
    expect(verdict).toEqual({ kind: 'fail', message: 'p99 was 900 ms.' });
  });

  it('should report a throwing check as an error, never as a pass', async () => {
    const verdict = await runCheck(async () => {
      throw new Error('worker crashed');
    });
    expect(verdict).toEqual({ kind: 'error', message: 'The check could not run: worker crashed' });
  });

  it('should report a malformed result as an error', async () => {
    const verdict = await runCheck(async () => ({ pass: 'yes', message: 1 }) as never);
    expect(verdict.kind).toBe('error');
  });
});

describe('per-choice feedback', () => {
  const base = {
    id: 'q',
    question: 'Which one?',
    choices: ['a', 'b', 'c'],
    answer: 1,
  };

  it('should accept one feedback sentence per choice', () => {
    const spec = challengePropsSchema.parse({ ...base, feedback: ['no: x', 'yes: y', 'no: z'] });
    expect(choiceSpecProblem(spec)).toBeNull();
  });

  it('should reject feedback whose length differs from the choices', () => {
    const spec = challengePropsSchema.parse({ ...base, feedback: ['no: x', 'yes: y'] });
    expect(choiceSpecProblem(spec)).toMatch(/2 entries for 3 choices/);
  });

  it('should reject an answer that is not a choice index', () => {
    const spec = challengePropsSchema.parse({ ...base, answer: 3 });
    expect(choiceSpecProblem(spec)).toMatch(/not a choice index/);
  });

  it('should reject a misspelt feedback prop (strict props)', () => {
    expect(challengePropsSchema.safeParse({ ...base, feedbacks: ['a', 'b', 'c'] }).success).toBe(
      false,
    );
  });
});

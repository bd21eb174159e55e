import { describe, expect, it } from 'vitest';
import type { HandIn } from '@/lib/workshop/handInCodec';
import {
  addToRoom,
  predictionStats,
  roomCsv,
  wrongAnswers,
  type Input,
} from '@/components/workshop/roomStats';

function handIn(name: string | undefined, guess: number, extra: Partial<HandIn> = {}): HandIn {
  return {
    v: 1,
    ...(name ? { name } : {}),
    room: 'Guild',
    plan: 'abc',
    challenges: { c1: { status: 'solved', wrong: ['5000'] } },
    predictions: { p1: { measure: 'n-plus-one.before-queries', guess, result: 1001 } },
    seconds: { 'n-plus-one': 600 },
    ...extra,
  };
}

const ok = (source: string, value: HandIn): Input => ({ source, decoded: { ok: true, value } });

describe('room dashboard arithmetic', () => {
  it('should add learners, skip exact duplicates, replace a newer hand-in under the same name', () => {
    const { room, reports } = addToRoom(
      [],
      [
        ok('line 1', handIn('Ada', 300)),
        ok('line 2', handIn('Ada', 300)),
        {
          source: 'line 3',
          decoded: { ok: false, error: { kind: 'checksum', message: 'altered' } },
        },
        ok('line 4', handIn(undefined, 1000)),
        ok('line 5', handIn('Ada', 500)),
      ],
    );
    expect(room.map((l) => l.label)).toEqual(['Ada', 'Learner 1']);
    expect(room[0].handIn.predictions.p1.guess).toBe(500);
    expect(reports.map((r) => r.ok)).toEqual([true, false, false, true, true]);
    expect(reports[1].message).toContain('duplicate of line 1');
    expect(reports[4].message).toContain('replaces');
  });

  it('should say the room median against the measured result', () => {
    const { room } = addToRoom(
      [],
      [ok('a', handIn('A', 200)), ok('b', handIn('B', 300)), ok('c', handIn('C', 5000))],
    );
    const [s] = predictionStats(room);
    expect(s.sentence).toBe(
      "The room's median guess was 300 queries; the experiment measured 1,001 queries.",
    );
    expect(s.guesses).toHaveLength(3);
  });

  it('should leave late guesses out of the distribution and count choices', () => {
    const choice = (name: string, guess: string, late = false): HandIn =>
      handIn(name, 0, {
        predictions: {
          b: {
            measure: 'measure.bottleneck',
            guess,
            result: 'GET /channels',
            ...(late ? { late: true as const } : {}),
          },
        },
      });
    const { room } = addToRoom(
      [],
      [
        ok('a', choice('A', 'GET /inbox')),
        ok('b', choice('B', 'GET /inbox')),
        ok('c', choice('C', 'GET /channels', true)),
      ],
    );
    const [s] = predictionStats(room);
    expect(s.late).toBe(1);
    expect(s.sentence).toBe('2 of 2 picked GET /inbox; the experiment measured GET /channels.');
  });

  it('should rank wrong answers and export a CSV that defuses formulas', () => {
    const { room } = addToRoom(
      [],
      [
        ok('a', handIn('=cmd()', 1)),
        ok('b', handIn('Bo, "the" one', 2, { challenges: { c1: { wrong: ['5000', '7'] } } })),
      ],
    );
    expect(wrongAnswers(room)[0]).toEqual({
      id: 'c1',
      solved: 1,
      revealed: 0,
      top: [
        { answer: '5000', count: 2 },
        { answer: '7', count: 1 },
      ],
    });
    const csv = roomCsv(room);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'learner,room,solved,revealed,predictions,minutes,challenge:c1,guess:p1,result:p1,minutes:n-plus-one',
    );
    expect(lines[1].startsWith("'=cmd()")).toBe(true);
    expect(lines[2].startsWith('"Bo, ""the"" one"')).toBe(true);
  });
});

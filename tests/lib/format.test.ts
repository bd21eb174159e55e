import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatCount,
  formatFixed,
  formatHalfWidth,
  formatSeconds,
  formatSignedPercent,
  formatSignificant,
  formatMs,
  formatParams,
  formatPercent,
  formatRatio,
  oneLineSql,
  plural,
} from '@/lib/format';

describe('formatCount', () => {
  it('should group thousands with commas whatever the locale', () => {
    expect(formatCount(1001)).toBe('1,001');
    expect(formatCount(1)).toBe('1');
    expect(formatCount(10_000)).toBe('10,000');
  });

  it('should round to an integer and show non-finite values as a dash', () => {
    expect(formatCount(2.6)).toBe('3');
    expect(formatCount(Number.NaN)).toBe('–');
  });

  it('should read back to the same integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(Number(formatCount(n).replace(/,/g, ''))).toBe(n);
      }),
    );
  });
});

describe('formatMs', () => {
  it('should pick a precision that fits the magnitude', () => {
    expect(formatMs(0.0123)).toBe('0.012 ms');
    expect(formatMs(0.42)).toBe('0.42 ms');
    expect(formatMs(12.345)).toBe('12.3 ms');
    expect(formatMs(1234.5)).toBe('1,235 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatMs(0)).toBe('0 ms');
  });

  it('should stay within 1% (or 0.001 ms) of the value it formats', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (ms) => {
        const text = formatMs(ms);
        const value =
          Number(text.replace(/,/g, '').split(' ')[0]) * (text.endsWith(' s') ? 1000 : 1);
        // 1e-9 of slack: the worst case (e.g. 0.1717… → "0.17") sits exactly on the 1% bound,
        // where floating-point subtraction can land one ulp over it.
        expect(Math.abs(value - ms)).toBeLessThanOrEqual(Math.max(ms * 0.01 * (1 + 1e-9), 0.0006));
      }),
    );
  });
});

describe('plural', () => {
  it('should use the singular only for exactly one', () => {
    expect(plural(1, 'query', 'queries')).toBe('1 query');
    expect(plural(1001, 'query', 'queries')).toBe('1,001 queries');
    expect(plural(0, 'query', 'queries')).toBe('0 queries');
  });
});

describe('formatPercent and formatRatio', () => {
  it('should keep a decimal below 10% and round above', () => {
    expect(formatPercent(0.025)).toBe('2.5%');
    expect(formatPercent(0.873)).toBe('87%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('should show a ratio with one decimal and a dash for a zero denominator', () => {
    expect(formatRatio(1001, 1)).toBe('1,001×');
    expect(formatRatio(12.44, 1)).toBe('12.4×');
    expect(formatRatio(3, 0)).toBe('–');
  });
});

describe('oneLineSql and formatParams', () => {
  it('should collapse whitespace and cut long SQL with an ellipsis', () => {
    expect(oneLineSql('SELECT *\n  FROM   users')).toBe('SELECT * FROM users');
    const long = oneLineSql(`SELECT ${'x, '.repeat(100)}1`, 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });

  it('should quote strings, show NULL and keep numbers as written', () => {
    expect(formatParams([42, 'ada', null, true])).toBe("42, 'ada', NULL, true");
    expect(formatParams([])).toBe('');
    expect(formatParams(undefined)).toBe('');
  });
});

describe('validation-table and CLI formats', () => {
  it('should keep 4 significant digits below 1,000 and group thousands above', () => {
    expect(formatSignificant(0.96081)).toBe('0.9608');
    expect(formatSignificant(46.0517)).toBe('46.05');
    expect(formatSignificant(35_900.4)).toBe('35,900');
    expect(formatSignificant(Number.NaN)).toBe('—');
  });

  it('should sign relative errors with a true minus sign', () => {
    expect(formatSignedPercent(0.0123)).toBe('+1.23%');
    expect(formatSignedPercent(-0.004)).toBe('−0.40%');
  });

  it('should show unbounded half-widths as infinity', () => {
    expect(formatHalfWidth(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatHalfWidth(0.01234)).toBe('0.012');
    expect(formatHalfWidth(1234.5)).toBe('1,235');
  });

  it('should print fixed decimals without grouping, and seconds from milliseconds', () => {
    expect(formatFixed(1234.56, 1)).toBe('1234.6');
    expect(formatFixed(0.5, 0)).toBe('1');
    expect(formatSeconds(12_345)).toBe('12.3 s');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitLabel } from '@/components/charts/BarChart';

describe('fitLabel', () => {
  it('should keep the detail when the whole line fits and drop it when it does not', () => {
    const bar = { label: 'GET /channels', detail: '40 calls · 18.4 queries each' };
    expect(fitLabel(bar, 600)).toBe('GET /channels · 40 calls · 18.4 queries each');
    expect(fitLabel(bar, 200)).toBe('GET /channels');
  });

  it('should never return more characters than fit the width', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 80 }),
        fc.integer({ min: 0, max: 1000 }),
        (label, detail, width) => {
          const text = fitLabel({ label, detail }, width);
          expect(text.length).toBeLessThanOrEqual(Math.max(4, Math.floor(width / 7)));
        },
      ),
    );
  });
});

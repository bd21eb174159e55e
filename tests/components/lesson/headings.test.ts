import { describe, expect, it } from 'vitest';
import { extractHeadings, plainHeadingText, slugify } from '@/components/lesson/headings';

describe('slugify', () => {
  it('should make lowercase dash-separated ids without punctuation', () => {
    expect(slugify('The roadmap from 1K to 10M')).toBe('the-roadmap-from-1k-to-10m');
    expect(slugify('N+1 → JOIN: 7× fewer queries')).toBe('n1-join-7-fewer-queries');
    expect(slugify('Café  déjà vu')).toBe('cafe-deja-vu');
  });
});

describe('plainHeadingText', () => {
  it('should strip inline Markdown the reader never sees', () => {
    expect(plainHeadingText('Why `JOIN` is *one* query')).toBe('Why JOIN is one query');
    expect(plainHeadingText('See [the essay](https://example.org) ##')).toBe('See the essay');
  });
});

describe('extractHeadings', () => {
  it('should list h2 and h3 headings in order and skip fenced code', () => {
    const source = [
      '# Title is not in the TOC',
      '## First section',
      'text',
      '```js',
      '## not a heading inside code',
      '```',
      '### A `detail`',
      '#### too deep',
      '## Second',
    ].join('\n');
    expect(extractHeadings(source)).toEqual([
      { depth: 2, text: 'First section', id: 'first-section' },
      { depth: 3, text: 'A detail', id: 'a-detail' },
      { depth: 2, text: 'Second', id: 'second' },
    ]);
  });
});

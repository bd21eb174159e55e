import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons, phases } from '@/content/lessons';

const dir = path.resolve(__dirname, '../../content/lessons');
const source = (file: string) => readFileSync(path.join(dir, `${file}.mdx`), 'utf8');

describe('content/lessons.ts', () => {
  it('should list every lesson file exactly once, with unique slugs', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, ''))
      .sort();
    expect([...lessons.map((l) => l.file)].sort()).toEqual(files);
    expect(new Set(lessons.map((l) => l.slug)).size).toBe(lessons.length);
    for (const l of lessons) expect(l.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('should give every lesson a known phase and keep phases in journey order', () => {
    const order = phases.map((p) => p.id);
    for (const l of lessons) expect(order).toContain(l.phase);
  });

  it('should export metadata with a title, a summary and minutes from every lesson', () => {
    for (const l of lessons) {
      const text = source(l.file);
      expect(text, l.file).toMatch(/^export const metadata = \{/m);
      expect(text, l.file).toMatch(/\btitle:\s*'/);
      expect(text, l.file).toMatch(/\bsummary:\s*(\n\s*)?'/);
      expect(text, l.file).toMatch(/\bminutes:\s*\d+/);
    }
  });

  it('should use unique challenge ids across all lessons and at least one challenge per lesson', () => {
    const ids: string[] = [];
    for (const l of lessons) {
      const text = source(l.file);
      const found = [...text.matchAll(/<Challenge\s+id="([^"]+)"/g)].map((m) => m[1]);
      // Checked challenges: a widget the page judges by running an experiment
      // (<ServersChallenge />, <ReplicaChallenge />, <QueryLab lab="challenge" … />).
      const checked = [...text.matchAll(/<[A-Z]\w*Challenge\b|lab="challenge"/g)].length;
      expect(found.length + checked, `${l.file} has no challenge`).toBeGreaterThan(0);
      ids.push(...found);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should import nothing in lessons (widgets come from the one registry)', () => {
    for (const l of lessons) expect(source(l.file), l.file).not.toMatch(/^import\s/m);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComponentType } from 'react';
import { z } from 'zod';
import { lessons, type LessonEntry } from '@/content/lessons';
import { extractHeadings, type TocHeading } from './headings';

/** What every lesson must export as `metadata`; a bad lesson fails the build with this message. */
export const lessonMetadataSchema = z.object({
  title: z.string().min(3),
  summary: z.string().min(10).max(200),
  /** Minutes a careful reader needs, experiments included. */
  minutes: z.number().int().positive().max(120),
});

export type LessonMetadata = z.infer<typeof lessonMetadataSchema>;

export interface LoadedLesson {
  entry: LessonEntry;
  metadata: LessonMetadata;
  Content: ComponentType;
  headings: TocHeading[];
}

export async function loadLessonMetadata(entry: LessonEntry): Promise<LessonMetadata> {
  const mod = await import(`@/content/lessons/${entry.file}.mdx`);
  const parsed = lessonMetadataSchema.safeParse(mod.metadata);
  if (!parsed.success) {
    throw new Error(`content/lessons/${entry.file}.mdx: invalid metadata: ${parsed.error.message}`);
  }
  return parsed.data;
}

export async function loadLesson(slug: string): Promise<LoadedLesson> {
  const entry = lessons.find((l) => l.slug === slug);
  if (!entry) throw new Error(`No lesson with slug ${slug}`);
  const mod = await import(`@/content/lessons/${entry.file}.mdx`);
  const metadata = await loadLessonMetadata(entry);
  const source = await readFile(
    path.join(process.cwd(), 'content/lessons', `${entry.file}.mdx`),
    'utf8',
  );
  return { entry, metadata, Content: mod.default, headings: extractHeadings(source) };
}

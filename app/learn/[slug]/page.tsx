import type { Metadata } from 'next';
import { lessons } from '@/content/lessons';
import { loadLesson, loadLessonMetadata } from '@/components/lesson/loadLesson';
import { LessonPage } from '@/components/lesson/LessonPage';

export const dynamicParams = false;

export function generateStaticParams() {
  return lessons.map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  const { slug } = await params;
  const entry = lessons.find((l) => l.slug === slug)!;
  const meta = await loadLessonMetadata(entry);
  return { title: meta.title, description: meta.summary };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <LessonPage lesson={await loadLesson(slug)} />;
}

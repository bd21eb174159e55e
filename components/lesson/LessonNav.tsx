import Link from 'next/link';
import { lessons, phases } from '@/content/lessons';
import { loadLessonMetadata } from './loadLesson';

/** All lessons grouped by phase, with the current one marked: the journey at a glance. */
export async function LessonNav({ current }: { current: string }) {
  const titles = new Map<string, string>();
  for (const entry of lessons) titles.set(entry.slug, (await loadLessonMetadata(entry)).title);
  return (
    <nav className="lesson-nav" aria-label="All lessons">
      <h2 className="toc-title">Lessons</h2>
      <ol>
        {phases
          .filter((p) => lessons.some((l) => l.phase === p.id))
          .map((p) => (
            <li key={p.id}>
              <span className="lesson-nav-phase">{p.label}</span>
              <ol>
                {lessons
                  .filter((l) => l.phase === p.id)
                  .map((l) => (
                    <li key={l.slug}>
                      <Link
                        href={`/learn/${l.slug}/`}
                        aria-current={l.slug === current ? 'page' : undefined}
                      >
                        {titles.get(l.slug)}
                      </Link>
                    </li>
                  ))}
              </ol>
            </li>
          ))}
      </ol>
    </nav>
  );
}

import { lessonIndex, lessons } from '@/content/lessons';
import { PresenterMode } from '@/components/workshop/PresenterMode';
import { WorkshopBannerSlot } from '@/components/workshop/WorkshopBannerSlot';
import { LessonNav } from './LessonNav';
import { loadLessonMetadata, type LoadedLesson } from './loadLesson';
import { PhaseBadge } from './PhaseBadge';
import { PrevNext, type LessonLink } from './PrevNext';
import { TableOfContents } from './TableOfContents';
import './lesson.css';

async function linkTo(index: number): Promise<LessonLink | undefined> {
  const entry = lessons[index];
  if (!entry) return undefined;
  return { slug: entry.slug, title: (await loadLessonMetadata(entry)).title };
}

export async function LessonPage({ lesson }: { lesson: LoadedLesson }) {
  const { entry, metadata, Content, headings } = lesson;
  const index = lessonIndex(entry.slug);
  const [prev, next] = await Promise.all([linkTo(index - 1), linkTo(index + 1)]);
  return (
    <div className="lesson-layout">
      <article className="lesson" data-lesson={entry.slug}>
        <WorkshopBannerSlot current={entry.slug} />
        <PresenterMode />
        <header className="lesson-header">
          <PhaseBadge phase={entry.phase} />
          <h1>{metadata.title}</h1>
          <p className="lesson-summary">{metadata.summary}</p>
          <p className="lesson-meta">
            Lesson {index + 1} of {lessons.length} · about {metadata.minutes} minutes
          </p>
        </header>
        <div className="lesson-toc-mobile">
          <details>
            <summary>On this page</summary>
            <TableOfContents headings={headings} titleId="toc-title-mobile" />
          </details>
        </div>
        <div className="lesson-body">
          <Content />
        </div>
        <PrevNext prev={prev} next={next} />
      </article>
      <aside className="lesson-aside">
        <div className="lesson-aside-inner">
          <TableOfContents headings={headings} titleId="toc-title" />
          <LessonNav current={entry.slug} />
        </div>
      </aside>
    </div>
  );
}

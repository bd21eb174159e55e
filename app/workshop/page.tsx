import type { Metadata } from 'next';
import Link from 'next/link';
import { lessons } from '@/content/lessons';
import { loadLessonMetadata } from '@/components/lesson/loadLesson';
import { WorkshopHome } from '@/components/workshop/WorkshopHome';

export const metadata: Metadata = {
  title: 'Workshop',
  description:
    'Run a room of engineers through the journey with nothing but this static site: plan, share a link, collect hand-ins.',
};

export default async function Page() {
  const choices = await Promise.all(
    lessons.map(async (l) => {
      const meta = await loadLessonMetadata(l);
      return { slug: l.slug, title: meta.title, minutes: meta.minutes };
    }),
  );
  return (
    <div className="workshop-page">
      <h1>Workshop</h1>
      <p>
        Plan a session, give the room one link, and collect what everyone measured and guessed. No
        server and no accounts: the plan travels in the link, each learner&apos;s progress stays in
        their browser until they hand it in. Read the{' '}
        <Link href="/workshop/guide/">facilitator guide</Link>; collect hand-ins on the{' '}
        <Link href="/workshop/room/">room dashboard</Link>.
      </p>
      <WorkshopHome lessons={choices} />
    </div>
  );
}

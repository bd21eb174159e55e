import type { Metadata } from 'next';
import Link from 'next/link';
import { lessons } from '@/content/lessons';
import { loadLessonMetadata } from '@/components/lesson/loadLesson';
import { RoomDashboard } from '@/components/workshop/RoomDashboard';

export const metadata: Metadata = {
  title: 'Room dashboard',
  description:
    'Collect the room’s hand-in codes: who did what, guesses against measurements, common wrong answers.',
};

export default async function Page() {
  const titles = Object.fromEntries(
    await Promise.all(lessons.map(async (l) => [l.slug, (await loadLessonMetadata(l)).title])),
  );
  return (
    <div className="workshop-page workshop-page-wide">
      <h1>Room dashboard</h1>
      <p>
        Paste the learners&apos; hand-in codes or drop their files. Everything is computed in this
        browser; nothing is uploaded. Plan a session on the{' '}
        <Link href="/workshop/">workshop page</Link>.
      </p>
      <RoomDashboard titles={titles} />
    </div>
  );
}

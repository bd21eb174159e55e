import { lessons } from '@/content/lessons';
import { loadLessonMetadata } from '@/components/lesson/loadLesson';
import { WorkshopBanner } from './WorkshopBanner';

/** Server side of the banner: lesson titles for the agenda, resolved at build time. */
export async function WorkshopBannerSlot({ current }: { current: string }) {
  const titles = Object.fromEntries(
    await Promise.all(lessons.map(async (l) => [l.slug, (await loadLessonMetadata(l)).title])),
  );
  return <WorkshopBanner current={current} titles={titles} />;
}

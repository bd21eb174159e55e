import type { Metadata } from 'next';
import { Predict } from '@/components/lesson/Predict';
import { QueryLab } from '@/components/querylab/QueryLab';
import '@/components/lesson/lesson.css';

/**
 * Hidden, unlinked harness: two <Predict> before the measure lab, as a lesson would place them, so
 * end-to-end tests exercise guess → run → result without depending on a lesson's wording.
 * Not in the sitemap; noindex.
 */
export const metadata: Metadata = {
  title: 'Predict harness',
  robots: { index: false, follow: false },
};

export default function Page() {
  return (
    <article className="lesson">
      <h1>Predict harness</h1>
      <div className="lesson-body">
        <Predict
          id="harness-bottleneck"
          measure="measure.bottleneck"
          question="Which endpoint will consume the largest share of the database's time?"
        />
        <Predict
          id="harness-bottleneck-share"
          measure="measure.bottleneck-share"
          question="What share of the database's time will that endpoint consume?"
        />
        <QueryLab lab="measure" />
      </div>
    </article>
  );
}

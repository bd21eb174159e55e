import Link from 'next/link';
import { lessons, phases } from '@/content/lessons';
import { loadLessonMetadata, type LessonMetadata } from '@/components/lesson/loadLesson';
import { PhaseBadge } from '@/components/lesson/PhaseBadge';
import { UserScale } from './UserScale';
import './home.css';

/** The home page: the essay's journey from 1K to 10M users, one card per written lesson. */
export async function Journey() {
  const metadata = new Map<string, LessonMetadata>();
  for (const entry of lessons) metadata.set(entry.slug, await loadLessonMetadata(entry));

  return (
    <div className="home">
      <section className="home-hero" aria-labelledby="home-title">
        <p className="home-eyebrow">A real-time messaging system, from 1,000 to 10,000,000 users</p>
        <h1 id="home-title">Scale by measuring, not by guessing.</h1>
        <p className="home-lede">
          Each lesson runs the experiment behind its claim in your browser: a real Postgres (PGlite,
          compiled to WebAssembly) counts the queries an N+1 loop issues, and a validated
          discrete-event simulator shows how latency climbs as a server fills up. Predict the
          number, run it, then read why it came out that way.
        </p>
        {lessons[0] && (
          <Link className="button" href={`/learn/${lessons[0].slug}/`}>
            Start the journey →
          </Link>
        )}
        <UserScale />
      </section>

      <ol className="journey" aria-label="The journey">
        {phases.map((phase) => {
          const phaseLessons = lessons.filter((l) => l.phase === phase.id);
          return (
            <li key={phase.id} className="journey-stage" id={phase.id}>
              <div className="journey-stage-head">
                <h2>{phase.label}</h2>
                <p className="journey-users">{phase.users}</p>
              </div>
              <p className="journey-blurb">{phase.blurb}</p>
              {phaseLessons.length === 0 && (
                <p className="journey-none" data-testid="journey-no-lesson">
                  No lesson for this stage yet: this is the outline it will follow.
                </p>
              )}
              {phaseLessons.length > 0 && (
                <ul className="lesson-cards">
                  {phaseLessons.map((entry) => {
                    const meta = metadata.get(entry.slug)!;
                    return (
                      <li key={entry.slug} className="lesson-card" data-testid="lesson-card">
                        <PhaseBadge phase={entry.phase} />
                        <h3>
                          <Link href={`/learn/${entry.slug}/`} className="lesson-card-link">
                            {meta.title}
                          </Link>
                        </h3>
                        <p>{meta.summary}</p>
                        <p className="lesson-card-minutes">{meta.minutes} min</p>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

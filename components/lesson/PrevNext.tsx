import Link from 'next/link';

export interface LessonLink {
  slug: string;
  title: string;
}

export function PrevNext({ prev, next }: { prev?: LessonLink; next?: LessonLink }) {
  return (
    <nav className="prev-next" aria-label="Lessons">
      {prev ? (
        <Link
          href={`/learn/${prev.slug}/`}
          rel="prev"
          className="prev-next-link"
          data-testid="prev-lesson"
        >
          <span className="prev-next-dir">← Previous</span>
          <span>{prev.title}</span>
        </Link>
      ) : (
        <Link href="/" className="prev-next-link" data-testid="prev-lesson">
          <span className="prev-next-dir">← Back to</span>
          <span>The journey</span>
        </Link>
      )}
      {next ? (
        <Link
          href={`/learn/${next.slug}/`}
          rel="next"
          className="prev-next-link prev-next-next"
          data-testid="next-lesson"
        >
          <span className="prev-next-dir">Next →</span>
          <span>{next.title}</span>
        </Link>
      ) : (
        <Link href="/" className="prev-next-link prev-next-next" data-testid="next-lesson">
          <span className="prev-next-dir">You reached the end →</span>
          <span>The journey</span>
        </Link>
      )}
    </nav>
  );
}

import type { TocHeading } from './headings';

export function TableOfContents({
  headings,
  titleId,
}: {
  headings: TocHeading[];
  titleId: string;
}) {
  if (headings.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby={titleId}>
      <h2 id={titleId} className="toc-title">
        On this page
      </h2>
      <ol>
        {headings.map((h) => (
          <li key={h.id} className={h.depth === 3 ? 'toc-sub' : undefined}>
            <a href={`#${h.id}`}>{h.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

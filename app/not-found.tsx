export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="not-found">
      <p className="not-found-code">404</p>
      <h1>This page is not on the journey.</h1>
      <p>
        The address may be mistyped, or the lesson may have moved. Every lesson is listed on the
        journey page.
      </p>
      <p>
        <a
          className="button"
          href={`${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/`}
          data-testid="not-found-home"
        >
          Back to the journey
        </a>
      </p>
    </div>
  );
}

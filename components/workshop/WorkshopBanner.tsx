'use client';

import Link from 'next/link';
import { useEffect, useSyncExternalStore } from 'react';
import { clock, timeAgenda } from './agenda';
import { addLessonSeconds, leaveWorkshop, readJoined, subscribeWorkshop } from './workshopStore';
import './workshop.css';

/** Time on a page is saved at this interval too, so a closed laptop loses at most this much. */
const SAVE_EVERY_MS = 15_000;

/** Counts the seconds this lesson is visible while the browser is in a workshop. */
function useLessonClock(code: string | undefined, slug: string) {
  useEffect(() => {
    if (!code) return;
    let since = document.visibilityState === 'visible' ? performance.now() : null;
    const flush = () => {
      if (since === null) return;
      const now = performance.now();
      addLessonSeconds(code, slug, (now - since) / 1000);
      since = document.visibilityState === 'visible' ? now : null;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') since ??= performance.now();
      else flush();
    };
    const timer = window.setInterval(flush, SAVE_EVERY_MS);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [code, slug]);
}

/**
 * A slim bar on lesson pages while this browser is in a workshop: the room, where this lesson sits
 * on the agenda, what comes next, the way to hand in, and the way out.
 */
export function WorkshopBanner({
  current,
  titles,
}: {
  current: string;
  titles: Record<string, string>;
}) {
  const joined = useSyncExternalStore(subscribeWorkshop, readJoined, () => null);
  useLessonClock(joined?.code, current);
  if (!joined) return null;

  const items = timeAgenda(joined.plan.agenda, titles);
  const here = items.findIndex((i) => i.slug === current);
  const lessons = items.filter((i) => !i.isBreak);
  const position = lessons.findIndex((i) => i.slug === current);
  const next = items.slice(here + 1).find((i) => i.known) ?? null;

  return (
    <aside className="workshop-banner" aria-label="Workshop" data-testid="workshop-banner">
      <div className="workshop-banner-main">
        <span className="workshop-banner-room">
          <span className="visually-hidden">Workshop room: </span>
          {joined.plan.room}
        </span>
        <span data-testid="workshop-banner-where">
          {here >= 0
            ? `${position + 1} of ${lessons.length} on the agenda · ${clock(items[here].startMin)}–${clock(items[here].startMin + items[here].minutes)}`
            : 'Not on today’s agenda'}
        </span>
        <span data-testid="workshop-banner-next">
          {here < 0 ? null : next ? (
            next.isBreak ? (
              <>Next: break ({next.minutes} min)</>
            ) : (
              <>
                Next: <Link href={`/learn/${next.slug}/`}>{next.title}</Link>
              </>
            )
          ) : (
            'Last on the agenda'
          )}
        </span>
      </div>
      <div className="workshop-banner-actions">
        <details className="workshop-banner-agenda">
          <summary>Agenda</summary>
          <ol>
            {items.map((i, n) => (
              <li key={`${i.slug}-${n}`} aria-current={n === here ? 'step' : undefined}>
                <span className="workshop-time">{clock(i.startMin)}</span>{' '}
                {i.isBreak || !i.known ? (
                  i.title
                ) : (
                  <Link href={`/learn/${i.slug}/`}>{i.title}</Link>
                )}{' '}
                <span className="workshop-muted">({i.minutes} min)</span>
              </li>
            ))}
          </ol>
        </details>
        <Link href="/workshop/#hand-in" data-testid="workshop-banner-hand-in">
          Hand in
        </Link>
        <button
          type="button"
          className="workshop-link-button"
          onClick={leaveWorkshop}
          data-testid="workshop-leave"
        >
          Leave workshop
        </button>
      </div>
    </aside>
  );
}

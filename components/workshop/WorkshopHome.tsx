'use client';

import Link from 'next/link';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { decodePlan, type WorkshopPlan } from '@/lib/workshop/planCodec';
import { clock, timeAgenda, totalMinutes } from './agenda';
import { HandIn } from './HandIn';
import { Planner, workshopUrl, type LessonChoice } from './Planner';
import { QrCode } from './QrCode';
import { joinWorkshop, leaveWorkshop, readJoined, subscribeWorkshop } from './workshopStore';
import './workshop.css';

function Agenda({ plan, titles }: { plan: WorkshopPlan; titles: Record<string, string> }) {
  const items = timeAgenda(plan.agenda, titles);
  return (
    <div className="workshop-table-scroll">
      <table className="workshop-table" data-testid="workshop-agenda">
        <caption className="visually-hidden">Agenda</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Minutes
            </th>
            <th scope="col">Projector</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i, n) => (
            <tr key={`${i.slug}-${n}`}>
              <td className="workshop-time">
                {clock(i.startMin)}–{clock(i.startMin + i.minutes)}
              </td>
              <td>
                {i.isBreak ? (
                  'Break'
                ) : i.known ? (
                  <Link href={`/learn/${i.slug}/`}>{i.title}</Link>
                ) : (
                  `${i.slug} (not on this version of the site)`
                )}
              </td>
              <td className="num">{i.minutes}</td>
              <td>
                {!i.isBreak && i.known && (
                  <Link href={`/learn/${i.slug}/?present`}>
                    Presenter view<span className="visually-hidden"> of {i.title}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkshopCard({
  code,
  plan,
  titles,
  joinedHere,
}: {
  code: string;
  plan: WorkshopPlan;
  titles: Record<string, string>;
  joinedHere: boolean;
}) {
  const first = plan.agenda.find((i) => i.slug in titles);
  return (
    <section className="workshop-card" aria-labelledby="workshop-room" data-testid="workshop-card">
      <h2 id="workshop-room">Workshop: {plan.room}</h2>
      <p>
        {plan.agenda.length} items, {totalMinutes(plan.agenda)} minutes · room seed{' '}
        <code>{plan.seed}</code>
      </p>
      <Agenda plan={plan} titles={titles} />
      <div className="workshop-actions">
        {joinedHere ? (
          <>
            <span data-testid="workshop-joined">✓ You are in this workshop.</span>
            {first && (
              <Link className="button" href={`/learn/${first.slug}/`} data-testid="workshop-start">
                Start with {titles[first.slug]}
              </Link>
            )}
          </>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => joinWorkshop(code)}
            data-testid="workshop-join"
          >
            Join this workshop
          </button>
        )}
      </div>
      <details>
        <summary>For the facilitator: the QR code to project</summary>
        <QrCode text={workshopUrl(code)} label={`QR code of the link to ${plan.room}`} />
      </details>
    </section>
  );
}

/**
 * /workshop/: opened with ?w=<code>, the workshop of that link (join it, or see why the link does
 * not work); once joined, the hand-in; always, the planner.
 */
export function WorkshopHome({ lessons }: { lessons: readonly LessonChoice[] }) {
  const [param, setParam] = useState<string | null | undefined>(undefined);
  const joined = useSyncExternalStore(subscribeWorkshop, readJoined, () => null);
  // The query string is only known in the browser (the page is static).
  useEffect(() => setParam(new URLSearchParams(window.location.search).get('w')), []);
  const titles = Object.fromEntries(lessons.map((l) => [l.slug, l.title]));
  const decoded = param ? decodePlan(param) : null;

  return (
    <>
      {decoded && !decoded.ok && (
        <div role="alert" className="workshop-alert" data-testid="workshop-link-error">
          <p>
            <strong>This workshop link does not work.</strong> {decoded.error.message}
          </p>
          <p>
            Ask the facilitator for the link again. Everything else on the site works as usual, and
            you can plan your own workshop below.
          </p>
        </div>
      )}
      {decoded?.ok && param && (
        <WorkshopCard
          code={param}
          plan={decoded.value}
          titles={titles}
          joinedHere={joined?.code === param}
        />
      )}
      {joined && !(decoded?.ok && joined.code === param) && (
        <section className="workshop-card" aria-labelledby="workshop-current">
          <h2 id="workshop-current">Your workshop: {joined.plan.room}</h2>
          <Agenda plan={joined.plan} titles={titles} />
        </section>
      )}
      {joined && (
        <>
          <HandIn joined={joined} key={joined.code} />
          <p>
            <button
              type="button"
              className="workshop-link-button"
              onClick={leaveWorkshop}
              data-testid="workshop-leave-page"
            >
              Leave the workshop
            </button>{' '}
            (your progress stays in this browser).
          </p>
        </>
      )}
      <Planner lessons={lessons} />
    </>
  );
}

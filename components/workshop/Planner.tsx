'use client';

import { useId, useState, type FormEvent } from 'react';
import { basePath } from '@/lib/site';
import { checkPlan, encodePlan, type AgendaItem } from '@/lib/workshop/planCodec';
import { BREAK_SLUG, clock, totalMinutes } from './agenda';
import { CopyButton } from './CopyButton';
import { QrCode } from './QrCode';

export interface LessonChoice {
  slug: string;
  title: string;
  /** The lesson's own estimate (its metadata), the default time box. */
  minutes: number;
}

interface Row {
  include: boolean;
  minutes: number;
  breakAfter: number;
}

/** The default room seed: any fixed number works; what matters is that the room shares it. */
const DEFAULT_SEED = 1;

export function workshopUrl(code: string): string {
  return `${window.location.origin}${basePath}/workshop/?w=${code}`;
}

/** Plan a workshop: lessons with time boxes and breaks, a room name and seed → link and QR code. */
export function Planner({ lessons }: { lessons: readonly LessonChoice[] }) {
  const uid = useId();
  const [room, setRoom] = useState('');
  const [seed, setSeed] = useState(String(DEFAULT_SEED));
  const [rows, setRows] = useState<Row[]>(() =>
    lessons.map((l) => ({ include: true, minutes: l.minutes, breakAfter: 0 })),
  );
  const [result, setResult] = useState<{ url: string; agenda: AgendaItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const update = (i: number, patch: Partial<Row>) =>
    setRows((prev) => prev.map((r, n) => (n === i ? { ...r, ...patch } : r)));

  const agenda: AgendaItem[] = lessons.flatMap((l, i) => {
    const r = rows[i];
    if (!r.include) return [];
    const items: AgendaItem[] = [{ slug: l.slug, minutes: r.minutes }];
    if (r.breakAfter > 0) items.push({ slug: BREAK_SLUG, minutes: r.breakAfter });
    return items;
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const seedNumber = /^\d{1,10}$/.test(seed.trim()) ? Number(seed.trim()) : Number.NaN;
    const problems: string[] = [];
    if (!room.trim()) problems.push('Give the room a name (it shows in every learner’s banner).');
    if (!Number.isInteger(seedNumber) || seedNumber > 0xffffffff) {
      problems.push('The room seed is a whole number from 0 to 4,294,967,295.');
    }
    if (agenda.length === 0) problems.push('Choose at least one lesson.');
    if (rows.some((r) => r.include && !(r.minutes >= 1 && r.minutes <= 240))) {
      problems.push('Each time box is 1 to 240 minutes.');
    }
    if (problems.length > 0) return setError(problems.join(' '));
    const plan = { room: room.trim(), seed: seedNumber, agenda };
    const checked = checkPlan(plan);
    if (!checked.ok) return setError(`The plan is not valid: ${checked.error.message}`);
    setError(null);
    setResult({ url: workshopUrl(encodePlan(checked.value)), agenda });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-h`} data-testid="planner">
      <h2 id={`${uid}-h`}>Plan a workshop</h2>
      <div className="workshop-field">
        <label htmlFor={`${uid}-room`}>Room name</label>
        <input
          id={`${uid}-room`}
          value={room}
          maxLength={60}
          placeholder="e.g. Platform guild, Berlin"
          onChange={(e) => setRoom(e.target.value)}
          data-testid="planner-room"
        />
      </div>
      <div className="workshop-field">
        <label htmlFor={`${uid}-seed`}>Room seed</label>
        <input
          id={`${uid}-seed`}
          inputMode="numeric"
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          aria-describedby={`${uid}-seed-hint`}
          data-testid="planner-seed"
        />
        <span id={`${uid}-seed-hint`} className="workshop-muted">
          Seeded experiments in the room start from this number, so every laptop shows the same
          results.
        </span>
      </div>
      <fieldset className="workshop-card">
        <legend>Agenda</legend>
        <div className="workshop-table-scroll">
          <table className="workshop-table workshop-agenda-table">
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Minutes</th>
                <th scope="col">Break after</th>
              </tr>
            </thead>
            <tbody>
              {lessons.map((l, i) => (
                <tr key={l.slug}>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={rows[i].include}
                        onChange={(e) => update(i, { include: e.target.checked })}
                        data-testid={`planner-include-${l.slug}`}
                      />{' '}
                      {l.title}
                    </label>
                  </td>
                  <td>
                    <input
                      type="number"
                      min={1}
                      max={240}
                      value={rows[i].minutes}
                      aria-label={`Minutes for ${l.title}`}
                      disabled={!rows[i].include}
                      onChange={(e) => update(i, { minutes: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <select
                      value={rows[i].breakAfter}
                      aria-label={`Break after ${l.title}`}
                      disabled={!rows[i].include}
                      onChange={(e) => update(i, { breakAfter: Number(e.target.value) })}
                    >
                      <option value={0}>none</option>
                      <option value={10}>10 min</option>
                      <option value={15}>15 min</option>
                      <option value={30}>30 min</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p data-testid="planner-total">
          Total: {clock(totalMinutes(agenda))} ({totalMinutes(agenda)} minutes)
        </p>
      </fieldset>
      <div className="workshop-actions">
        <button type="submit" className="button" data-testid="planner-make">
          Make the workshop link
        </button>
      </div>
      {error && (
        <p role="alert" className="workshop-alert" data-testid="planner-error">
          {error}
        </p>
      )}
      {result && (
        <div className="workshop-card" data-testid="planner-result">
          <p>
            <strong>Workshop link</strong> (share it, or project the QR code):
          </p>
          <p className="workshop-code">
            <a href={result.url} data-testid="planner-link">
              {result.url}
            </a>
          </p>
          <div className="workshop-actions">
            <CopyButton text={result.url} label="Copy the link" />
          </div>
          <QrCode text={result.url} label="QR code of the workshop link" testId="planner-qr" />
        </div>
      )}
    </form>
  );
}

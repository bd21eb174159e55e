'use client';

import { useEffect, useId, useState, type DragEvent } from 'react';
import { formatValue } from '@/components/lesson/predictSpec';
import { decodeHandIn, readHandInFile } from '@/lib/workshop/handInCodec';
import { GuessChart } from './GuessChart';
import {
  addToRoom,
  predictionStats,
  roomCsv,
  totalMinutesOf,
  wrongAnswers,
  type Input,
  type Learner,
  type LineReport,
} from './roomStats';
import './workshop.css';

/** Hand-in files are ~1 KB; anything far larger is not one (and is not read into memory). */
const MAX_FILE_BYTES = 256 * 1024;

async function readFiles(files: readonly File[]): Promise<Input[]> {
  return Promise.all(
    files.map(async (file): Promise<Input> => {
      const source = file.name || 'a dropped file';
      if (file.size > MAX_FILE_BYTES) {
        return {
          source,
          decoded: {
            ok: false,
            error: { kind: 'format', message: 'too large for a hand-in file' },
          },
        };
      }
      try {
        return { source, decoded: readHandInFile(await file.text()) };
      } catch {
        return {
          source,
          decoded: { ok: false, error: { kind: 'format', message: 'could not be read' } },
        };
      }
    }),
  );
}

function CsvLink({ room }: { room: readonly Learner[] }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([roomCsv(room)], { type: 'text/csv' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [room]);
  if (!url) return null;
  return (
    <a
      className="button button-secondary"
      href={url}
      download="workshop-room.csv"
      data-testid="room-csv"
    >
      Export the table as CSV
    </a>
  );
}

/**
 * /workshop/room/: the facilitator pastes hand-in codes or drops hand-in files. Every line and file
 * gets a verdict; nothing bad stops the rest. Everything is computed in this browser.
 */
export function RoomDashboard({ titles }: { titles: Record<string, string> }) {
  const uid = useId();
  const [text, setText] = useState('');
  const [room, setRoom] = useState<Learner[]>([]);
  const [reports, setReports] = useState<LineReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const add = async (inputs: Promise<Input[]>) => {
    setBusy(true);
    try {
      const decoded = await inputs;
      const next = addToRoom(room, decoded);
      setRoom(next.room);
      setReports(next.reports);
    } finally {
      setBusy(false);
    }
  };

  const addCodes = () => {
    const lines = text.split(/\r?\n/).map((l, i) => ({ line: l.trim(), n: i + 1 }));
    const codes = lines.filter((l) => l.line !== '');
    void add(
      Promise.all(
        codes.map(async (l) => ({ source: `line ${l.n}`, decoded: await decodeHandIn(l.line) })),
      ),
    );
    setText('');
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void add(readFiles([...event.dataTransfer.files]));
  };

  const stats = predictionStats(room);
  const wrong = wrongAnswers(room);
  const lessonSlugs = [...new Set(room.flatMap((l) => Object.keys(l.handIn.seconds)))].sort();

  return (
    <>
      <section className="workshop-card" aria-labelledby={`${uid}-add`}>
        <h2 id={`${uid}-add`}>Add hand-ins</h2>
        <div className="workshop-field">
          <label htmlFor={`${uid}-codes`}>Hand-in codes, one per line</label>
          <textarea
            id={`${uid}-codes`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="room-codes"
            spellCheck={false}
          />
        </div>
        <div className="workshop-actions">
          <button
            type="button"
            className="button"
            onClick={addCodes}
            disabled={busy}
            data-testid="room-add"
          >
            Add the codes
          </button>
        </div>
        <div
          className="workshop-drop"
          data-over={over}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${uid}-files`}>
            Or choose hand-in files (.json), or drop them here:{' '}
          </label>
          <input
            id={`${uid}-files`}
            type="file"
            accept=".json,application/json"
            multiple
            data-testid="room-files"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void add(readFiles(files));
            }}
          />
        </div>
        <div role="status" aria-live="polite">
          {reports.length > 0 && (
            <ul className="workshop-report" data-testid="room-report">
              {reports.map((r, i) => (
                <li key={i} data-ok={r.ok}>
                  {r.source}: {r.ok ? r.message : `not added: ${r.message}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      {room.length > 0 && (
        <>
          <section aria-labelledby={`${uid}-who`}>
            <h2 id={`${uid}-who`}>Who did what ({room.length})</h2>
            <div
              className="workshop-table-scroll"
              role="region"
              tabIndex={0}
              aria-label="Learners table"
            >
              <table className="workshop-table" data-testid="room-table">
                <thead>
                  <tr>
                    <th scope="col">Learner</th>
                    <th scope="col" className="num">
                      Solved
                    </th>
                    <th scope="col" className="num">
                      Revealed
                    </th>
                    <th scope="col" className="num">
                      Predictions
                    </th>
                    <th scope="col" className="num">
                      Minutes
                    </th>
                    {lessonSlugs.map((s) => (
                      <th scope="col" className="num" key={s}>
                        {titles[s] ?? s} (min)
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {room.map((l) => {
                    const c = Object.values(l.handIn.challenges);
                    return (
                      <tr key={l.key}>
                        <th scope="row">{l.label}</th>
                        <td className="num">{c.filter((x) => x.status === 'solved').length}</td>
                        <td className="num">{c.filter((x) => x.status === 'revealed').length}</td>
                        <td className="num">{Object.keys(l.handIn.predictions).length}</td>
                        <td className="num">{totalMinutesOf(l.handIn)}</td>
                        {lessonSlugs.map((s) => (
                          <td className="num" key={s}>
                            {l.handIn.seconds[s] === undefined
                              ? '–'
                              : Math.round(l.handIn.seconds[s] / 60)}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="workshop-actions">
              <CsvLink room={room} />
            </div>
          </section>

          <section aria-labelledby={`${uid}-pred`}>
            <h2 id={`${uid}-pred`}>Predictions: the room against the measurement</h2>
            {stats.length === 0 && <p>No predictions in these hand-ins yet.</p>}
            {stats.map((s) => (
              <article
                className="workshop-card"
                key={s.id}
                data-testid="room-prediction"
                data-predict-id={s.id}
              >
                <h3>
                  {s.label.charAt(0).toUpperCase() + s.label.slice(1)}{' '}
                  <span className="workshop-muted">({s.id})</span>
                </h3>
                <p data-testid="room-prediction-sentence">
                  <strong>{s.sentence}</strong>
                  {s.measuredSpread &&
                    ` Results differ between laptops: ${formatValue(s.measuredSpread.min, s.unit)} to ${formatValue(s.measuredSpread.max, s.unit)}.`}
                  {s.late > 0 && ` ${s.late} guess(es) made after the experiment ran are left out.`}
                </p>
                <GuessChart stats={s} />
                <details>
                  <summary>The guesses as a table</summary>
                  <table className="workshop-table">
                    <thead>
                      <tr>
                        <th scope="col">Learner</th>
                        <th scope="col">Guess</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.guesses.map((g) => (
                        <tr key={g.learner}>
                          <th scope="row">{g.learner}</th>
                          <td>{formatValue(g.value, s.unit)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </article>
            ))}
          </section>

          <section aria-labelledby={`${uid}-wrong`}>
            <h2 id={`${uid}-wrong`}>Challenges: the most common wrong answers</h2>
            <p>Discussion prompts: ask someone who gave a common wrong answer how they reasoned.</p>
            <div
              className="workshop-table-scroll"
              role="region"
              tabIndex={0}
              aria-label="Wrong answers table"
            >
              <table className="workshop-table" data-testid="room-wrong">
                <thead>
                  <tr>
                    <th scope="col">Challenge</th>
                    <th scope="col" className="num">
                      Solved
                    </th>
                    <th scope="col" className="num">
                      Revealed
                    </th>
                    <th scope="col">Most common wrong answers</th>
                  </tr>
                </thead>
                <tbody>
                  {wrong.map((w) => (
                    <tr key={w.id}>
                      <th scope="row">{w.id}</th>
                      <td className="num">{w.solved}</td>
                      <td className="num">{w.revealed}</td>
                      <td>
                        {w.top.length === 0
                          ? '–'
                          : w.top.map((t) => `${t.answer} (${t.count})`).join('; ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}

/**
 * Live simulation sessions: a topology run (scenario/run.ts) kept open between calls, advanced in
 * chunks of simulated time, patched and given failures while it runs. One SessionStore lives in
 * each worker (or in-process for the CLI and tests); the contract's session methods are its
 * handlers (api.ts). Pure: the worker entry injects `yieldToHost` so a long advance lets the
 * worker read cancel messages between chunks.
 */
import type { SeriesRow } from './model/recorder';
import { BUILTIN_SCENARIOS, SCENARIO_NAMES, type ScenarioName } from './scenario/builtin';
import {
  createTopologyRun,
  type TopologyPatch,
  type TopologyRun,
  type TopologySummary,
} from './scenario/run';
import { FailureSchema, formatPath, parseScenario } from './scenario/schema';

export interface SessionStoreOptions {
  /** Open sessions per store (per worker); each holds a run's pools and up to a day of rows. */
  maxSessions?: number;
  /** Simulated seconds per chunk of an advance: one series row, so progress follows each second. */
  chunkS?: number;
  /** Rows per progress message, so no message grows with the length of the advance. */
  maxRowsPerMessage?: number;
  /** Resolves after the host could deliver other messages (a macrotask in a worker). */
  yieldToHost?: () => Promise<void>;
}

/**
 * 8 sessions: a page shows at most a few side-by-side runs; each session's run holds up to
 * 86,400 rows (the recorder's window), about 10 MB, so 8 stay well under a tab's memory.
 */
export const DEFAULT_MAX_SESSIONS = 8;
/** One advance spans at most the recorder's row window, so no row is dropped before it is sent. */
export const MAX_ADVANCE_S = 86_400;

export interface SessionProgress {
  sessionId: string;
  /** Absolute index of rows[0] in the session's series (row i ends at t = i + 1 s). */
  from: number;
  rows: SeriesRow[];
  /** Simulated time reached (s). */
  now: number;
}

export interface SessionInfo {
  sessionId: string;
  scenario: string;
  now: number;
  /** Sampling divisor of the run (1 = every request simulated). */
  divisor: number;
  /** Rows sent so far: the next advance's first row index. */
  sent: number;
}

interface Session {
  id: string;
  run: TopologyRun;
  sent: number;
  busy: boolean;
}

/** A session error the caller caused (bad id, bad time, bad patch); state is left unchanged. */
export class SessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionError';
  }
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private nextId = 1;
  private readonly maxSessions: number;
  private readonly chunkS: number;
  private readonly maxRowsPerMessage: number;
  private readonly yieldToHost: () => Promise<void>;

  constructor(options: SessionStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    this.chunkS = options.chunkS ?? 1;
    this.maxRowsPerMessage = options.maxRowsPerMessage ?? 60;
    this.yieldToHost = options.yieldToHost ?? (() => Promise.resolve());
  }

  get size(): number {
    return this.sessions.size;
  }

  open(scenario: unknown, options: { seed?: number; users?: number } = {}): SessionInfo {
    if (this.sessions.size >= this.maxSessions)
      throw new SessionError(
        `open: ${this.maxSessions} sessions are open (the limit); close one first`,
      );
    let parsed;
    if (typeof scenario === 'string') {
      if (!(SCENARIO_NAMES as readonly string[]).includes(scenario))
        throw new SessionError(
          `open: unknown scenario "${scenario}" (known: ${SCENARIO_NAMES.join(', ')})`,
        );
      parsed = parseScenario(BUILTIN_SCENARIOS[scenario as ScenarioName]);
    } else {
      try {
        parsed = parseScenario(scenario);
      } catch (error) {
        throw new SessionError(`open: scenario.${(error as Error).message}`);
      }
    }
    let run: TopologyRun;
    try {
      run = createTopologyRun(parsed, options);
    } catch (error) {
      throw new SessionError(`open: ${(error as Error).message}`);
    }
    const id = `s${this.nextId++}`;
    const session: Session = { id, run, sent: 0, busy: false };
    this.sessions.set(id, session);
    return this.info(session);
  }

  /**
   * Runs the session up to `untilS`, one chunk at a time; after each chunk the new rows go to
   * `progress` in slices of at most maxRowsPerMessage. An abort stops between chunks (the session
   * stays usable at the time reached) and rejects with an AbortError. `fromRow` re-sends rows from
   * that index first: after an abort over a worker, progress already posted may have been dropped
   * by the page, which then asks for its rows again (identical: rows are never rewritten).
   */
  async advance(
    id: string,
    untilS: number,
    options: {
      progress?: (p: SessionProgress) => void;
      signal?: AbortSignal;
      fromRow?: number;
    } = {},
  ): Promise<SessionInfo> {
    const session = this.get(id, 'advance');
    const { run } = session;
    if (!Number.isFinite(untilS))
      throw new SessionError(`advance: untilS must be a finite number (got ${untilS})`);
    if (untilS < run.now)
      throw new SessionError(`advance: untilS ${untilS} is before the session's time ${run.now}`);
    if (untilS - run.now > MAX_ADVANCE_S)
      throw new SessionError(
        `advance: at most ${MAX_ADVANCE_S} simulated seconds per call (asked ${untilS - run.now})`,
      );
    const { fromRow } = options;
    if (
      fromRow !== undefined &&
      !(Number.isInteger(fromRow) && fromRow >= 0 && fromRow <= session.sent)
    )
      throw new SessionError(
        `advance: fromRow must be an integer from 0 to ${session.sent} (got ${fromRow})`,
      );
    if (session.busy) throw new SessionError(`advance: session ${id} is already advancing`);
    session.busy = true;
    try {
      if (fromRow !== undefined) {
        session.sent = fromRow;
        this.flush(session, options.progress);
      }
      while (run.now < untilS) {
        if (options.signal?.aborted) throw abortError(id, run.now);
        run.advanceTo(Math.min(untilS, run.now + this.chunkS));
        this.flush(session, options.progress);
        await this.yieldToHost();
      }
      if (options.signal?.aborted) throw abortError(id, run.now);
      return this.info(session);
    } finally {
      session.busy = false;
    }
  }

  /** Live change of users, workers per tier or replica lag; all fields checked before any applies. */
  patch(id: string, patch: TopologyPatch): SessionInfo {
    const session = this.get(id, 'patch');
    const tiers = new Set(session.run.scenario.tiers.map((t) => t.id));
    for (const field of ['workers', 'lagS'] as const) {
      for (const tier of Object.keys(patch[field] ?? {})) {
        if (!tiers.has(tier))
          throw new SessionError(
            `patch: ${field}.${tier}: no such tier (tiers: ${[...tiers].join(', ')})`,
          );
      }
    }
    try {
      session.run.patch(patch);
    } catch (error) {
      throw new SessionError(`patch: ${(error as Error).message}`);
    }
    return this.info(session);
  }

  /** Schedules a failure (FailureSpec, validated); one whose start is past starts now. */
  inject(id: string, failure: unknown): SessionInfo {
    const session = this.get(id, 'inject');
    const parsed = FailureSchema.safeParse(failure);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SessionError(`inject: failure.${formatPath(issue.path)}: ${issue.message}`);
    }
    const tiers = session.run.scenario.tiers.map((t) => t.id);
    for (const tier of [parsed.data.target, parsed.data.peer]) {
      if (tier !== undefined && !tiers.includes(tier))
        throw new SessionError(`inject: no such tier "${tier}" (tiers: ${tiers.join(', ')})`);
    }
    session.run.inject(parsed.data);
    return this.info(session);
  }

  summary(id: string): TopologySummary {
    return this.get(id, 'summary').run.summary();
  }

  /** Frees the session; its id is never reused. */
  close(id: string): boolean {
    this.get(id, 'close');
    return this.sessions.delete(id);
  }

  private get(id: string, method: string): Session {
    const session = this.sessions.get(id);
    if (!session) throw new SessionError(`${method}: no open session "${id}"`);
    return session;
  }

  private info(s: Session): SessionInfo {
    return {
      sessionId: s.id,
      scenario: s.run.scenario.name,
      now: s.run.now,
      divisor: s.run.sizing.divisor,
      sent: s.sent,
    };
  }

  /** Sends the rows recorded since the last message, each row exactly once. */
  private flush(s: Session, progress?: (p: SessionProgress) => void): void {
    const { from, rows } = s.run.rowsSince(s.sent);
    for (let i = 0; i < rows.length; i += this.maxRowsPerMessage) {
      const slice = rows.slice(i, i + this.maxRowsPerMessage);
      progress?.({ sessionId: s.id, from: from + i, rows: slice, now: s.run.now });
    }
    s.sent = from + rows.length;
  }
}

function abortError(id: string, now: number): Error {
  const error = new Error(`advance of session ${id} was aborted at t = ${now} s`);
  error.name = 'AbortError';
  return error;
}

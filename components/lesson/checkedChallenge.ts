/**
 * The pure half of <CheckedChallenge>: what a check function returns and how a run of it becomes a
 * verdict. Kept free of React so lessons' check functions and this wrapper are unit-tested in Node.
 */

/** What a challenge's check function reports: pass or fail, and one sentence with the measured numbers. */
export interface CheckResult {
  pass: boolean;
  /** e.g. "With 3 servers p99 was 41 ms at 250 requests/s: under the 50 ms target." */
  message: string;
}

export type CheckVerdict =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'pass'; message: string }
  | { kind: 'fail'; message: string }
  /** The check itself could not run (worker crashed, bad input): not a verdict on the answer. */
  | { kind: 'error'; message: string };

/**
 * Runs a check and turns every outcome into a verdict: it never throws, so a broken experiment
 * shows a message instead of breaking the page.
 */
export async function runCheck(check: () => Promise<CheckResult>): Promise<CheckVerdict> {
  try {
    const result = await check();
    if (typeof result?.pass !== 'boolean' || typeof result.message !== 'string') {
      return { kind: 'error', message: 'The check returned no verdict.' };
    }
    return { kind: result.pass ? 'pass' : 'fail', message: result.message };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'error', message: `The check could not run: ${reason}` };
  }
}

import { Simulation } from '@/simulations/engine/simulation';
import { XStateClock } from '@/simulations/engine/xstateClock';

/** A fresh engine and its XState clock: machines under test run on simulated time only. */
export function simulatedClock() {
  const sim = new Simulation();
  return { sim, clock: new XStateClock(sim) };
}

import { readJoined } from './workshopStore';

/**
 * The room seed of the workshop this browser has joined, or undefined outside a workshop.
 *
 * Any seeded experiment that lets the reader pick a seed should start from it, so that the whole
 * room sees the same numbers and can discuss them:
 *
 *   const seed = roomSeed() ?? scenario.seed;   // call in the browser (an effect or a handler)
 *
 * The query labs do not take it today: their workloads are already fixed-seeded (the measure lab
 * and the caching lab use seed 1), so every laptop in a room sees the same query counts and hit
 * ratios, and the lesson prose quotes those numbers.
 */
export function roomSeed(): number | undefined {
  return readJoined()?.plan.seed;
}

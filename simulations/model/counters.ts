/** Cumulative counts of one run (simulated units: multiply by the sampling divisor for totals). */
export class Counters {
  /** Client requests that arrived. */
  arrivals = 0;
  /** Client requests answered successfully before their timeout. */
  completed = 0;
  /** Client requests that finally failed (after any retries). */
  failed = 0;
  /** Attempts sent (first tries + retries). */
  attempts = 0;
  retries = 0;
  /** Attempt responses the entry tier produced, success or error, including late ones. */
  responses = 0;
  /** Attempts the client abandoned at its timeout. */
  clientTimeouts = 0;
  /** Attempts refused by the client's own circuit breaker. */
  breakerRejected = 0;
  /** Rejections at nodes: queue full, queue timeout, crashed, shed. */
  queueFull = 0;
  queueTimeouts = 0;
  crashRejects = 0;
  shed = 0;
  /** HTTP 429 from a token bucket. */
  rateLimited = 0;
  partitioned = 0;
  edgeTimeouts = 0;
  edgeBreakerRejected = 0;
  /** Async publishes refused because the consumers' backlog is full (backpressure). */
  backpressure = 0;
  /** Network hops (calls between tiers) and calls between services. */
  hops = 0;
  crossServiceCalls = 0;
  /** Service completed for requests whose client had already given up (wasted work). */
  wasted = 0;
  staleReads = 0;
  replicaReads = 0;
  readYourWritesRedirects = 0;
  /** A write applied again by a retry (no idempotency key) / replayed from its key. */
  duplicateWrites = 0;
  replayedWrites = 0;
  cdnHits = 0;
  cdnRequests = 0;
  /** Requests that landed on an app server without the user's in-process session. */
  sessionMisses = 0;
}

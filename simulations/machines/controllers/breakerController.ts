import type { XStateClockLike } from '../../engine/xstateClock';
import {
  breakerConfig,
  circuitBreakerMachine,
  type BreakerConfig,
  type BreakerMode,
} from '../circuitBreakerMachine';
import { ModeActor, type ModeListener } from './modeActor';

export interface BreakerControllerOptions {
  clock: XStateClockLike;
  config?: Partial<BreakerConfig>;
  onModeChange?: ModeListener<BreakerMode>;
}

/**
 * The request flow's view of a circuit breaker: `allow()` before a call, `record(success)` after
 * it. The count-based sliding window (resilience4j semantics, see circuitBreakerMachine.ts) is a
 * ring of outcome bytes and two counters, so both calls are a few array operations; the actor
 * hears only verdicts that change the mode, and its open-state wait runs on the engine's clock.
 *
 * Outcomes recorded while open are ignored (resilience4j does not record calls it rejected, and a
 * call admitted before the breaker opened says nothing about the wait). In half-open only the
 * permitted trial calls count; once all have reported, their failure rate decides.
 */
export class BreakerController {
  readonly config: BreakerConfig;
  /** Calls refused by allow() since creation. */
  rejected = 0;
  private readonly host: ModeActor<typeof circuitBreakerMachine, BreakerMode>;
  private readonly outcomes: Uint8Array;
  private head = 0;
  private filled = 0;
  private failures = 0;
  private readonly judgeAt: number;
  private trialsAdmitted = 0;
  private trialsRecorded = 0;
  private trialFailures = 0;

  constructor(options: BreakerControllerOptions) {
    this.config = breakerConfig(options.config);
    this.outcomes = new Uint8Array(this.config.slidingWindowSize);
    // resilience4j judges after min(minimumNumberOfCalls, slidingWindowSize) outcomes.
    this.judgeAt = Math.min(this.config.minimumNumberOfCalls, this.config.slidingWindowSize);
    const listener = options.onModeChange;
    this.host = new ModeActor(
      circuitBreakerMachine,
      options.clock,
      this.config,
      (mode, previous) => {
        this.enter(mode);
        listener?.(mode, previous);
      },
    );
  }

  get state(): BreakerMode {
    return this.host.mode;
  }

  /** The XState actor (for the UI's statechart view and its counters). */
  get actor() {
    return this.host.actor;
  }

  /** Times the breaker opened. */
  get opened(): number {
    return this.host.context.opened;
  }

  /** Failure percentage of the closed window, NaN until it holds enough outcomes to judge. */
  get failureRate(): number {
    return this.filled >= this.judgeAt ? (100 * this.failures) / this.filled : NaN;
  }

  /** May a call go through now? Counts refusals; in half-open admits the trial calls only. */
  allow(): boolean {
    const mode = this.host.mode;
    if (mode === 'closed') return true;
    if (
      mode === 'halfOpen' &&
      this.trialsAdmitted < this.config.permittedNumberOfCallsInHalfOpenState
    ) {
      this.trialsAdmitted++;
      return true;
    }
    this.rejected++;
    return false;
  }

  /** The outcome of a call that allow() let through. */
  record(success: boolean): void {
    const mode = this.host.mode;
    if (mode === 'closed') {
      const size = this.outcomes.length;
      const failed = success ? 0 : 1;
      if (this.filled === size) this.failures -= this.outcomes[this.head];
      else this.filled++;
      this.outcomes[this.head] = failed;
      this.failures += failed;
      this.head = this.head + 1 === size ? 0 : this.head + 1;
      if (
        this.filled >= this.judgeAt &&
        100 * this.failures >= this.config.failureRateThreshold * this.filled
      ) {
        this.host.actor.send({
          type: 'FAILURE_RATE_EXCEEDED',
          failureRate: (100 * this.failures) / this.filled,
        });
      }
    } else if (mode === 'halfOpen') {
      const permitted = this.config.permittedNumberOfCallsInHalfOpenState;
      if (this.trialsRecorded >= permitted) return;
      this.trialsRecorded++;
      if (!success) this.trialFailures++;
      if (this.trialsRecorded === permitted) {
        const failureRate = (100 * this.trialFailures) / permitted;
        this.host.actor.send({
          type:
            failureRate >= this.config.failureRateThreshold ? 'TRIAL_FAILED' : 'TRIAL_SUCCEEDED',
          failureRate,
        });
      }
    }
  }

  /** Opens the breaker by hand (failure injection, operator action). */
  forceOpen(): void {
    this.host.actor.send({ type: 'FORCE_OPEN' });
  }

  /** Back to closed with an empty window. */
  reset(): void {
    this.host.actor.send({ type: 'RESET' });
    this.enter('closed');
  }

  stop(): void {
    this.host.stop();
  }

  private enter(mode: BreakerMode): void {
    if (mode === 'closed') {
      // A fresh window after closing (resilience4j resets its metrics on every transition).
      this.outcomes.fill(0);
      this.head = 0;
      this.filled = 0;
      this.failures = 0;
    } else if (mode === 'halfOpen') {
      this.trialsAdmitted = 0;
      this.trialsRecorded = 0;
      this.trialFailures = 0;
    }
  }
}

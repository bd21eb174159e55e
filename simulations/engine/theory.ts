/**
 * Closed-form queueing results the engine is validated against (reference-numbers.md). Rates per
 * second, times in seconds. Used by the CLI summary, the tests and the /validation/ page.
 */

export interface QueueTheory {
  /** Per-server load ρ = λ/(cμ). */
  rho: number;
  /** Probability an arrival has to wait. */
  probWait: number;
  /** Mean wait in queue Wq. */
  meanWait: number;
  /** Mean time in system W = Wq + 1/μ. */
  meanSojourn: number;
  /** Mean number waiting Lq = λ·Wq (Little). */
  meanInQueue: number;
  /** Mean number in system L = λ·W (Little). */
  meanInSystem: number;
  /** q-quantile of the time in system, or null when no closed form is implemented. */
  sojournQuantile: ((q: number) => number) | null;
  /** False when the values are an approximation (e.g. M/D/c for c > 1). */
  exact: boolean;
  /** Where the formulas come from. */
  source: string;
}

function checkRates(lambda: number, mu: number, c: number): number {
  if (!(lambda > 0 && lambda < Infinity))
    throw new RangeError(`arrival rate must be > 0, got ${lambda}`);
  if (!(mu > 0 && mu < Infinity)) throw new RangeError(`service rate must be > 0, got ${mu}`);
  if (!(Number.isInteger(c) && c >= 1))
    throw new RangeError(`servers must be an integer >= 1, got ${c}`);
  const rho = lambda / (c * mu);
  if (!(rho < 1)) throw new RangeError(`load ρ = λ/(cμ) = ${rho} must be < 1 for a steady state`);
  return rho;
}

/**
 * Erlang C: probability of waiting in M/M/c with offered load a = λ/μ. Computed through the
 * Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)) and C = B/(1 − ρ(1 − B)), which is stable for
 * large c (no factorials); see Kleinrock, Queueing Systems vol. 1, §3.5 and reference-numbers.md.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  const rho = offeredLoad / servers;
  return b / (1 - rho * (1 - b));
}

/** M/M/1: Wq = ρ/(μ−λ), W = 1/(μ−λ); sojourn ~ Exp(μ−λ) so its q-quantile is −ln(1−q)/(μ−λ). */
export function mm1(lambda: number, mu: number): QueueTheory {
  const rho = checkRates(lambda, mu, 1);
  const meanSojourn = 1 / (mu - lambda);
  const meanWait = rho / (mu - lambda);
  return {
    rho,
    probWait: rho,
    meanWait,
    meanSojourn,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanSojourn,
    sojournQuantile: (q) => -Math.log(1 - q) / (mu - lambda),
    exact: true,
    source: 'M/M/1 (Kleinrock vol. 1, §3.2)',
  };
}

/**
 * M/M/c via Erlang C: Wq = C/(cμ − λ). The sojourn S = Wq + service, where Wq is 0 with
 * probability 1 − C and Exp(cμ − λ) otherwise, so P(S > t) = (1 − C)e^{−μt} + C·P(E₁ + E₂ > t)
 * with E₁ ~ Exp(θ = cμ − λ), E₂ ~ Exp(μ) (hypoexponential); quantiles by bisection.
 */
export function mmc(lambda: number, mu: number, c: number): QueueTheory {
  const rho = checkRates(lambda, mu, c);
  const pWait = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  const meanWait = pWait / theta;
  const meanSojourn = meanWait + 1 / mu;
  const survival = (t: number): number => {
    const hypo =
      Math.abs(theta - mu) < 1e-12 * mu
        ? (1 + mu * t) * Math.exp(-mu * t)
        : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
    return (1 - pWait) * Math.exp(-mu * t) + pWait * hypo;
  };
  return {
    rho,
    probWait: pWait,
    meanWait,
    meanSojourn,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanSojourn,
    sojournQuantile: (q) => invertSurvival(survival, 1 - q, meanSojourn),
    exact: true,
    source: c === 1 ? 'M/M/1 (Kleinrock vol. 1, §3.2)' : 'M/M/c, Erlang C (Kleinrock vol. 1, §3.5)',
  };
}

/** Smallest t with survival(t) <= target, for a decreasing survival function. */
function invertSurvival(survival: (t: number) => number, target: number, scale: number): number {
  let lo = 0;
  let hi = scale;
  while (survival(hi) > target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (survival(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** M/G/1 by Pollaczek–Khinchine: Wq = λ·E[S²] / (2(1 − ρ)). */
export function mg1(
  lambda: number,
  serviceMeanS: number,
  serviceSecondMoment: number,
): QueueTheory {
  const rho = checkRates(lambda, 1 / serviceMeanS, 1);
  const meanWait = (lambda * serviceSecondMoment) / (2 * (1 - rho));
  const meanSojourn = meanWait + serviceMeanS;
  return {
    rho,
    probWait: rho,
    meanWait,
    meanSojourn,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanSojourn,
    sojournQuantile: null,
    exact: true,
    source: 'M/G/1, Pollaczek–Khinchine (Kleinrock vol. 1, §5.7)',
  };
}

/** M/D/1: Pollaczek–Khinchine with E[S²] = 1/μ², i.e. Wq = ρ/(2μ(1 − ρ)). */
export function md1(lambda: number, mu: number): QueueTheory {
  return { ...mg1(lambda, 1 / mu, 1 / (mu * mu)), source: 'M/D/1, Pollaczek–Khinchine' };
}

/**
 * M/D/c for c > 1 has no simple closed form; the Allen–Cunneen approximation scales the M/M/c
 * wait by (Ca² + Cs²)/2 = 1/2 (A. O. Allen, "Probability, Statistics, and Queueing Theory", 1990,
 * §6.5). Typically within ~10% for moderate c; marked exact = false.
 */
export function mdcApprox(lambda: number, mu: number, c: number): QueueTheory {
  if (c === 1) return md1(lambda, mu);
  const m = mmc(lambda, mu, c);
  const meanWait = m.meanWait / 2;
  const meanSojourn = meanWait + 1 / mu;
  return {
    ...m,
    meanWait,
    meanSojourn,
    meanInQueue: lambda * meanWait,
    meanInSystem: lambda * meanSojourn,
    sojournQuantile: null,
    exact: false,
    source: 'M/D/c, Allen–Cunneen approximation',
  };
}

/** The theory for the CLI's `queue` model: Poisson arrivals, c servers, exponential or fixed service. */
export function queueTheory(
  lambda: number,
  mu: number,
  c: number,
  service: 'exp' | 'det',
): QueueTheory {
  if (service === 'exp') return c === 1 ? mm1(lambda, mu) : mmc(lambda, mu, c);
  return c === 1 ? md1(lambda, mu) : mdcApprox(lambda, mu, c);
}

/** M/M/1/K: probability an arrival finds K in the system and is dropped (Kleinrock vol. 1, §3.6). */
export function mm1kDropProbability(lambda: number, mu: number, capacity: number): number {
  const rho = lambda / mu;
  if (Math.abs(rho - 1) < 1e-12) return 1 / (capacity + 1);
  return ((1 - rho) * rho ** capacity) / (1 - rho ** (capacity + 1));
}

/** Little's law L = λ·W (J. D. C. Little, Operations Research 9(3), 1961). */
export function littleL(arrivalRate: number, meanSojournS: number): number {
  return arrivalRate * meanSojournS;
}

/**
 * Exact mean value analysis for N closed-loop users with mean think time Z in front of one FIFO
 * exponential server with mean service S (Reiser and Lavenberg, J. ACM 27(2), 1980):
 * R(n) = S(1 + Q(n−1)), X(n) = n/(Z + R(n)), Q(n) = X(n)·R(n). Think time may have any
 * distribution (the delay station is insensitive).
 */
export function closedLoopMva(users: number, thinkMeanS: number, serviceMeanS: number) {
  let queue = 0;
  let response = serviceMeanS;
  let throughput = 0;
  for (let n = 1; n <= users; n++) {
    response = serviceMeanS * (1 + queue);
    throughput = n / (thinkMeanS + response);
    queue = throughput * response;
  }
  return {
    throughputPerS: throughput,
    responseTimeS: response,
    meanInSystem: queue,
    utilization: throughput * serviceMeanS,
  };
}

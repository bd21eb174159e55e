import { spikeRate } from '../engine/profiles';
import { runQueue } from '../engine/queueRun';
import { closedLoopMva, md1, mm1, mm1kDropProbability, mmc } from '../engine/theory';
import {
  batchCase,
  closedLoopResponse,
  count,
  KLEINROCK,
  queueRun,
  replicated,
  scaled,
  spikeArrivals,
} from './builders';
import type { ValidationCase } from './types';

const p99 = (lambda: number) => -Math.log(0.01) / (1 - lambda);

export const validationCases: readonly ValidationCase[] = [
  batchCase(
    {
      id: 'mm1-wait-50',
      model: 'M/M/1',
      parameters: 'λ = 0.5/s, μ = 1/s (ρ = 0.5)',
      metric: 'mean wait Wq (s)',
      theory: mm1(0.5, 1).meanWait,
      formula: 'ρ/(μ − λ)',
      source: KLEINROCK,
    },
    { lambda: 0.5, c: 1, service: 'exp', customers: 500_000 },
    (r) => r.ci.meanWait,
  ),
  batchCase(
    {
      id: 'mm1-sojourn-90',
      model: 'M/M/1',
      parameters: 'λ = 0.9/s, μ = 1/s (ρ = 0.9)',
      metric: 'mean sojourn W (s)',
      theory: mm1(0.9, 1).meanSojourn,
      formula: '1/(μ − λ)',
      source: KLEINROCK,
    },
    { lambda: 0.9, c: 1, service: 'exp', customers: 2_000_000 },
    (r) => r.ci.meanSojourn,
  ),
  replicated(
    {
      id: 'mm1-p99-50',
      model: 'M/M/1',
      parameters: 'λ = 0.5/s, μ = 1/s (ρ = 0.5)',
      metric: 'p99 sojourn (s)',
      theory: p99(0.5),
      formula: 'ln(100)/(μ − λ)',
      source: `${KLEINROCK}: sojourn ~ Exp(μ − λ)`,
    },
    200_000,
    'customers',
    (seed, n) =>
      ((r) => ({ value: r.p99Sojourn, events: r.events }))(queueRun(0.5, 1, 'exp', n, seed)),
  ),
  replicated(
    {
      id: 'mm1-p99-90',
      model: 'M/M/1',
      parameters: 'λ = 0.9/s, μ = 1/s (ρ = 0.9)',
      metric: 'p99 sojourn (s)',
      theory: p99(0.9),
      formula: 'ln(100)/(μ − λ)',
      source: `${KLEINROCK}: sojourn ~ Exp(μ − λ)`,
    },
    500_000,
    'customers',
    (seed, n) =>
      ((r) => ({ value: r.p99Sojourn, events: r.events }))(queueRun(0.9, 1, 'exp', n, seed)),
  ),
  batchCase(
    {
      id: 'mm1-util-80',
      model: 'M/M/1',
      parameters: 'λ = 0.8/s, μ = 1/s',
      metric: 'utilization',
      theory: 0.8,
      formula: 'ρ = λ/μ',
      source: KLEINROCK,
    },
    { lambda: 0.8, c: 1, service: 'exp', customers: 500_000 },
    (r) => r.ci.utilization,
  ),
  batchCase(
    {
      id: 'mm2-wait-70',
      model: 'M/M/2',
      parameters: 'λ = 1.4/s, μ = 1/s per server (ρ = 0.7)',
      metric: 'mean wait Wq (s)',
      theory: mmc(1.4, 1, 2).meanWait,
      formula: 'Erlang C / (cμ − λ)',
      source: `${KLEINROCK}, §3.5 (Erlang C)`,
    },
    { lambda: 1.4, c: 2, service: 'exp', customers: 1_000_000 },
    (r) => r.ci.meanWait,
  ),
  replicated(
    {
      id: 'mm8-pwait-90',
      model: 'M/M/8',
      parameters: 'λ = 7.2/s, μ = 1/s per server (ρ = 0.9)',
      metric: 'P(wait > 0)',
      theory: mmc(7.2, 1, 8).probWait,
      formula: 'Erlang C(c, λ/μ)',
      source: `${KLEINROCK}, §3.5 (Erlang C)`,
    },
    150_000,
    'customers',
    (seed, n) =>
      ((r) => ({ value: r.probWait, events: r.events }))(queueRun(7.2, 8, 'exp', n, seed)),
  ),
  batchCase(
    {
      id: 'mm8-wait-90',
      model: 'M/M/8',
      parameters: 'λ = 7.2/s, μ = 1/s per server (ρ = 0.9)',
      metric: 'mean wait Wq (s)',
      theory: mmc(7.2, 1, 8).meanWait,
      formula: 'Erlang C / (cμ − λ)',
      source: `${KLEINROCK}, §3.5 (Erlang C)`,
    },
    { lambda: 7.2, c: 8, service: 'exp', customers: 2_000_000 },
    (r) => r.ci.meanWait,
  ),
  batchCase(
    {
      id: 'md1-wait-50',
      model: 'M/D/1',
      parameters: 'λ = 0.5/s, fixed 1 s service',
      metric: 'mean wait Wq (s)',
      theory: md1(0.5, 1).meanWait,
      formula: 'ρ/(2μ(1 − ρ))',
      source: `${KLEINROCK}, §5.7 (Pollaczek–Khinchine)`,
    },
    { lambda: 0.5, c: 1, service: 'det', customers: 500_000 },
    (r) => r.ci.meanWait,
  ),
  batchCase(
    {
      id: 'md1-wait-90',
      model: 'M/D/1',
      parameters: 'λ = 0.9/s, fixed 1 s service',
      metric: 'mean wait Wq (s)',
      theory: md1(0.9, 1).meanWait,
      formula: 'ρ/(2μ(1 − ρ))',
      source: `${KLEINROCK}, §5.7 (Pollaczek–Khinchine)`,
    },
    { lambda: 0.9, c: 1, service: 'det', customers: 2_000_000 },
    (r) => r.ci.meanWait,
  ),
  batchCase(
    {
      id: 'little-mm2-90',
      model: 'M/M/2',
      parameters: 'λ = 1.8/s, μ = 1/s per server (ρ = 0.9)',
      metric: 'time-average number in system L',
      theory: 1.8 * mmc(1.8, 1, 2).meanSojourn,
      formula: "L = λW (Little's law)",
      source: 'J. D. C. Little, Operations Research 9(3), 1961',
    },
    { lambda: 1.8, c: 2, service: 'exp', customers: 1_000_000 },
    (r) => r.ci.meanInSystem,
  ),
  replicated(
    {
      id: 'mm1k-drop',
      model: 'M/M/1/5',
      parameters: 'λ = 1/s, μ = 1.25/s, at most 5 in the system',
      metric: 'fraction of arrivals dropped',
      theory: mm1kDropProbability(1, 1.25, 5),
      formula: '(1 − ρ)ρ^K / (1 − ρ^(K+1))',
      source: `${KLEINROCK}, §3.6`,
    },
    100_000,
    'customers',
    (seed, n) =>
      ((r) => ({ value: r.dropRate, events: r.events }))(
        runQueue({
          arrivalRate: 1,
          serviceRate: 1.25,
          servers: 1,
          service: 'exp',
          customers: n,
          warmup: 1000,
          seed,
          capacity: 5,
        }),
      ),
  ),
  {
    id: 'closed-loop-mva',
    model: 'closed loop',
    parameters: '10 users, think Exp(5 s), one server Exp(1 s)',
    metric: 'mean response time (s)',
    theory: closedLoopMva(10, 5, 1).responseTimeS,
    formula: 'exact mean value analysis',
    source: 'Reiser & Lavenberg, J. ACM 27(2), 1980',
    method: 'batch means',
    work: `${count(400_000)} simulated seconds`,
    run: (seed, scale) => closedLoopResponse(seed, scaled(400_000, scale)),
  },
  replicated(
    {
      id: 'nhpp-spike',
      model: 'NHPP',
      parameters: '50/s, 10× flash crowd for 10 s (thinning)',
      metric: 'arrivals during the spike',
      theory: spikeRate(50, 500, 20, 10).integral(20, 30),
      formula: '∫ λ(t) dt',
      source: 'Lewis & Shedler, Naval Res. Logistics Q. 26, 1979',
    },
    1,
    'runs of 60 s',
    (seed) => spikeArrivals(seed, 50),
  ),
];

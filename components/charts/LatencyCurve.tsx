'use client';

import { scaleLinear } from 'd3';
import { useEffect, useId, useRef, useState } from 'react';
import { resetSimulationApi, simulationApi } from './simulationWorker';
import {
  arrivalRateFor,
  CURVE_SERVERS,
  ENGINE_RUN,
  RHO_RANGE,
  SERVICE_MS,
  theoryAt,
  theoryCurve,
} from './latencyCurve';
import './charts.css';

const WIDTH = 640;
const HEIGHT = 300;
const M = { top: 14, right: 16, bottom: 44, left: 52 };
const TABLE_RHOS = [0.5, 0.7, 0.8, 0.9, 0.95];

type Engine =
  | { kind: 'idle' }
  | { kind: 'running' }
  | {
      kind: 'done';
      rho: number;
      servers: number;
      p99Ms: number;
      meanMs: number;
      utilization: number;
    }
  | { kind: 'error'; message: string };

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Utilization → latency: M/M/c theory as a curve, and the validated engine (in the simulation
 * worker) at the slider's load, side by side. Shows why capacity plans stop near 70%.
 */
export function LatencyCurve() {
  const id = useId();
  const [rho, setRho] = useState(0.7);
  const [servers, setServers] = useState<number>(2);
  const [engine, setEngine] = useState<Engine>({ kind: 'idle' });
  // At most one engine run in flight: while the slider moves, only the newest position is queued
  // (dragging would otherwise line up dozens of runs in the worker).
  const wanted = useRef({ rho, servers });
  const inFlight = useRef(false);

  useEffect(() => {
    wanted.current = { rho, servers };
    if (inFlight.current) return;
    const runLatest = () => {
      const params = wanted.current;
      inFlight.current = true;
      setEngine({ kind: 'running' });
      simulationApi()
        .runQueue({
          arrivalRate: arrivalRateFor(params.rho, params.servers),
          serviceRate: 1000 / SERVICE_MS,
          servers: params.servers,
          service: 'exp',
          ...ENGINE_RUN,
        })
        .then(
          (r) => {
            inFlight.current = false;
            if (wanted.current !== params) return runLatest();
            setEngine({
              kind: 'done',
              ...params,
              p99Ms: 1000 * r.p99Sojourn,
              meanMs: 1000 * r.meanSojourn,
              utilization: r.utilization,
            });
          },
          (err: unknown) => {
            inFlight.current = false;
            resetSimulationApi();
            setEngine({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
          },
        );
    };
    runLatest();
  }, [rho, servers]);

  const curve = theoryCurve(servers);
  const yMax = theoryAt(0.95, servers).p99Ms;
  const x = scaleLinear()
    .domain([0, 1])
    .range([M.left, WIDTH - M.right]);
  const y = scaleLinear()
    .domain([0, yMax])
    .range([HEIGHT - M.bottom, M.top])
    .clamp(true)
    .nice();
  const path = (key: 'p99Ms' | 'meanMs') =>
    curve.map((p, i) => `${i ? 'L' : 'M'}${x(p.rho).toFixed(1)},${y(p[key]).toFixed(1)}`).join('');
  const here = theoryAt(rho, servers);
  const shown = engine.kind === 'done' && engine.rho === rho && engine.servers === servers;

  return (
    <figure className="chart model" data-testid="latency-curve">
      <div className="model-controls">
        <label className="model-slider" htmlFor={`${id}-rho`}>
          <span className="model-slider-label">
            Utilization of the primary: <output htmlFor={`${id}-rho`}>{pct(rho)}</output> (
            {Math.round(arrivalRateFor(rho, servers)).toLocaleString('en-US')} requests/s)
          </span>
          <input
            id={`${id}-rho`}
            type="range"
            min={RHO_RANGE.min}
            max={RHO_RANGE.max}
            step={RHO_RANGE.step}
            value={rho}
            aria-valuetext={`${pct(rho)} busy`}
            data-testid="latency-rho"
            onChange={(e) => setRho(Number(e.target.value))}
          />
        </label>
        <fieldset className="model-radios">
          <legend className="model-slider-label">vCPUs (servers c)</legend>
          {CURVE_SERVERS.map((c) => (
            <label key={c}>
              <input
                type="radio"
                name={`${id}-c`}
                checked={servers === c}
                onChange={() => setServers(c)}
              />{' '}
              {c}
            </label>
          ))}
        </fieldset>
      </div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`M/M/${servers} time in the database per request against utilization: p99 ${ms(theoryAt(0.5, servers).p99Ms)} at 50%, ${ms(theoryAt(0.7, servers).p99Ms)} at 70%, ${ms(theoryAt(0.9, servers).p99Ms)} at 90%.`}
      >
        {y.ticks(5).map((t) => (
          <g key={t} className="chart-grid">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {[0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => (
          <g key={t} className="chart-grid">
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={HEIGHT - M.bottom} />
            <text x={x(t)} y={HEIGHT - M.bottom + 18} textAnchor="middle">
              {pct(t)}
            </text>
          </g>
        ))}
        <text
          className="chart-axis-label"
          x={(M.left + WIDTH - M.right) / 2}
          y={HEIGHT - 6}
          textAnchor="middle"
        >
          Utilization ρ
        </text>
        <text
          className="chart-axis-label"
          transform={`translate(14,${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          ms per request
        </text>
        <g className="chart-capacity chart-planning">
          <line x1={x(0.7)} x2={x(0.7)} y1={M.top} y2={HEIGHT - M.bottom} />
        </g>
        <path d={path('p99Ms')} fill="none" stroke="var(--chart-1)" strokeWidth={2.5} />
        <path
          d={path('meanMs')}
          fill="none"
          stroke="var(--chart-2)"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        <circle
          cx={x(rho)}
          cy={y(here.p99Ms)}
          r={5}
          fill="var(--chart-1)"
          className="chart-crossing"
        />
        {shown && (
          <rect
            x={x(rho) - 5}
            y={y(engine.p99Ms) - 5}
            width={10}
            height={10}
            fill="none"
            stroke="var(--fg)"
            strokeWidth={2}
            data-testid="latency-engine-mark"
          />
        )}
      </svg>
      <ul className="chart-legend">
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" stroke="var(--chart-1)" strokeWidth="3" />
          </svg>
          p99 (theory: Erlang C); the square is the engine&apos;s measurement
        </li>
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="28"
              y1="5"
              y2="5"
              stroke="var(--chart-2)"
              strokeWidth="3"
              strokeDasharray="6 4"
            />
          </svg>
          mean (theory)
        </li>
      </ul>
      <p
        className="model-readout"
        role="status"
        aria-live="polite"
        data-testid="latency-readout"
        data-state={shown ? 'done' : engine.kind === 'error' ? 'error' : 'running'}
      >
        At {pct(rho)} busy on {servers} vCPU: theory p99 <strong>{ms(here.p99Ms)}</strong>, mean{' '}
        {ms(here.meanMs)}.{' '}
        {shown &&
          `The engine, ${ENGINE_RUN.customers.toLocaleString('en-US')} requests (seed ${ENGINE_RUN.seed}): p99 ${ms(engine.p99Ms)}, mean ${ms(engine.meanMs)}, measured utilization ${pct(engine.utilization)}.`}
        {engine.kind === 'running' && 'The engine is simulating this load…'}
        {engine.kind === 'error' && `The simulation worker failed: ${engine.message}`}
      </p>
      <details className="chart-table">
        <summary>The theory curve as numbers</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">
              Time per request in the database, M/M/{servers}, by utilization
            </caption>
            <thead>
              <tr>
                <th scope="col">Utilization</th>
                {TABLE_RHOS.map((r) => (
                  <th scope="col" key={r}>
                    {pct(r)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(['meanMs', 'p99Ms'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">{k === 'meanMs' ? 'Mean' : 'p99'}</th>
                  {TABLE_RHOS.map((r) => (
                    <td key={r}>{ms(theoryAt(r, servers)[k])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

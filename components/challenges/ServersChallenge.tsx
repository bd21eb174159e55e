'use client';

import { useId, useState } from 'react';
import { CheckedChallenge } from '@/components/lesson/CheckedChallenge';
import { simulationApi } from '@/components/charts/simulationWorker';
import { checkServers, SERVERS_CHALLENGE, utilizationFor } from './serversCheck';
import '@/components/charts/charts.css';

/**
 * `<ServersChallenge />`: the reader picks the primary's vCPUs; Check runs the validated engine in
 * the simulation worker on fixed seeds (serversCheck.ts) for that count and one fewer.
 */
export function ServersChallenge() {
  const id = useId();
  const [servers, setServers] = useState<number>(SERVERS_CHALLENGE.start);
  const { users, arrivalRate, meanServiceMs, targetP99Ms, maxServers } = SERVERS_CHALLENGE;
  const rho = utilizationFor(servers);
  return (
    <CheckedChallenge
      id="fewest-vcpus-p99"
      goal={
        <>
          At {users.toLocaleString('en-US')} users the primary receives{' '}
          {arrivalRate.toLocaleString('en-US')} requests/s, each needing {meanServiceMs.toFixed(2)}{' '}
          ms of database time on average. Find the <strong>fewest vCPUs</strong> that keep the p99
          time in the database under <strong>{targetP99Ms} ms</strong>. The check simulates your
          choice and one vCPU fewer.
        </>
      }
      check={() => checkServers(simulationApi(), servers)}
      explanation={
        <p>
          Three vCPUs are enough on average (82% busy) but not for the tail: with every core busy
          most of the time, one request in a hundred waits behind several others. Four vCPUs run at
          61%, under the 70% planning line, and the p99 falls to about 4 ms, close to the floor set
          by the work itself (ln 100 × 0.82 ms ≈ 3.8 ms for exponential service times).
        </p>
      }
    >
      <label className="model-slider" htmlFor={`${id}-c`}>
        <span className="model-slider-label">
          vCPUs: <output htmlFor={`${id}-c`}>{servers}</output> ({Math.round(rho * 100)}% busy)
        </span>
        <input
          id={`${id}-c`}
          type="range"
          min={1}
          max={maxServers}
          step={1}
          value={servers}
          aria-valuetext={`${servers} vCPUs, ${Math.round(rho * 100)}% busy`}
          data-testid="servers-input"
          onChange={(e) => setServers(Number(e.target.value))}
        />
      </label>
    </CheckedChallenge>
  );
}

'use client';

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useNearViewport } from '@/components/editor/useNearViewport';
import { datasetOf, type LabKind, type LabSpec } from './labSpec';

type LabModule = { default: ComponentType<{ spec: never }> };

/**
 * Each lab's interactive UI is its own chunk, fetched with import() when the lab nears the
 * viewport; PGlite and Monaco load from inside those chunks. A lesson's first-load JavaScript holds
 * only this component.
 */
const loaders: Record<LabKind, () => Promise<LabModule>> = {
  'n-plus-one': () => import('./labs/NPlusOneLab'),
  'n-plus-one-scaling': () => import('./labs/ScalingLab'),
  indexing: () => import('./labs/IndexingLab'),
  caching: () => import('./labs/CachingLab'),
  stampede: () => import('./labs/StampedeLab'),
  challenge: () => import('./labs/ChallengeLab'),
  measure: () => import('./labs/MeasureLab'),
  sql: () => import('./labs/SqlLab'),
  consistency: () => import('@/components/consistency/ConsistencyLabLive'),
};

/**
 * Shows the server-rendered preview (`children`: the code and the question, readable without
 * JavaScript) until the lab's chunk has loaded, then the live lab in its place.
 */
export function LabMount({ spec, children }: { spec: LabSpec; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref, '800px');
  // The database takes seconds to download and open (3.2–3.4 s to ready on a quiet 2-core machine,
  // bench); the UI chunk much less. So the shared worker starts while the reader is still three
  // screens above the lab, reading the text that leads to it, and is ready when they arrive.
  const approaching = useNearViewport(ref, '300% 0px');
  const dataset = datasetOf(spec);
  useEffect(() => {
    if (!approaching) return;
    void import('./labClient').then(({ startLab }) => startLab(dataset));
  }, [approaching, dataset]);
  const [Lab, setLab] = useState<ComponentType<{ spec: LabSpec }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!near) return;
    let live = true;
    loaders[spec.lab]()
      .then((mod) => {
        if (live) setLab(() => mod.default as unknown as ComponentType<{ spec: LabSpec }>);
      })
      .catch((err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      live = false;
    };
  }, [near, spec.lab, attempt]);

  return (
    <div ref={ref} className="querylab-mount" data-testid="querylab" data-lab={spec.lab}>
      {Lab ? <Lab spec={spec} /> : children}
      {error && !Lab && (
        <div className="querylab-error" role="alert" data-testid="querylab-load-error">
          <p>
            <strong>The lab could not load.</strong> {error}
          </p>
          <button
            type="button"
            className="button"
            data-testid="querylab-retry"
            onClick={() => {
              setError(null);
              setAttempt((a) => a + 1);
            }}
          >
            Retry
          </button>
        </div>
      )}
    </div>
  );
}

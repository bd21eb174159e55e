import type { MDXComponents } from 'mdx/types';
import { BottleneckChart } from '@/components/charts/BottleneckChart';
import { LatencyCurve } from '@/components/charts/LatencyCurve';
import { ReplicaChallenge } from '@/components/challenges/ReplicaChallenge';
import { ServersChallenge } from '@/components/challenges/ServersChallenge';
import { SidebarChallenge } from '@/components/challenges/SidebarChallenge';
import { ConsistencyLab } from '@/components/consistency/ConsistencyLab';
import { QueryLab } from '@/components/querylab/QueryLab';

/**
 * Experiment widgets available to lessons (merged into the registry in mdx-components.tsx).
 * Add a widget here, not in a lesson file. Heavy widgets must lazy-load their engines.
 */
export const lessonWidgets: MDXComponents = {
  BottleneckChart,
  // Utilization → latency: M/M/c theory beside the engine (simulation worker).
  LatencyCurve,
  // Checked challenges (components/lesson/CheckedChallenge.tsx): lesson 1's fewest vCPUs for a
  // p99 target (engine, fixed seeds); lesson 2's sidebar round-trip budget (measure lab).
  ServersChallenge,
  SidebarChallenge,
  // The consistency lesson's read-your-writes choice, checked by the replica-lag lab.
  ReplicaChallenge,
  // <QueryLab lab="n-plus-one" />, lab="indexing" part=…, "caching", "measure", "sql": see
  // components/querylab/labSpec.ts. PGlite and Monaco load lazily near the viewport.
  QueryLab,
  // <ConsistencyLab lab="replica-lag" | "idempotency" | "lost-update" | "outbox" | "shards" />:
  // lib/db/labs/ on several PGlite instances in the query-lab worker (components/consistency/).
  ConsistencyLab,
};

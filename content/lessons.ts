/**
 * The one source of lesson order and phase: navigation, the home page, prev/next links, the sitemap
 * and the end-to-end route list all read this file. A lesson's title and summary live in its MDX
 * file (`export const metadata`), validated by components/lesson/metadata.ts at build time.
 */

export const phases = [
  {
    id: 'foundation',
    label: 'Start simple, scale smart',
    users: '1K users',
    blurb:
      'Start with a monolith, understand your bottlenecks, then scale strategically. Complexity you add before you need it is paid for every day and buys nothing.',
  },
  {
    id: 'principles',
    label: 'Key principles',
    users: 'Every stage',
    blurb:
      'Measure before you optimize. Database design matters: indexes, read replicas before sharding, caching. Design APIs for the future: versioning, idempotency, rate limiting.',
  },
  {
    id: 'phase-1',
    label: 'Phase 1 · Monolith optimization',
    users: '0–50K users',
    blurb:
      'One application, one database. Most of the wins are inside the database: remove N+1 queries, add the right indexes, stop doing work twice.',
  },
  {
    id: 'phase-2',
    label: 'Phase 2 · Horizontal scaling',
    users: '50K–1M users',
    blurb:
      'More identical app servers behind a load balancer, which forces sessions out of memory (Redis), reads onto replicas, static files onto a CDN and deployments into containers.',
  },
  {
    id: 'phase-3',
    label: 'Phase 3 · Microservices',
    users: '1M+ users',
    blurb:
      'Split by domain, talk through events (Kafka), protect every call with timeouts, circuit breakers and bounded retries, and route through an API gateway.',
  },
  {
    id: 'hidden-costs',
    label: 'The hidden costs of scaling',
    users: 'What textbooks skip',
    blurb:
      'Each new service adds monitoring and on-call load; distributed transactions are hard, so avoid them; and your architecture will mirror your org chart (Conway’s law).',
  },
  {
    id: 'tools',
    label: 'Modern tools',
    users: 'The toolbox',
    blurb:
      'Kubernetes for orchestration, Prometheus and Grafana for observability, Istio for service-to-service traffic, Apache Kafka for event streaming.',
  },
] as const;

export type PhaseId = (typeof phases)[number]['id'];

export interface LessonEntry {
  /** URL segment: /learn/<slug>/ */
  slug: string;
  /** File name in content/lessons/ without the extension. */
  file: string;
  phase: PhaseId;
}

export const lessons: readonly LessonEntry[] = [
  { slug: 'start-simple-scale-smart', file: '01-start-simple-scale-smart', phase: 'foundation' },
  {
    slug: 'measure-before-you-optimize',
    file: '02-measure-before-you-optimize',
    phase: 'principles',
  },
  { slug: 'n-plus-one', file: '03-n-plus-one', phase: 'phase-1' },
  { slug: 'indexing', file: '04-indexing', phase: 'phase-1' },
  { slug: 'caching', file: '05-caching', phase: 'phase-1' },
  { slug: 'consistency-is-a-feature', file: '06-consistency-is-a-feature', phase: 'hidden-costs' },
];

export function phaseOf(id: PhaseId) {
  const phase = phases.find((p) => p.id === id);
  if (!phase) throw new Error(`Unknown phase ${id}`);
  return phase;
}

export function lessonIndex(slug: string): number {
  return lessons.findIndex((l) => l.slug === slug);
}

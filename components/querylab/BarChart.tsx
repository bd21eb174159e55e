/** Moved to components/charts/; re-exported for importers not yet switched. */
export { BarChart } from '@/components/charts/BarChart';

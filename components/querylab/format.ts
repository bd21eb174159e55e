/** Moved to lib/format.ts (the site's one formatting module); re-exported for importers not yet switched. */
export * from '@/lib/format';

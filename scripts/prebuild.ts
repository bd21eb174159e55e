// Build-time steps that must run before `next build` / `next dev` (generated assets in public/).
// Each step is idempotent and skips work whose output is up to date.
console.log('prebuild: nothing to generate yet');

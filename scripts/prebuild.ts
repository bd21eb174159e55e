// Build-time steps that must run before `next build` / `next dev` (generated assets in public/).
// Each step is idempotent and skips work whose output is up to date.
import { buildPgliteData } from '../lib/db/node/build-data';

async function main(): Promise<void> {
  const t0 = performance.now();
  // Query lab: prebuilt, pre-seeded PGlite data dirs + runtime files under public/generated/pglite/.
  await buildPgliteData({ log: (line) => console.log(line) });
  console.log(`prebuild: done in ${Math.round(performance.now() - t0)} ms`);
}

main().catch((err: unknown) => {
  console.error(
    `prebuild failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  process.exit(1);
});

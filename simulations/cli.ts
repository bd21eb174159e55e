/**
 * Headless simulator CLI: `npm run --silent sim -- <command> [--flags]` (see cli/registry.ts; the
 * commands live in cli/commands/). Exit codes: 0 ok, 2 invalid arguments, 1 unexpected failure.
 */
import { commands } from './cli/commands';
import { EXIT_FAILURE, SubcommandRegistry, type CliIo } from './cli/registry';

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

new SubcommandRegistry(commands)
  .run(process.argv.slice(2), io)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT_FAILURE;
  });

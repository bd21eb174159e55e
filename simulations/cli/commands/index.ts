import type { Subcommand } from '../registry';
import { queueCommand } from './queue';
import { runCommand } from './run';

/** Every `npm run sim -- <command>`. Later issues append their subcommands here. */
export const commands: readonly Subcommand[] = [queueCommand, runCommand];

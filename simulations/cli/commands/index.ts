import type { Subcommand } from '../registry';
import { backoffCommand } from './backoff';
import { queueCommand } from './queue';
import { runCommand } from './run';

/** Every `npm run sim -- <command>`; append new subcommands here. */
export const commands: readonly Subcommand[] = [queueCommand, backoffCommand, runCommand];

/** Where a subcommand writes: one call per line (no trailing newline needed). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * A `npm run sim -- <name> …` subcommand. Later issues add theirs to commands/index.ts. `run`
 * returns the exit code: 0 on success, 2 for invalid arguments (after one line on io.err).
 */
export interface Subcommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text for `<name> --help`. */
  usage: string;
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class SubcommandRegistry {
  private readonly commands = new Map<string, Subcommand>();

  constructor(commands: readonly Subcommand[] = []) {
    commands.forEach((c) => this.register(c));
  }

  register(command: Subcommand): void {
    if (this.commands.has(command.name))
      throw new Error(`subcommand ${command.name} registered twice`);
    this.commands.set(command.name, command);
  }

  get(name: string): Subcommand | undefined {
    return this.commands.get(name);
  }

  list(): Subcommand[] {
    return [...this.commands.values()];
  }

  help(): string {
    const width = Math.max(...this.list().map((c) => c.name.length), 4);
    return [
      'usage: npm run --silent sim -- <command> [--flags]   (<command> --help for details)',
      '',
      'commands:',
      ...this.list().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ].join('\n');
  }

  /** Dispatches argv (without node and script) to a subcommand; returns the exit code. */
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(this.help());
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    const command = this.get(name);
    if (!command) {
      io.err(
        `error: unknown command '${name}' (known: ${this.list()
          .map((c) => c.name)
          .join(', ')})`,
      );
      return EXIT_USAGE;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.usage);
      return EXIT_OK;
    }
    return command.run(rest, io);
  }
}

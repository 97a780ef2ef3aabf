import { Command, Option } from 'commander';

/** A mistake in the command line itself: the command exits 2 with this sentence. */
export class UsageError extends Error {}

/** Exit status 0 on success, 1 if any file failed, 2 for a usage error. */
export const exitStatus = { ok: 0, failed: 1, usage: 2 } as const;

export const exitStatusHelp = '\nExit status: 0 on success, 1 if any file failed, 2 for a usage error.';

/**
 * A `glowroom <name>` subcommand set up the way every one of them behaves: errors and `--help`
 * end parsing with a CommanderError instead of exiting (main.ts turns them into exit statuses),
 * a usage error points at `--help`, and the help ends with the exit statuses.
 */
export function glowroomCommand(name: string, summary: string): Command {
  return new Command(name)
    .description(summary)
    .exitOverride()
    .showHelpAfterError(`(run \`glowroom ${name} --help\` for every option)`)
    .addHelpText('after', exitStatusHelp);
}

/** `--quiet`, for every command that shows progress. */
export const quietOption = () => new Option('-q, --quiet', 'print no progress on stderr');

/** Prints a usage mistake found after parsing (a value out of range) and returns exit status 2. */
export function usageFailure(command: string, error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  console.error(`glowroom ${command}: ${error.message}\n(run \`glowroom ${command} --help\` for every option)`);
  return exitStatus.usage;
}

import { Command, CommanderError } from 'commander';
import { analyzeCommand } from './analyze-command';
import { exitStatus, exitStatusHelp } from './command-kit';
import { importCommand } from './import-command';
import { renderCommand } from './render-command';
import { searchCommand } from './search-command';

/**
 * `glowroom <command> …`. Each command's module defines its options here and imports the code
 * that does the work only when it runs, so `--help` loads next to nothing. An action sets
 * process.exitCode; a parse error or a help request ends in a CommanderError.
 */
const program = new Command('glowroom')
  .description('Glowroom: an offline DAW for bedroom producers.')
  .exitOverride()
  .showHelpAfterError('(run `glowroom --help` for the commands)')
  .addHelpText(
    'after',
    '\nThe library lives in the Glowroom data folder (GLOWROOM_HOME overrides it); --library names another library file.\n' +
      'Run `glowroom help <command>` or `glowroom <command> --help` for its options.\n' +
      exitStatusHelp,
  )
  .addCommand(analyzeCommand())
  .addCommand(importCommand())
  .addCommand(searchCommand())
  .addCommand(renderCommand());

try {
  if (process.argv.length <= 2) program.help();
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version';
  process.exitCode = helpShown ? exitStatus.ok : exitStatus.usage;
}

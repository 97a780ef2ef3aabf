import { analyzeCommand } from './analyze-command';
import { importCommand } from './import-command';
import { renderCommand } from './render-command';
import { searchCommand } from './search-command';
import { usage } from './usage';

/** Dispatches `glowroom <command> …`; each command returns its exit code. */
const commands: Record<string, (args: string[]) => Promise<number>> = {
  analyze: analyzeCommand,
  import: importCommand,
  render: renderCommand,
  search: searchCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`glowroom: unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  return command(rest);
}

process.exitCode = await main(process.argv.slice(2));

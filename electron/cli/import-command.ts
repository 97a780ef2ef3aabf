import type { Command } from 'commander';
import type { ImportProgress } from '../services/library/import';
import { exitStatus, glowroomCommand, quietOption, UsageError, usageFailure } from './command-kit';
import { progressLine, type ProgressLine } from './progress-line';
import { upgradeLine } from './upgrade-line';

interface ImportOptions {
  json?: boolean;
  library?: string;
  quiet?: boolean;
}

/**
 * `glowroom import <folder|zip>... [--json] [--library PATH] [--quiet]`: indexes sample folders in
 * place (a `.zip` pack, named or found in a folder, is first unpacked, once, into `Packs` beside the
 * library), with progress on stderr and a summary (indexed, skipped, moved, missing, decoder notes,
 * failed with reasons) on stdout. Ctrl-C stops the import and keeps what was finished. Exits 1 when
 * any file failed.
 */
export function importCommand(): Command {
  return glowroomCommand(
    'import',
    'Index sample folders in place (analysis in worker threads); unchanged files are skipped, moved ones followed, deleted ones flagged missing. Zips (named, or found in a folder) are unpacked once into Packs beside the library. Ctrl-C stops and keeps what was finished.',
  )
    .argument('[folder|zip...]', 'sample folders or .zip packs (at least one)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--library <file>', 'the library database file (default: library.sqlite3 in the Glowroom data folder)')
    .addOption(quietOption())
    .action(async (sources: string[], options: ImportOptions) => {
      process.exitCode = await runImport(sources, options);
    });
}

async function runImport(sources: string[], options: ImportOptions): Promise<number> {
  if (sources.length === 0) return usageFailure('import', new UsageError('name at least one folder or .zip of samples, e.g. `glowroom import ~/Samples/MyPack`.'));
  const [{ importFolders }, { toIpcError }, { openLibraryDatabase }, { packsDirFor }] = await Promise.all([
    import('../services/library/import'),
    import('../services/ipc-error'),
    import('../services/library/database'),
    import('../services/library/zip-packs'),
  ]);
  let db;
  const upgrade = upgradeLine(progressLine({ quiet: options.quiet === true }));
  try {
    db = openLibraryDatabase(options.library, undefined, upgrade.onStep);
    upgrade.done();
  } catch (error) {
    console.error(`glowroom import: ${toIpcError(error).message}`);
    return exitStatus.failed;
  }
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  const progress = progressLine({ quiet: options.quiet === true });
  try {
    const finishedPhases = new Set<ImportProgress['phase']>();
    const onProgress = (p: ImportProgress) => reportProgress(progress, p, finishedPhases);
    const result = await importFolders(db, sources, { signal: cancel.signal, onProgress, packsDir: packsDirFor(options.library) });
    progress.end();
    if (options.json) console.log(JSON.stringify({ ...result, searchableMs: Math.round(result.searchableMs), elapsedMs: Math.round(result.elapsedMs) }, null, 2));
    else {
      const seconds = result.elapsedMs / 1000;
      console.log(
        `${result.cancelled ? 'Cancelled' : 'Imported'} ${result.found} audio files in ${seconds.toFixed(1)} s: ${result.indexed} indexed, ${result.skipped} unchanged, ` +
          `${result.moved} moved, ${result.missing} now missing, ${result.failed.length} failed.`,
      );
      for (const { path: file, note } of result.notes) console.log(`  note:   ${file}\n          ${note}`);
      for (const failure of result.failed) console.log(`  failed: ${failure.path}\n          ${failure.reason}`);
    }
    return result.failed.length > 0 ? exitStatus.failed : exitStatus.ok;
  } finally {
    process.off('SIGINT', onInterrupt);
    db.close();
  }
}

/** Each phase's 100 % line is shown once: the pool may report a finished phase again (its rate moved). */
function reportProgress(line: ProgressLine, progress: ImportProgress, finishedPhases: Set<ImportProgress['phase']>): void {
  if (finishedPhases.has(progress.phase)) return;
  const final = progress.done === progress.total;
  if (final) finishedPhases.add(progress.phase);
  const eta = progress.etaSeconds === null || final ? '' : `  ETA ${progress.etaSeconds.toFixed(0)} s`;
  line.update(`${progress.phase === 'indexing' ? 'Indexing' : 'Analysing'}… ${progress.done}/${progress.total}  ${progress.filesPerSecond.toFixed(1)} files/s${eta}`, final);
}

import { parseArgs } from 'node:util';
import { importFolders, type ImportProgress } from '../services/library/import';
import { toIpcError } from '../services/ipc-error';
import { openLibraryDatabase } from '../services/library/database';
import { packsDirFor } from '../services/library/zip-packs';

/**
 * `glowroom import <folder|zip>... [--json] [--library PATH]`: indexes sample folders in place
 * (a `.zip` pack, named or found in a folder, is first unpacked, once, into `Packs` beside the library), with
 * progress on stderr and a summary (indexed, skipped, moved, missing, decoder notes, failed with reasons) on
 * stdout. Ctrl-C stops the import and keeps what was finished. Exits 1 when any file failed.
 */
export async function importCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, library: { type: 'string' } } });
  } catch (error) {
    console.error(`glowroom import: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error('glowroom import: name at least one folder or .zip of samples, e.g. `glowroom import ~/Samples/MyPack`.');
    return 2;
  }
  let db;
  try {
    db = openLibraryDatabase(parsed.values.library);
  } catch (error) {
    console.error(`glowroom import: ${toIpcError(error).message}`);
    return 1;
  }
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const result = await importFolders(db, parsed.positionals, { signal: cancel.signal, onProgress: reportProgress, packsDir: packsDirFor(parsed.values.library) });
    process.stderr.write('\n');
    if (parsed.values.json) console.log(JSON.stringify({ ...result, elapsedMs: Math.round(result.elapsedMs) }, null, 2));
    else {
      const seconds = result.elapsedMs / 1000;
      console.log(
        `${result.cancelled ? 'Cancelled' : 'Imported'} ${result.found} audio files in ${seconds.toFixed(1)} s: ${result.indexed} indexed, ${result.skipped} unchanged, ` +
          `${result.moved} moved, ${result.missing} now missing, ${result.failed.length} failed.`,
      );
      for (const { path: file, note } of result.notes) console.log(`  note:   ${file}\n          ${note}`);
      for (const failure of result.failed) console.log(`  failed: ${failure.path}\n          ${failure.reason}`);
    }
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onInterrupt);
    db.close();
  }
}

function reportProgress(progress: ImportProgress): void {
  const eta = progress.etaSeconds === null ? '' : `  ETA ${progress.etaSeconds.toFixed(0)} s`;
  process.stderr.write(`\rImporting… ${progress.done}/${progress.total}  ${progress.filesPerSecond.toFixed(1)} files/s${eta}   `);
}

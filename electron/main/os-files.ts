import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The `.glowroom` projects and `.glowroom.zip` bundles named on a command line (Windows and Linux
 * pass double-clicked files as arguments, also to a second instance), resolved against the
 * launcher's working folder; flags and files that do not exist are skipped. No `electron` here,
 * so it is testable in plain Node.
 */
export function documentsIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && /\.glowroom(\.zip)?$/i.test(arg))
    .map((arg) => path.resolve(cwd, arg))
    .filter((file) => existsSync(file));
}

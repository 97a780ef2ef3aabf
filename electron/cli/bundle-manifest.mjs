// The record that ties dist/cli/ to the sources it was built from, and the check the `glowroom`
// launcher runs at every start. Plain JavaScript so the launcher loads it without a compiler.
// sources.json lists every bundled input with its size, modification time and SHA-256: a file
// whose size and time match is taken as unchanged (a stat, no read); one whose time moved (a git
// checkout, a touch) is read and hashed, so only a real edit makes the bundle stale.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const manifestName = 'sources.json';

/** Writes `<outDir>/sources.json` for the inputs of an esbuild metafile (paths relative to root). */
export function writeManifest(root, outDir, inputs) {
  const files = {};
  for (const input of inputs) {
    const file = path.join(root, input);
    const { size, mtimeMs } = statSync(file);
    files[input] = { size, mtimeMs, sha256: hashOf(file) };
  }
  writeFileSync(path.join(outDir, manifestName), JSON.stringify({ files }) + '\n');
}

/** True when every source recorded in `<outDir>/sources.json` is as it was when the bundle was built. */
export function bundleIsCurrent(root, outDir) {
  let files;
  try {
    ({ files } = JSON.parse(readFileSync(path.join(outDir, manifestName), 'utf8')));
  } catch {
    return false;
  }
  for (const [input, recorded] of Object.entries(files)) {
    const file = path.join(root, input);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return false;
    }
    if (stat.size !== recorded.size) return false;
    if (stat.mtimeMs !== recorded.mtimeMs && hashOf(file) !== recorded.sha256) return false;
  }
  return true;
}

function hashOf(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

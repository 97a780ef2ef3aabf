import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript module (the launcher loads it without a compiler); typed by use here.
import { bundleIsCurrent, writeManifest } from '../../../electron/cli/bundle-manifest.mjs';
import { tempDir } from '../../support/temp-dir';

function builtTree() {
  const root = tempDir();
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src/b.ts'), 'export const b = 2;\n');
  writeManifest(root, path.join(root, 'dist'), ['src/a.ts', 'src/b.ts']);
  return root;
}

describe('the command-line bundle manifest', () => {
  it('is current while the sources are as they were built', () => {
    const root = builtTree();
    expect(bundleIsCurrent(root, path.join(root, 'dist'))).toBe(true);
  });

  it('stays current when only a time moved (a checkout), and goes stale on a real edit of the same size', () => {
    const root = builtTree();
    const file = path.join(root, 'src/b.ts');
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(bundleIsCurrent(root, path.join(root, 'dist'))).toBe(true);
    writeFileSync(file, 'export const b = 3;\n');
    expect(bundleIsCurrent(root, path.join(root, 'dist'))).toBe(false);
  });

  it('is stale when a source is gone, or there is no manifest', () => {
    const root = builtTree();
    rmSync(path.join(root, 'src/a.ts'));
    expect(bundleIsCurrent(root, path.join(root, 'dist'))).toBe(false);
    expect(bundleIsCurrent(root, path.join(root, 'elsewhere'))).toBe(false);
  });
});

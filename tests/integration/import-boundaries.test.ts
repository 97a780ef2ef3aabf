import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/temp-dir';

/** Writes a small tree laid out like the repo and runs the repo's boundary rules over it. */
function cruise(files: Record<string, string>) {
  const dir = tempDir();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  cpSync(path.join(repoRoot, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', path.join(repoRoot, '.dependency-cruiser.cjs'), 'src', 'electron', 'renderer'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { code: result.status, output: result.stdout + result.stderr };
}

const base = {
  'src/std/units.ts': 'export const one = 1;\n',
  'src/engine/engine.ts': "import { one } from '../std/units';\nexport const engine = one;\n",
  'electron/services/service.ts': "import { engine } from '../../src/engine/engine';\nexport const service = engine;\n",
  'renderer/ui/view.ts': "import { one } from '../../src/std/units';\nexport const view = one;\n",
  'renderer/ui/timeline/lane.ts': "import { view } from '../view';\nexport const lane = view;\n",
  'renderer/ui/timeline/index.ts': "export { lane } from './lane';\n",
  'renderer/ui/library/list.ts': "import { lane } from '../timeline';\nexport const list = lane;\n",
  'renderer/state/store.ts': "import { one } from '../../src/std/units';\nexport const store = one;\n",
};

describe('import boundaries of DESIGN.md', () => {
  it('passes a tree that follows the rules', () => {
    const { code, output } = cruise(base);
    expect(output).toContain('no dependency violations');
    expect(code).toBe(0);
  });

  it.each([
    ['src-no-node-builtins', { 'src/std/bad.ts': "import fs from 'node:fs';\nexport const bad = fs;\n" }],
    ['std-is-the-floor', { 'src/std/bad.ts': "import { engine } from '../engine/engine';\nexport const bad = engine;\n" }],
    ['src-is-pure', { 'src/engine/bad.ts': "import { service } from '../../electron/services/service';\nexport const bad = service;\n" }],
    ['renderer-never-node-side', { 'renderer/ui/bad.ts': "import { service } from '../../electron/services/service';\nexport const bad = service;\n" }],
    ['renderer-no-node-builtins', { 'renderer/ui/bad.ts': "import path from 'node:path';\nexport const bad = path;\n" }],
    ['only-main-and-preload-import-electron', { 'electron/services/bad.ts': "import { app } from 'electron';\nexport const bad = app;\n" }],
    ['state-never-ui', { 'renderer/state/bad.ts': "import { view } from '../ui/view';\nexport const bad = view;\n" }],
    ['ui-features-meet-at-their-root', { 'renderer/ui/library/bad.ts': "import { lane } from '../timeline/lane';\nexport const bad = lane;\n" }],
    ['worklets-audio-only', { 'renderer/worklets/bad.ts': "import { useState } from 'react';\nexport const bad = useState;\n" }],
  ])('fails on %s', (rule, extra) => {
    const { code, output } = cruise({ ...base, ...extra });
    expect(output).toContain(`error ${rule}:`);
    expect(code).not.toBe(0);
  });
});

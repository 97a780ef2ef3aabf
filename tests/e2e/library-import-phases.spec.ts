import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Page } from '@playwright/test';
import { startWebHostProcess, testUserHome } from '../support/web-host-process';
import { chooseInFileBrowser, expect, repoRoot, samplePack, test } from './fixtures';

/** Copies of each sound: enough that the analysis outlasts the checks made while it runs, even on an idle machine. */
const copies = 30;

/** A pack big enough that its analysis lasts a while, in `folder`: the sample pack's longer sounds, 30 copies each. */
function makeBigPack(folder: string): string {
  const pack = path.join(folder, 'Big Pack');
  for (const folder of ['Loops', 'Atmos']) {
    for (const name of readdirSync(path.join(samplePack, folder))) {
      for (let copy = 1; copy <= copies; copy++) {
        const into = path.join(pack, folder, `Take ${copy}`);
        mkdirSync(into, { recursive: true });
        copyFileSync(path.join(samplePack, folder, name), path.join(into, name));
      }
    }
  }
  return pack;
}

test('an import lists its files at once, searchable while they are analysed, with progress and Cancel', async ({ app, tempDir }) => {
  // Two imports of 270 files, one analysed in full, on a shared machine.
  test.setTimeout(240_000);
  // A web host of its own with an empty library: the count checks need one, and the 270 copies
  // would otherwise stay in the library every later test searches.
  const home = path.join(tempDir, 'home');
  mkdirSync(home);
  mkdirSync(testUserHome(home));
  const host = await startWebHostProcess(home, path.join(repoRoot, 'dist/renderer'));
  await app.goto(host.url);
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  try {
    await importTwice(app, makeBigPack(tempDir));
  } finally {
    // Stopped before the test's folder (its data folder and user home) is removed.
    host.child.kill('SIGTERM');
    if (host.child.exitCode === null) await once(host.child, 'exit');
  }
});

async function importTwice(app: Page, pack: string): Promise<void> {
  const files = copies * 9;
  await app.getByRole('button', { name: 'Import folder…' }).click();
  await chooseInFileBrowser(app, 'Import a folder of samples', pack, 'Import');

  // Listed: every file is in the list and searchable before its analysis is done.
  const progress = app.locator('.job-progress-detail');
  await expect(progress).toContainText(new RegExp(`Analysing \\d+ of ${files} files…`), { timeout: 30_000 });
  // The list is virtual: its count line says how many match.
  const count = app.locator('.sample-list-count');
  await expect(count).toHaveText(new RegExp(`^${files} samples`));
  await expect(app.locator('.sample-thumbnail.is-pending').first()).toHaveText('analysing…');
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('garzul');
  await expect(count).toHaveText(new RegExp(`^${copies} samples`));
  await app.locator('.library').screenshot({ path: 'test-results/screens/library-import-analysing.png' });

  // Cancel stops the analysis; what was listed stays, searchable.
  await app.getByRole('button', { name: 'Cancel import' }).click();
  await expect(app.getByRole('contentinfo')).toContainText(/Import cancelled: \d+ new.*analysed at the next start or import/, { timeout: 30_000 });
  await expect(progress).toBeHidden();
  await expect(count).toHaveText(new RegExp(`^${copies} samples`));
  await expect(app.locator('.sample-thumbnail.is-pending').first()).toHaveText('waiting');
  await app.locator('.library').screenshot({ path: 'test-results/screens/library-import-cancelled.png' });

  // Importing again analyses what was left waiting.
  await app.getByRole('button', { name: 'Import folder…' }).click();
  await chooseInFileBrowser(app, 'Import a folder of samples', pack, 'Import');
  await expect(app.getByRole('contentinfo')).toContainText(new RegExp(`Imported: 0 new, ${files} already in the library`), { timeout: 120_000 });
  await expect(app.locator('.sample-thumbnail.is-pending')).toHaveCount(0);
  await expect(count).toHaveText(new RegExp(`^${copies} samples`));
  await app.locator('.library').screenshot({ path: 'test-results/screens/library-import-analysed.png' });
}

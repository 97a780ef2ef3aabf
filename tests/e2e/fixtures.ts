import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const samplePack = path.resolve(repoRoot, '../shared/fixtures/sample-pack');
/** Where specs write the screenshots they take: test-results/screens in the checkout (ignored by git), never /tmp. */
export const screens = path.join(repoRoot, 'test-results/screens');

/**
 * `app`: a page on the running web host that fails its test on any console error or page error.
 * `tempDir`: a fresh folder under the system's temp folder for the test's own files (projects
 * saved, files written or copied, another web host's data folder), removed with all it holds when
 * the test ends, passed or failed: a spec never calls mkdtemp itself.
 */
export const test = base.extend<{ app: Page; tempDir: string }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  tempDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-e2e-test-'));
    try {
      await use(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  app: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const url = process.env['GLOWROOM_URL'];
    if (!url) throw new Error('GLOWROOM_URL is not set: run the e2e tests through playwright.config.ts.');
    // Each test starts as after a clean exit: work an earlier test left in recovery (large edits
    // write it at once) would otherwise greet this one with the Recover dialog.
    clearRecovery();
    // …and as a returning user: the first-run panel has its own test (onboarding.spec.ts).
    setFirstRun(false);
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Chooses an item of the top bar's File ▾ menu (Open…, Save As…, bundles, MIDI files). */
export async function fileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item, exact: true }).click();
}

/**
 * Opens a project file as a user does: File ▸ Open… (or Ctrl+O with `via` 'keys'), its full path
 * typed into the file browser's Location, Open; waits until the browser has closed.
 */
export async function openProject(page: Page, file: string, via: 'menu' | 'keys' = 'menu'): Promise<void> {
  if (via === 'keys') await page.keyboard.press('Control+o');
  else await fileMenu(page, 'Open…');
  await chooseInFileBrowser(page, 'Open project', file, 'Open');
}

/** Removes the recovery folder of the shared data folder the web host uses. */
export function clearRecovery(): void {
  const home = process.env['GLOWROOM_HOME'];
  if (home) rmSync(path.join(home, 'recovery'), { recursive: true, force: true });
}

/** Makes the next start a first run (the Getting started panel shows) or not. */
export function setFirstRun(first: boolean): void {
  const home = process.env['GLOWROOM_HOME'];
  if (!home) return;
  const settings = path.join(home, 'settings.json');
  if (first) rmSync(settings, { force: true });
  else writeFileSync(settings, JSON.stringify({ gettingStartedDismissed: true }));
}

/**
 * Picks `target` in the in-page file browser titled `title` (the web host's file dialog): types
 * its full path into Location and presses the dialog's `action` button, as a user may.
 */
export async function chooseInFileBrowser(page: Page, title: string, target: string, action: string): Promise<void> {
  const browser = page.getByRole('dialog', { name: title });
  await browser.getByRole('textbox', { name: 'Location' }).fill(target);
  await browser.getByRole('button', { name: action, exact: true }).click();
  await expect(browser).toBeHidden();
}

/** Imports a folder through the library panel (Import folder…, picked in the file browser) and waits for the summary. */
export async function importFolder(page: Page, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Import folder…' }).click();
  await chooseInFileBrowser(page, 'Import a folder of samples', folder, 'Import');
  // Failures (the pack's _broken/ folder) turn the summary into an alert, so read the status bar.
  // Analysing the pack takes ~5 s on a quiet machine and over 30 s with a tenth of a core.
  await expect(page.getByRole('contentinfo')).toContainText(/Imported: \d+ new/, { timeout: 90_000 });
}

/** Finds one sample in the library panel and double-clicks it onto a new track; returns its clip (labelled by the file name). */
export async function addSampleFromLibrary(page: Page, query: string, fileName: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Search samples' }).fill(query);
  await page.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: new RegExp(fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).dblclick();
  const clip = page.getByLabel(`Clip ${fileName}`);
  await expect(clip.first()).toBeVisible();
  return clip;
}

/**
 * Watches `element` for a state that may last only moments (a count-in's class or label), from
 * when this returns: the function it returns resolves once the element has had the class
 * `className` or the text `text`, and rejects if it has not within 30 s. Start watching before the
 * action that brings the state and await the seen function after: a check made after the action
 * could come when the state is already gone on a loaded machine.
 */
export async function watchForState(element: Locator, state: { readonly className?: string; readonly text?: string }): Promise<() => Promise<void>> {
  const watch = await element.evaluateHandle(
    (target, wanted) => ({
      seen: new Promise<void>((resolve, reject) => {
        const holds = () => (wanted.className !== undefined && target.classList.contains(wanted.className)) || (wanted.text !== undefined && (target.textContent ?? '').includes(wanted.text));
        if (holds()) return resolve();
        const observer = new MutationObserver(() => {
          if (!holds()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(target, { attributes: true, childList: true, characterData: true, subtree: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`never saw ${JSON.stringify(wanted)}`));
        }, 30_000);
      }),
    }),
    state,
  );
  return async () => {
    await watch.evaluate((w) => w.seen);
    await watch.dispose();
  };
}

/** The master peak-hold readout in dBFS: the highest sample the worklet has output since play. */
export async function masterPeakHold(page: Page): Promise<number> {
  const name = (await page.getByRole('button', { name: /^Master peak hold/ }).getAttribute('aria-label')) ?? '';
  const match = /hold (−?[\d.]+) dBFS/.exec(name);
  if (!match?.[1]) throw new Error(`No level in the peak-hold label "${name}"`);
  return Number(match[1].replace('−', '-'));
}

/** Waits until the peak-hold readout has held steady for a while: the sound has played out. */
export async function settledPeakHold(page: Page): Promise<number> {
  let previous = NaN;
  await expect
    .poll(async () => {
      const now = await masterPeakHold(page);
      const steady = now === previous && now > -120;
      previous = now;
      return steady;
    }, { intervals: [300] })
    .toBe(true);
  return previous;
}

/**
 * The loudest master meter reading (dBFS) seen on animation frames over `ms` milliseconds,
 * read from the meter's accessible value, which the worklet's shared status buffer feeds.
 */
export async function loudestMeterReading(page: Page, ms: number): Promise<number> {
  return page.getByRole('meter', { name: 'Master level' }).evaluate(
    (meter, duration) =>
      new Promise<number>((resolve) => {
        let loudest = -Infinity;
        const start = performance.now();
        const tick = () => {
          loudest = Math.max(loudest, Number(meter.getAttribute('aria-valuenow')));
          if (performance.now() - start < duration) requestAnimationFrame(tick);
          else resolve(loudest);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseInFileBrowser, expect, importFolder, screens, setFirstRun, test } from './fixtures';

test('the first run shows Getting started; closed, it stays closed after a reload; Help brings it back', async ({ app }) => {
  setFirstRun(true);
  await app.reload();
  const panel = app.getByRole('region', { name: 'Getting started' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Import a pack.');
  await expect(panel).toContainText('Drag a sound in.');
  await expect(panel).toContainText('Press Space');
  await expect(panel).toContainText('press ?');
  // Nothing is hidden under it: the timeline starts below it.
  const panelBox = await panel.boundingBox();
  const timelineBox = await app.getByRole('region', { name: 'Timeline' }).boundingBox();
  expect(timelineBox!.y).toBeGreaterThanOrEqual(panelBox!.y + panelBox!.height);
  await app.screenshot({ path: `${screens}/getting-started.png` });

  // The demo pack is one click away when it is present (it is next to the checkout).
  await panel.getByRole('button', { name: 'Import the demo pack' }).click();
  await expect(app.getByRole('contentinfo')).toContainText(/Imported: \d+ new/, { timeout: 30_000 });

  await panel.getByRole('button', { name: 'Got it' }).click();
  await expect(panel).toHaveCount(0);
  await app.reload();
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(panel).toHaveCount(0);

  await app.getByRole('button', { name: 'Help ▾' }).click();
  const menu = app.getByRole('menu', { name: 'Help' });
  await expect(menu).toContainText(/Glowroom \d+\.\d+\.\d+ · Web host/);
  await expect(menu.getByRole('menuitem')).toHaveText(['Getting Started', 'Keyboard Shortcuts ?', 'Guide', 'Open Demo Song']);
  await app.screenshot({ path: `${screens}/help-menu.png` });
  await menu.getByRole('menuitem', { name: 'Getting Started' }).click();
  await expect(panel).toBeVisible();
  await expect(menu).toHaveCount(0);

  await app.getByRole('button', { name: 'Help ▾' }).click();
  await menu.getByRole('menuitem', { name: 'Guide' }).click();
  const guide = app.getByRole('dialog', { name: 'Glowroom guide' });
  await expect(guide).toContainText('Unsaved work is kept every 30 seconds');
  await app.screenshot({ path: `${screens}/guide.png` });
  await guide.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: 'Help ▾' }).click();
  await menu.getByRole('menuitem', { name: /Keyboard Shortcuts/ }).click();
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('a long import failure list opens fully from the status bar', async ({ app }) => {
  // Seven files no decoder can use, with names long enough that one line could never hold them.
  const names = Array.from({ length: 7 }, (_, i) => `take ${i + 1} of the late night vocal session, bounced twice.wav`);
  const folder = path.join(process.env['GLOWROOM_HOME'] ?? '', 'not-audio-pack');
  mkdirSync(folder, { recursive: true });
  for (const name of names) writeFileSync(path.join(folder, name), 'these bytes are a note, not audio');
  await importFolder(app, folder);
  const status = app.getByRole('contentinfo');
  await expect(status.getByRole('alert')).toHaveText('Imported: 0 new, 0 already in the library. Could not use 7 files.', { timeout: 30_000 });
  const more = status.getByRole('button', { name: 'Show all 7' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  const details = app.getByRole('region', { name: 'Message details' });
  const items = details.getByRole('listitem');
  await expect(items).toHaveCount(7);
  for (const name of names) await expect(details).toContainText(`${name}: `);
  // Every line is shown whole, none cut off.
  for (const item of await items.all()) expect(await item.evaluate((li) => li.scrollWidth <= li.clientWidth)).toBe(true);
  await app.screenshot({ path: `${screens}/status-list.png` });
  await app.keyboard.press('Escape');
  await expect(details).toHaveCount(0);

  // A single message too long for the bar opens the same way: a damaged project with a long name.
  const longName = `Night drive ${'(final mix, second master, louder) '.repeat(5).trim()}.glowroom`;
  const damaged = path.join(folder, longName);
  writeFileSync(damaged, '{ "format": "glowroom", "version": 3, "name": ');
  await app.keyboard.press('Control+o');
  await chooseInFileBrowser(app, 'Open project', damaged, 'Open');
  await expect(status.getByRole('alert')).toContainText('is not valid JSON');
  await status.getByRole('button', { name: 'More' }).click();
  await expect(details).toContainText(`${longName} is not valid JSON (line 1, column 47): The text ends inside an object; the file may be truncated`);
});

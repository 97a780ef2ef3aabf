import path from 'node:path';
import { addSampleFromLibrary, expect, importFolder, openProject, samplePack, screens, test } from './fixtures';

const home = () => process.env['GLOWROOM_HOME'] ?? '';

test('New and Open with unsaved changes ask Save / Don’t Save / Cancel in the app’s own dialog', async ({ app }) => {
  const browserDialogs: string[] = [];
  app.on('dialog', (dialog) => {
    browserDialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'bd_klub', 'bd_klub_48k.wav');
  await expect(app.getByLabel('Project name')).toContainText('•');

  // Cancel keeps the work.
  await app.keyboard.press('Control+n');
  const ask = app.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('Save changes to “Untitled”?');
  await expect(ask).toContainText('before starting a new project');
  await app.screenshot({ path: `${screens}/unsaved-changes.png` });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(1);
  await expect(app.getByLabel('Project name')).toContainText('•');
  // Escape is Cancel too.
  await app.keyboard.press('Control+n');
  await expect(ask).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(1);

  // Save: an untitled project asks where, saves, then starts the new one.
  const file = path.join(home(), 'Asked before new.glowroom');
  await app.keyboard.press('Control+n');
  await ask.getByRole('button', { name: 'Save', exact: true }).click();
  const saveAs = app.getByRole('dialog', { name: 'Save project as' });
  await saveAs.getByRole('textbox', { name: 'Location' }).fill(file);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(0);
  await expect(app.getByLabel('Project name')).toHaveText('Untitled');

  // Don't Save lets the changes go and opens the other project.
  await addSampleFromLibrary(app, 'sn_generic', 'sn_generic.flac');
  await openProject(app, file, 'keys');
  await expect(ask).toContainText('before opening another project');
  await ask.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(app.getByLabel('Project name')).toHaveText('Asked before new');
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(1);
  await expect(app.getByLabel('Clip sn_generic.flac')).toHaveCount(0);
  expect(browserDialogs).toEqual([]);
});

test('the grid, zoom, scroll and open mixer of a project come back when it is opened again after a reload', async ({ app }) => {
  await importFolder(app, samplePack);
  const clip = await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const grid = app.getByRole('combobox', { name: 'Snap to grid' });
  await grid.selectOption('1/16');
  for (let i = 0; i < 3; i += 1) await app.getByRole('button', { name: 'Zoom in' }).click();
  const width = (await clip.boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThan(800);
  const scroller = app.locator('.timeline-scroll');
  await scroller.evaluate((element) => (element.scrollLeft = 300));
  await app.keyboard.press('F9');
  await expect(app.getByRole('region', { name: 'Mixer' })).toBeVisible();
  const file = path.join(home(), 'Zoomed in.glowroom');
  await app.keyboard.press('Control+Shift+s');
  const saveAs = app.getByRole('dialog', { name: 'Save project as' });
  await saveAs.getByRole('textbox', { name: 'Location' }).fill(file);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByLabel('Project name')).toHaveText('Zoomed in');
  // A view change after the save is remembered too (it is not part of the project).
  await scroller.evaluate((element) => (element.scrollLeft = 420));
  await app.waitForTimeout(800);

  await app.reload();
  await expect(grid).toHaveValue('beat');
  await expect(app.getByRole('region', { name: 'Mixer' })).toHaveCount(0);
  await openProject(app, file, 'keys');
  await expect(app.getByLabel('Project name')).toHaveText('Zoomed in');
  await expect(grid).toHaveValue('1/16');
  await expect.poll(async () => Math.round((await clip.boundingBox())?.width ?? 0)).toBe(Math.round(width));
  await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBe(420);
  await expect(app.getByRole('region', { name: 'Mixer' })).toBeVisible();

  // A new project starts at the left, with the grid and zoom as they were.
  await app.keyboard.press('Control+n');
  await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBe(0);
});

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEmptyProject } from '../../src/model/new-project';
import { serializeProject } from '../../src/model/parse-project';
import { testUserHome } from '../support/web-host-process';
import { addSampleFromLibrary, expect, fileMenu, importFolder, samplePack, test } from './fixtures';

const userHome = () => testUserHome(process.env['GLOWROOM_HOME'] ?? '');

test('the in-page file browser opens a project: folders and projects only, arrows, Enter, Backspace and double-click', async ({ app }) => {
  const beats = path.join(userHome(), 'Music', 'Beats');
  mkdirSync(path.join(beats, 'Old'), { recursive: true });
  const file = path.join(beats, 'Night drive.glowroom');
  writeFileSync(file, serializeProject({ ...createEmptyProject('Night drive'), tempo: 87 }));
  writeFileSync(path.join(beats, 'notes.txt'), 'not a project');

  await fileMenu(app, 'Open…');
  const browser = app.getByRole('dialog', { name: 'Open project' });
  await expect(browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Music' })).toBeVisible();
  await browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Music' }).click();
  await expect(browser.getByRole('textbox', { name: 'Location' })).toHaveValue(path.join(userHome(), 'Music'));
  const files = browser.getByRole('listbox', { name: 'Files' });
  await expect(files.getByRole('option')).toHaveText([/Beats/]);

  // Keyboard: down to Beats, Enter opens it; its folder and its project are listed, the text file is not.
  await files.focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(browser.getByRole('textbox', { name: 'Location' })).toHaveValue(beats);
  await expect(files.getByRole('option')).toHaveText([/Old/, /Night drive\.glowroom/]);
  await expect(browser.getByRole('button', { name: 'Open', exact: true })).toBeDisabled();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(files.getByRole('option', { name: /Night drive/ })).toHaveAttribute('aria-selected', 'true');
  await app.screenshot({ path: 'test-results/screens/file-browser-open.png' });
  // Backspace goes up, with the folder it came from selected.
  await app.keyboard.press('Backspace');
  await expect(browser.getByRole('textbox', { name: 'Location' })).toHaveValue(path.join(userHome(), 'Music'));
  await expect(files.getByRole('option', { name: /Beats/ })).toHaveAttribute('aria-selected', 'true');

  // Double-clicks, as on the desktop: into the folder, then on the project.
  await files.getByRole('option', { name: /Beats/ }).dblclick();
  await files.getByRole('option', { name: /Night drive/ }).dblclick();
  await expect(browser).toBeHidden();
  await expect(app.getByRole('contentinfo')).toContainText(`Opened ${file}`);
  await expect(app.getByLabel('Project name')).toHaveText('Night drive');
  await expect(app.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '87 BPM');

  // The project is now a recent file, offered beside the places next time.
  await fileMenu(app, 'Open…');
  await expect(browser.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Night drive.glowroom' })).toBeVisible();
  await browser.getByRole('button', { name: 'Cancel' }).click();
  await expect(browser).toBeHidden();
});

test('an untitled export goes to ~/Music/Glowroom/Exports, shown in full before, and every written file is listed after', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const exports = path.join(userHome(), 'Music', 'Glowroom', 'Exports');

  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  const destination = dialog.getByRole('group', { name: 'Export destination' });
  await expect(dialog.getByRole('textbox', { name: 'Export file path' })).toHaveValue(path.join(exports, 'Untitled.wav'));
  await expect(destination).toContainText(`Writes ${path.join(exports, 'Untitled.wav')}`);
  // A bare name goes into the default folder, never the host's working folder.
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill('hook.wav');
  await expect(destination).toContainText(`Writes ${path.join(exports, 'hook.wav')}`);
  await expect(destination).toContainText(`A name without a folder goes into ${exports}.`);
  await dialog.getByRole('checkbox', { name: 'Also stems, one file per track' }).check();
  await expect(destination).toContainText(`Stems into ${path.join(exports, 'Untitled stems')}`);
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('off');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 16-bit');
  await app.screenshot({ path: 'test-results/screens/export-destination.png' });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  const written = dialog.getByRole('region', { name: 'Written files' });
  await expect(written).toBeVisible({ timeout: 60_000 });
  const mix = path.join(exports, 'hook.wav');
  const stem = path.join(exports, 'Untitled stems', 'Untitled - garzul_120bpm_Cmin_96k.wav');
  await expect(written.getByRole('listitem')).toHaveText([`Mix${mix}`, `Stem${stem}`]);
  // A browser tab cannot open the file manager, so it offers no "Show in folder".
  await expect(written.getByRole('button')).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screens/export-written.png' });
  expect(existsSync(mix)).toBe(true);
  expect(existsSync(stem)).toBe(true);
  expect(existsSync(path.join('/', 'Untitled stems'))).toBe(false);
});

import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/codecs/wav-writer';
import { addSourceClip } from '../../src/model/edits/source-edits';
import { createEmptyProject } from '../../src/model/new-project';
import { serializeProject } from '../../src/model/parse-project';
import type { Project } from '../../src/model/project-schema';
import { loadProjectFile, renderProject } from '../../electron/services/render/render-project';
import { chooseInFileBrowser, clearRecovery, expect, importFolder, openProject, samplePack, test } from './fixtures';

const frameOf = (beats: number, tempo: number) => Math.round(((beats * 60) / tempo) * 48_000);

test('a moved clip is saved where it was dropped and renders exactly that much later', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('bd_klub');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /bd_klub_48k/ }).dblclick();
  const clip = app.getByLabel('Clip bd_klub_48k.wav');
  const box = await clip.boundingBox();
  if (!box) throw new Error('clip not laid out');
  // Drag the body (the middle: the edges trim) 5 beats right (28 px per beat), onto the grid.
  const grabX = box.x + box.width / 2;
  await app.mouse.move(grabX, box.y + 30);
  await app.mouse.down();
  await app.mouse.move(grabX + 5 * 28 + 6, box.y + 30, { steps: 6 });
  await app.mouse.up();
  await expect(app.getByLabel('Project name')).toContainText('•');

  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'moved kick.glowroom');
  await app.keyboard.press('Control+s');
  const dialog = app.getByRole('dialog', { name: 'Save project as' });
  await dialog.getByRole('textbox', { name: 'Location' }).fill(file);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('contentinfo')).toContainText(`Saved ${file}`);
  await expect(app.getByLabel('Project name')).not.toContainText('•');
  expect(await app.title()).toBe('moved kick — Glowroom');
  await expect(app.getByLabel('Project name')).toHaveText('moved kick');

  const saved = JSON.parse(readFileSync(file, 'utf8')) as Project;
  expect(saved.tracks[0]?.clips[0]?.start).toBe(5);
  const rendered = await renderProject(await loadProjectFile(file));
  const firstSound = rendered.channels[0].findIndex((x) => x !== 0);
  expect(firstSound).toBeGreaterThanOrEqual(frameOf(5, 120));
  // The kick starts within its first few samples; nothing sounds before the moved position.
  expect(firstSound - frameOf(5, 120)).toBeLessThan(8);
  expect(rendered.channels[0].subarray(0, frameOf(5, 120)).every((x) => x === 0)).toBe(true);

  // Save As with a new full path typed: the name box still holds the saved file's name, which
  // exists in the folder shown, but the typed path is the target, so nothing is replaced.
  await app.keyboard.press('Control+Shift+S');
  const saveAs = app.getByRole('dialog', { name: 'Save project as' });
  await expect(saveAs.getByRole('button', { name: 'Replace' })).toBeVisible();
  const copy = path.join(process.env['GLOWROOM_HOME'] ?? '', 'moved kick copy.glowroom');
  await saveAs.getByRole('textbox', { name: 'Location' }).fill(copy);
  await expect(saveAs.getByText('already exists')).toHaveCount(0);
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByRole('contentinfo')).toContainText(`Saved ${copy}`);
  expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));

  // Open it again from the recent list after starting fresh.
  await app.keyboard.press('Control+n');
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(0);
  await app.keyboard.press('Control+o');
  const open = app.getByRole('dialog', { name: 'Open project' });
  await open.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'moved kick.glowroom' }).click();
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(1);
  await app.screenshot({ path: 'test-results/screens/project-saved.png' });
});

test('unsaved work survives a crash: the next start offers Recover, and Discard discards', async ({ page }) => {
  clearRecovery();
  await page.clock.install();
  const url = process.env['GLOWROOM_URL'] ?? '';
  await page.goto(url);
  const tempo = page.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('141');
  await tempo.press('Enter');
  await page.clock.fastForward(31_000);
  // The "crash": the page goes away without saving, and a new one starts.
  await page.goto('about:blank');
  await page.goto(url);
  const dialog = page.getByRole('dialog', { name: 'Recover unsaved work' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/recovery.png' });
  await dialog.getByRole('button', { name: 'Recover' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '141 BPM');
  await expect(page.getByLabel('Project name')).toContainText('•');

  await page.goto('about:blank');
  await page.goto(url);
  await page.getByRole('dialog', { name: 'Recover unsaved work' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '120 BPM');
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Recover unsaved work' })).toHaveCount(0);
});

test('opening a project whose audio moved lists it, plays on silently, and relinks from a folder', async ({ app }) => {
  const home = process.env['GLOWROOM_HOME'] ?? '';
  const before = path.join(home, 'relink', 'before');
  const after = path.join(home, 'relink', 'after', 'deeper');
  mkdirSync(before, { recursive: true });
  mkdirSync(after, { recursive: true });
  const tone = Float32Array.from({ length: 4800 }, (_, i) => 0.3 * Math.sin(i / 5));
  writeFileSync(path.join(before, 'moved_tone.wav'), encodeWav({ sampleRate: 48_000, channels: [tone] }, { bitDepth: 16 }));
  const project = addSourceClip(createEmptyProject('Relink'), { path: path.join(before, 'moved_tone.wav'), name: 'moved_tone.wav', durationSeconds: 0.1 }, 0, null).project;
  const file = path.join(home, 'relink', 'relink.glowroom');
  writeFileSync(file, serializeProject(project));
  renameSync(path.join(before, 'moved_tone.wav'), path.join(after, 'moved_tone.wav'));

  await openProject(app, file);
  const dialog = app.getByRole('dialog', { name: 'Missing audio' });
  await expect(dialog).toContainText('moved_tone.wav');
  await expect(app.getByLabel('Clip moved_tone.wav (missing audio)')).toHaveCount(1);
  await app.screenshot({ path: 'test-results/screens/missing-audio.png' });
  await dialog.getByRole('button', { name: 'Search folder…' }).click();
  await chooseInFileBrowser(app, 'Search a folder for the missing audio', path.join(home, 'relink', 'after'), 'Search');
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel('Clip moved_tone.wav (missing audio)')).toHaveCount(0);
  await expect(app.getByLabel('Clip moved_tone.wav')).toHaveCount(1);
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Relink Audio');
  // The source had no hash (written before Glowroom read the file); relinking stores the found file's.
  await app.keyboard.press('Control+s');
  await expect(app.getByLabel('Project name')).not.toContainText('•');
  const hash = createHash('sha256').update(readFileSync(path.join(after, 'moved_tone.wav'))).digest('hex');
  expect((JSON.parse(readFileSync(file, 'utf8')) as Project).sources['s1']).toEqual({ path: 'after/deeper/moved_tone.wav', sha256: hash });
});

test('audio moved and renamed into the library is found by its content and relinked in one click', async ({ app }) => {
  const home = process.env['GLOWROOM_HOME'] ?? '';
  const session = path.join(home, 'by-content', 'session');
  const pack = path.join(home, 'by-content', 'Vocal pack');
  mkdirSync(session, { recursive: true });
  mkdirSync(path.join(pack, 'Old'), { recursive: true });
  mkdirSync(path.join(pack, 'Takes'), { recursive: true });
  const wav = (hz: number) => encodeWav({ sampleRate: 48_000, channels: [Float32Array.from({ length: 9600 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / 48_000))] }, { bitDepth: 16 });
  writeFileSync(path.join(session, 'hook_vox.wav'), wav(440));
  await importFolder(app, session);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('hook_vox');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /hook_vox/ }).dblclick();
  await expect(app.getByLabel('Clip hook_vox.wav')).toHaveCount(1);

  const file = path.join(home, 'by-content', 'hook.glowroom');
  await app.keyboard.press('Control+s');
  const saveAs = app.getByRole('dialog', { name: 'Save project as' });
  await saveAs.getByRole('textbox', { name: 'Location' }).fill(file);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('contentinfo')).toContainText(`Saved ${file}`);
  const hash = createHash('sha256').update(readFileSync(path.join(session, 'hook_vox.wav'))).digest('hex');
  expect((JSON.parse(readFileSync(file, 'utf8')) as Project).sources['s1']).toEqual({ path: 'session/hook_vox.wav', sha256: hash });

  // Moved and renamed into a pack, beside a different file that took its old name.
  const moved = path.join(pack, 'Takes', 'vox take 3 (final).wav');
  renameSync(path.join(session, 'hook_vox.wav'), moved);
  writeFileSync(path.join(pack, 'Old', 'hook_vox.wav'), wav(660));
  await importFolder(app, pack);

  await app.keyboard.press('Control+n');
  await openProject(app, file);
  const dialog = app.getByRole('dialog', { name: 'Missing audio' });
  await expect(dialog.getByRole('combobox', { name: 'New path for hook_vox.wav' })).toHaveValue(moved);
  await expect(dialog.getByRole('listitem')).toContainText('Same content');
  await expect(app.getByLabel('Clip hook_vox.wav (missing audio)')).toHaveCount(1);
  await app.screenshot({ path: 'test-results/screens/missing-audio-by-content.png' });

  await dialog.getByRole('button', { name: 'Relink 1 found by content' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel(/\(missing audio\)$/)).toHaveCount(0);
  await expect(app.getByLabel('Clip vox take 3 (final).wav')).toHaveCount(1);
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Relink Audio');
  await app.keyboard.press('Control+s');
  await expect(app.getByLabel('Project name')).not.toContainText('•');
  expect((JSON.parse(readFileSync(file, 'utf8')) as Project).sources['s1']).toEqual({ path: 'Vocal pack/Takes/vox take 3 (final).wav', sha256: hash });

  // Undoing the relink points the clip at the missing file again: marked again, and the dialog offers it again.
  await app.getByRole('button', { name: 'Undo Relink Audio' }).click();
  await expect(app.getByLabel('Clip hook_vox.wav (missing audio)')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Relink 1 found by content' })).toBeVisible();
});

test('closing the missing-audio dialog keeps the clips silent and marked', async ({ app }) => {
  const home = process.env['GLOWROOM_HOME'] ?? '';
  const project = addSourceClip(createEmptyProject('Gone'), { path: path.join(home, 'gone', 'never_there.wav'), name: 'never_there.wav', durationSeconds: 0.5 }, 0, null).project;
  const file = path.join(home, 'gone.glowroom');
  writeFileSync(file, serializeProject(project));
  await openProject(app, file);
  const dialog = app.getByRole('dialog', { name: 'Missing audio' });
  await expect(dialog.getByRole('listitem')).toContainText('Not in the library');
  await dialog.getByRole('button', { name: 'Keep them silent' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel('Clip never_there.wav (missing audio)')).toHaveCount(1);
});

test('a folder search shows its progress and can be cancelled: nothing is relinked and the dialog stays', async ({ app }) => {
  const home = process.env['GLOWROOM_HOME'] ?? '';
  const takes = path.join(home, 'slow-search', 'Takes');
  mkdirSync(takes, { recursive: true });
  // Sparse files: no disk used, yet each takes a while to hash, so the search is still running when Cancel is clicked.
  for (let i = 0; i < 300; i++) {
    const fd = openSync(path.join(takes, `take_${String(i).padStart(3, '0')}.wav`), 'w');
    ftruncateSync(fd, 20 * 2 ** 20);
    closeSync(fd);
  }
  const source = { path: path.join(home, 'slow-search', 'lost_take.wav'), name: 'lost_take.wav', durationSeconds: 0.5, sha256: 'e'.repeat(64) };
  const file = path.join(home, 'slow-search', 'slow.glowroom');
  writeFileSync(file, serializeProject(addSourceClip(createEmptyProject('Slow'), source, 0, null).project));

  await openProject(app, file);
  const dialog = app.getByRole('dialog', { name: 'Missing audio' });
  await dialog.getByRole('button', { name: 'Search folder…' }).click();
  await chooseInFileBrowser(app, 'Search a folder for the missing audio', takes, 'Search');
  await expect(dialog.getByRole('progressbar', { name: 'Search progress' })).toHaveAttribute('aria-valuetext', /^[1-9]\d* of 300 files$/);
  await app.screenshot({ path: 'test-results/screens/missing-audio-searching.png' });
  await dialog.getByRole('button', { name: 'Cancel search' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Search cancelled: nothing was relinked.');
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Search folder…' })).toBeEnabled();
  await expect(app.getByLabel('Clip lost_take.wav (missing audio)')).toHaveCount(1);
  await expect(app.getByRole('button', { name: /^Undo/ })).toBeDisabled();
});

test('a large edit goes to recovery at once, without waiting for the autosave timer', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('garzul');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /garzul/ }).dblclick();
  await app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav').dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await editor.getByRole('button', { name: 'Chop every 1/16 note' }).click();
  await expect(app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav')).toHaveCount(64);

  // Crash right away: the chop into 64 clips must already be in the recovery folder.
  await app.goto('about:blank');
  await app.goto(process.env['GLOWROOM_URL'] ?? '');
  const dialog = app.getByRole('dialog', { name: 'Recover unsaved work' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Recover' }).click();
  await expect(app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav')).toHaveCount(64);

  // Leave no recovery behind for the tests that follow.
  await app.goto('about:blank');
  await app.goto(process.env['GLOWROOM_URL'] ?? '');
  await app.getByRole('dialog', { name: 'Recover unsaved work' }).getByRole('button', { name: 'Discard' }).click();
});

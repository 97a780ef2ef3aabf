import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { encodeWav } from '../../src/codecs/wav-writer';
import { addSourceClip } from '../../src/model/edits/source-edits';
import { createEmptyProject } from '../../src/model/new-project';
import { serializeProject } from '../../src/model/parse-project';
import type { Project } from '../../src/model/project-schema';
import { buildZip } from '../integration/projects/support/raw-zip';
import { chooseInFileBrowser, expect, fileMenu, openProject, test } from './fixtures';

const home = () => process.env['GLOWROOM_HOME'] ?? '';

/** A project in `<home>/<name>/` whose one clip plays a generated tone kept outside that folder. */
function projectUsingOutsideWav(name: string): string {
  const samples = path.join(home(), `${name} samples`);
  const folder = path.join(home(), name);
  mkdirSync(samples, { recursive: true });
  mkdirSync(folder, { recursive: true });
  const tone = Float32Array.from({ length: 4800 }, (_, i) => 0.3 * Math.sin(i / 5));
  const wav = path.join(samples, 'tone.wav');
  writeFileSync(wav, encodeWav({ sampleRate: 48_000, channels: [tone] }, { bitDepth: 16 }));
  const project = addSourceClip(createEmptyProject(name), { path: wav, name: 'tone.wav', durationSeconds: 0.1 }, 0, null).project;
  const file = path.join(folder, `${name}.glowroom`);
  writeFileSync(file, serializeProject(project));
  return file;
}

async function openToneProject(app: Page, file: string): Promise<void> {
  await openProject(app, file);
  await expect(app.getByLabel('Clip tone.wav')).toHaveCount(1);
}

async function setTempo(app: Page, bpm: number): Promise<void> {
  const tempo = app.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill(String(bpm));
  await tempo.press('Enter');
  await expect(app.getByLabel('Project name')).toContainText('•');
}

test('a bundle carries the project and its outside audio to another folder', async ({ app }) => {
  const file = projectUsingOutsideWav('Bundled');
  await openToneProject(app, file);
  await setTempo(app, 97);
  await app.keyboard.press('Control+s');
  await expect(app.getByLabel('Project name')).not.toContainText('•');

  await fileMenu(app, 'Export Bundle…');
  const exporting = app.getByRole('dialog', { name: 'Export bundle' });
  const zip = path.join(home(), 'Bundled', 'Bundled.glowroom.zip');
  await expect(exporting.getByRole('textbox', { name: 'Location' })).toHaveValue(path.dirname(zip));
  await expect(exporting.getByRole('textbox', { name: 'File name' })).toHaveValue(path.basename(zip));
  await exporting.getByRole('button', { name: 'Export' }).click();
  await expect(exporting).toBeHidden();
  await expect(app.getByRole('contentinfo')).toContainText(`Exported the bundle ${zip}`);

  await app.keyboard.press('Control+n');
  await expect(app.getByLabel('Clip tone.wav')).toHaveCount(0);
  const into = path.join(home(), 'collaborator');
  mkdirSync(into, { recursive: true });
  await fileMenu(app, 'Open Bundle…');
  await chooseInFileBrowser(app, 'Open bundle', zip, 'Open');
  const unpacking = app.getByRole('dialog', { name: 'Unpack the bundle into' });
  await unpacking.getByRole('textbox', { name: 'Location' }).fill(into);
  await app.screenshot({ path: 'test-results/screens/open-bundle.png' });
  await unpacking.getByRole('button', { name: 'Unpack here' }).click();
  await expect(unpacking).toBeHidden();

  const unpacked = path.join(into, 'Bundled', 'Bundled.glowroom');
  await expect(app.getByRole('contentinfo')).toContainText(`Unpacked and opened ${unpacked}`);
  await expect(app.getByLabel('Clip tone.wav')).toHaveCount(1);
  await expect(app.getByLabel('Clip tone.wav (missing audio)')).toHaveCount(0);
  await expect(app.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '97 BPM');
  await expect(app.getByLabel('Project name')).toHaveText('Bundled');
  const saved = JSON.parse(readFileSync(unpacked, 'utf8')) as Project;
  expect(Object.values(saved.sources).map((s) => s.path)).toEqual(['Audio/tone.wav']);
  expect(existsSync(path.join(into, 'Bundled', 'Audio', 'tone.wav'))).toBe(true);
  await app.screenshot({ path: 'test-results/screens/bundle-opened.png' });
});

test('a hostile bundle is refused with the reason shown and nothing written', async ({ app }) => {
  const zip = path.join(home(), 'hostile.glowroom.zip');
  const project = serializeProject(createEmptyProject('Hostile'));
  writeFileSync(zip, buildZip([{ name: 'Hostile.glowroom', data: Buffer.from(project) }, { name: '../evil.wav', data: Buffer.from('not audio') }]));
  const into = path.join(home(), 'hostile target');
  mkdirSync(into, { recursive: true });

  await fileMenu(app, 'Open Bundle…');
  await chooseInFileBrowser(app, 'Open bundle', zip, 'Open');
  await chooseInFileBrowser(app, 'Unpack the bundle into', into, 'Unpack here');
  await expect(app.getByRole('contentinfo')).toContainText('../evil.wav');
  await app.screenshot({ path: 'test-results/screens/hostile-bundle.png' });
  expect(readdirSync(into)).toEqual([]);
  expect(existsSync(path.join(home(), 'evil.wav'))).toBe(false);
});

test('Collect and Save saves unsaved changes first, then copies the audio into Audio/', async ({ app }) => {
  const file = projectUsingOutsideWav('Collected');
  await openToneProject(app, file);
  await setTempo(app, 101);
  await fileMenu(app, 'Collect and Save');
  await expect(app.getByRole('contentinfo')).toContainText('Collected 1 audio file(s) into Audio/');
  await expect(app.getByLabel('Project name')).not.toContainText('•');
  await expect(app.getByLabel('Clip tone.wav')).toHaveCount(1);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Project;
  expect(saved.tempo).toBe(101);
  expect(Object.values(saved.sources).map((s) => s.path)).toEqual(['Audio/tone.wav']);
  expect(existsSync(path.join(path.dirname(file), 'Audio', 'tone.wav'))).toBe(true);
});

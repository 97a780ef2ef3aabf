import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/codecs/wav-writer';
import { setPadSample } from '../../src/model/beats/pad-edits';
import { addInstrumentTrack } from '../../src/model/edits/instrument-track-edits';
import { createEmptyProject } from '../../src/model/new-project';
import { serializeProject } from '../../src/model/parse-project';
import { expect, openProject, screens, test } from './fixtures';

test('a drum pad whose sample moved is in the Missing audio list, marked on its pad, and relinked from there', async ({ app }) => {
  const home = process.env['GLOWROOM_HOME'] ?? '';
  const kit = path.join(home, 'missing-kit', 'Kit');
  const moved = path.join(home, 'missing-kit', 'Moved kit');
  mkdirSync(kit, { recursive: true });
  const thump = Float32Array.from({ length: 9600 }, (_, i) => 0.8 * Math.exp(-i / 2000) * Math.sin((2 * Math.PI * 55 * i) / 48_000));
  writeFileSync(path.join(kit, 'kick.wav'), encodeWav({ sampleRate: 48_000, channels: [thump] }, { bitDepth: 16 }));
  const drums = addInstrumentTrack(createEmptyProject('Missing kick'), 'drums');
  const project = setPadSample(drums.project, drums.trackId, 0, { path: path.join(kit, 'kick.wav') });
  const file = path.join(home, 'missing-kit', 'missing kick.glowroom');
  writeFileSync(file, serializeProject(project));
  renameSync(kit, moved);

  await openProject(app, file);
  const dialog = app.getByRole('dialog', { name: 'Missing audio' });
  await expect(dialog).toContainText('kick.wav');
  await expect(dialog).toContainText('pad 1 “kick” on Drums 1');
  await app.screenshot({ path: `${screens}/beats/missing-kit-sample.png` });
  await dialog.getByRole('button', { name: 'Keep them silent' }).click();
  await expect(dialog).toBeHidden();

  // Kept silent: the pad says its sample is missing.
  await app.getByRole('option', { name: 'Clip Drums 1' }).dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  await editor.getByRole('tab', { name: 'Pads' }).click();
  await expect(editor.getByRole('button', { name: 'Pad 1 kick (missing sample)' })).toBeVisible();
  await app.screenshot({ path: `${screens}/beats/missing-pad.png` });

  // Reopened, the list comes back; a typed path relinks the pad, one undo step.
  await openProject(app, file);
  await dialog.getByRole('combobox', { name: 'New path for kick.wav' }).fill(path.join(moved, 'kick.wav'));
  await dialog.getByRole('button', { name: 'Relink kick.wav' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Relink Audio');
  await app.getByRole('option', { name: 'Clip Drums 1' }).dblclick();
  await editor.getByRole('tab', { name: 'Pads' }).click();
  await expect(editor.getByRole('button', { name: 'Pad 1 kick', exact: true })).toBeVisible();
  // The relinked pad sounds: clicked, the master meter moves.
  await editor.getByRole('button', { name: 'Pad 1 kick', exact: true }).click();
  const master = app.getByRole('meter', { name: 'Master level' });
  await expect.poll(async () => Number(await master.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-40);
});

import { addSampleFromLibrary, expect, importFolder, samplePack, test } from './fixtures';

test('track colour and height, markers, clip mute, gain knob, fades, name and split at the mouse: each one undo step', async ({ app }) => {
  await importFolder(app, samplePack);
  const clip = await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const undo = app.getByRole('button', { name: /^Undo/ });
  const trackName = 'garzul_120bpm_Cmin_96k';

  // Colour: the swatch opens the palette; the choice is one step.
  await app.getByRole('button', { name: `Colour of ${trackName}` }).click();
  await app.getByRole('group', { name: `Colours for ${trackName}` }).getByRole('button', { name: '#5aa9ff' }).click();
  await expect(undo).toHaveAccessibleName('Undo Change Track Colour');
  await expect(app.getByRole('button', { name: `Colour of ${trackName}` })).toHaveCSS('background-color', 'rgb(90, 169, 255)');

  // Height: arrow keys on the header's bottom edge, and a drag; the clip grows with the lane.
  const height = app.getByRole('separator', { name: `Height of ${trackName}` });
  const before = await clip.boundingBox();
  await height.focus();
  await app.keyboard.press('ArrowDown');
  await expect(height).toHaveAttribute('aria-valuenow', '80');
  const edge = await height.boundingBox();
  if (!edge || !before) throw new Error('not laid out');
  await app.mouse.move(edge.x + 40, edge.y + edge.height / 2);
  await app.mouse.down();
  await app.mouse.move(edge.x + 40, edge.y + edge.height / 2 + 40, { steps: 4 });
  await app.mouse.up();
  await expect(height).toHaveAttribute('aria-valuenow', '120');
  await expect(undo).toHaveAccessibleName('Undo Change Track Height');
  expect(Math.round(((await clip.boundingBox())?.height ?? 0) - before.height)).toBe(48);

  // Markers: M at the playhead, double-click on the ruler at bar 3; drag one bar; rename; delete.
  await app.getByRole('group', { name: 'Ruler' }).click({ position: { x: 2, y: 6 } });
  await app.keyboard.press('m');
  await expect(app.getByRole('button', { name: 'Marker Marker 1' })).toBeVisible();
  await app.getByRole('group', { name: 'Ruler' }).dblclick({ position: { x: 8 * 28 + 3, y: 6 } });
  const second = app.getByRole('button', { name: 'Marker Marker 2' });
  await expect(second).toBeVisible();
  const flag = await second.boundingBox();
  const ruler = await app.getByRole('group', { name: 'Ruler' }).boundingBox();
  if (!flag || !ruler) throw new Error('not laid out');
  expect(Math.round(flag.x - ruler.x)).toBe(8 * 28);
  await app.mouse.move(flag.x + 4, flag.y + 5);
  await app.mouse.down();
  await app.mouse.move(flag.x + 4 + 4 * 28, flag.y + 5, { steps: 5 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Marker');
  expect(Math.round(((await second.boundingBox())?.x ?? 0) - ruler.x)).toBe(12 * 28);
  await second.dblclick();
  await app.getByRole('textbox', { name: 'Marker name' }).fill('Drop');
  await app.getByRole('textbox', { name: 'Marker name' }).press('Enter');
  await expect(undo).toHaveAccessibleName('Undo Rename Marker');
  const drop = app.getByRole('button', { name: 'Marker Drop' });
  await drop.focus();
  await app.keyboard.press('Delete');
  await expect(drop).toHaveCount(0);
  await expect(undo).toHaveAccessibleName('Undo Delete Marker');

  // Clip mute with 0.
  await clip.click({ position: { x: 100, y: 50 } });
  await app.keyboard.press('0');
  await expect(undo).toHaveAccessibleName('Undo Mute Clip');
  await expect(clip).toHaveAttribute('title', /muted/);

  // Gain knob: centred on the clip; up is louder.
  const box = await clip.boundingBox();
  if (!box) throw new Error('not laid out');
  await app.mouse.move(box.x + box.width / 2, box.y + 40);
  const knobY = box.y + 5 + (12 / 48) * (box.height - 10);
  await app.mouse.move(box.x + box.width / 2, knobY);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width / 2, knobY - 20, { steps: 4 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Change Clip Gain');
  await app.screenshot({ path: 'test-results/screens/tracks-markers.png' });

  // Fade-in square (top left): in by a beat (500 ms at 120 BPM), then back out by half a beat.
  await app.mouse.move(box.x + 2, box.y + 3);
  await app.mouse.down();
  await app.mouse.move(box.x + 2 + 28, box.y + 3, { steps: 4 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Fade Clip');
  await app.mouse.move(box.x + 28, box.y + 3);
  await app.mouse.down();
  await app.mouse.move(box.x + 14, box.y + 3, { steps: 4 });
  await app.mouse.up();

  // Name in the editor; the gain the knob set shows there too.
  await clip.dblclick({ position: { x: 100, y: 50 } });
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await expect(editor.getByRole('slider', { name: 'Clip gain' })).toHaveAttribute('aria-valuetext', /^\+\d+\.\d dB$/);
  await expect(editor.getByRole('checkbox', { name: 'Mute' })).toBeChecked();
  await expect(editor.getByLabel('Fade in (ms)')).toHaveValue('250');
  await editor.getByRole('textbox', { name: 'Clip name' }).fill('Main loop');
  await editor.getByRole('textbox', { name: 'Clip name' }).press('Enter');
  await expect(editor.getByRole('heading', { name: 'Main loop' })).toBeVisible();
  await editor.getByRole('button', { name: 'Close editor' }).click();
  await expect(app.getByLabel('Clip Main loop')).toHaveCount(1);
  await expect(undo).toHaveAccessibleName('Undo Rename Clip');

  // Shift+S splits the clip under the mouse at the beat under it (snapped): bar 3 here.
  const whole = await app.getByLabel('Clip Main loop').boundingBox();
  if (!whole) throw new Error('not laid out');
  await app.mouse.move(whole.x + 8 * 28 + 6, whole.y + whole.height - 10);
  await app.keyboard.press('Shift+S');
  await expect(undo).toHaveAccessibleName('Undo Split Clip');
  const pieces = app.getByLabel('Clip Main loop');
  await expect(pieces).toHaveCount(2);
  expect(Math.round((await pieces.first().boundingBox())?.width ?? 0)).toBe(8 * 28);
});

import { addSampleFromLibrary, expect, importFolder, samplePack, screens, test } from './fixtures';

test('automation rows under the track: open, add a lane, click points in on the grid, drag, select, copy, paste, curve, delete — each one undo step', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const trackName = 'garzul_120bpm_Cmin_96k';
  const undo = app.getByRole('button', { name: /^Undo/ });

  const arrow = app.getByRole('button', { name: `Automation lanes of ${trackName}` });
  await arrow.click();
  await expect(arrow).toHaveAttribute('aria-expanded', 'true');
  const picker = app.getByRole('combobox', { name: `Add automation lane to ${trackName}` });
  await picker.selectOption({ label: 'Volume' });
  const lane = app.getByRole('group', { name: `Volume automation of ${trackName}` });
  const box = await lane.boundingBox();
  if (!box) throw new Error('not laid out');
  const points = lane.getByRole('button', { name: /^Point at beat/ });

  // Click adds a point, on the beat grid (28 px a beat): near beat 1 at the top, beat 4 low, beat 8 in the middle.
  await lane.click({ position: { x: 30, y: 4 } });
  await expect(undo).toHaveAccessibleName('Undo Add Automation Point');
  await lane.click({ position: { x: 4 * 28 + 5, y: box.height - 10 } });
  await lane.click({ position: { x: 8 * 28 - 3, y: box.height / 2 } });
  await expect(points).toHaveCount(3);
  await expect(points.nth(0)).toHaveAccessibleName(/^Point at beat 1\.00: 24\.0 dB, Linear/);
  await expect(points.nth(1)).toHaveAccessibleName(/^Point at beat 4\.00/);

  // Drag the middle point two beats right: it lands on beat 6.
  const middle = await points.nth(1).boundingBox();
  if (!middle) throw new Error('no point');
  await app.mouse.move(middle.x + middle.width / 2, middle.y + middle.height / 2);
  await app.mouse.down();
  await app.mouse.move(middle.x + middle.width / 2 + 2 * 28 + 3, middle.y + middle.height / 2, { steps: 5 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Automation Point');
  await expect(points.nth(1)).toHaveAccessibleName(/^Point at beat 6\.00/);

  // Curve from the point's menu.
  await points.nth(1).click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Hold (step)' }).click();
  await expect(undo).toHaveAccessibleName('Undo Change Automation Curve');
  await expect(points.nth(1)).toHaveAccessibleName(/Hold \(step\)$/);

  // Rubber band over the first two, copy, paste at beat 12 (click there first: the paste position).
  await app.mouse.move(box.x + 2, box.y + 1);
  await app.mouse.down();
  await app.mouse.move(box.x + 7 * 28, box.y + box.height - 1, { steps: 6 });
  await app.mouse.up();
  await expect(lane.locator('.automation-point.is-selected')).toHaveCount(2);
  await app.keyboard.press('Control+c');
  await lane.click({ position: { x: 12 * 28, y: box.height / 2 } });
  await expect(points).toHaveCount(4);
  await app.keyboard.press('Control+v');
  await expect(undo).toHaveAccessibleName('Undo Paste 2 Automation Points');
  await expect(points).toHaveCount(5);
  await app.screenshot({ path: `${screens}/automation-lane.png` });

  // Delete the pasted pair; undo brings them back.
  await app.keyboard.press('Delete');
  await expect(undo).toHaveAccessibleName('Undo Delete 2 Automation Points');
  await expect(points).toHaveCount(3);
  await undo.click();
  await expect(points).toHaveCount(5);

  // The row names its parameter and reads its value at the playhead (beat 0: the first point's 24 dB).
  const row = app.getByRole('group', { name: `Automation lanes of ${trackName}` });
  await expect(row.getByLabel('Volume value')).toHaveText('24.0 dB');
  await expect(picker.locator('option', { hasText: 'Volume' })).toHaveCount(0);
  await expect(arrow).toContainText('1');
  // Closing the rows hides the lane, opening shows it again (the automated parameter has its row).
  await arrow.click();
  await expect(lane).toHaveCount(0);
  await arrow.click();
  await expect(points).toHaveCount(5);
  // Remove: the lane and its points go, one undo step.
  await app.getByRole('button', { name: `Remove Volume automation of ${trackName}` }).click();
  await expect(undo).toHaveAccessibleName('Undo Remove Automation');
  await expect(lane).toHaveCount(0);
  await undo.click();
  await expect(points).toHaveCount(5);
});

test('Touch mode: riding the volume knob while playing writes its lane in one undo step; duplicated clips take their automation along unless switched off', async ({ app }) => {
  await importFolder(app, samplePack);
  const clip = await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const trackName = 'garzul_120bpm_Cmin_96k';
  const undo = app.getByRole('button', { name: /^Undo/ });
  // The mode is the track's own, on its header, and the mixer strip shows the same.
  const mode = app.getByRole('region', { name: 'Timeline' }).getByRole('combobox', { name: `Automation mode of ${trackName}` });
  await mode.selectOption('touch');
  await expect(mode).toHaveClass(/is-writing/);

  const knob = app.getByRole('region', { name: 'Timeline' }).getByRole('slider', { name: `Volume of ${trackName}` });
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  await app.waitForTimeout(600);
  const box = await knob.boundingBox();
  if (!box) throw new Error('no knob');
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  for (let step = 1; step <= 30; step++) {
    await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + step * 2);
    await app.waitForTimeout(30);
  }
  await app.mouse.up();
  await app.waitForTimeout(300);
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(undo).toHaveAccessibleName('Undo Write Automation');
  // The knob's static value did not change: the ride went into the lane.
  await expect(knob).toHaveAttribute('aria-valuetext', '0.0 dB');

  const arrow = app.getByRole('button', { name: `Automation lanes of ${trackName}` });
  await arrow.click();
  const lane = app.getByRole('group', { name: `Volume automation of ${trackName}` });
  const points = lane.getByRole('button', { name: /^Point at beat/ });
  const written = await points.count();
  // Not a flood of two points per move: at most one per value the ride sent. How many thinning
  // keeps depends on when each move reached the engine (on a loaded machine the ride's beat
  // spacing is uneven, and the shape keeps more points), so the thinning itself is measured in
  // automation-write.test.ts, on values with known spacing.
  expect(written).toBeGreaterThanOrEqual(3);
  expect(written).toBeLessThanOrEqual(30);
  await mode.selectOption('read');

  // Duplicate the clip (Ctrl+D): the lane under it is copied after it.
  await clip.first().click();
  await app.keyboard.press('Control+d');
  await expect(undo).toHaveAccessibleName('Undo Duplicate Clip');
  await expect.poll(() => points.count()).toBeGreaterThan(written);
  const carried = await points.count();
  await undo.click();
  await expect(points).toHaveCount(written);
  // Switched off, the automation stays where it is.
  const follows = app.getByRole('button', { name: 'Move automation with clips' });
  await expect(follows).toHaveAttribute('aria-pressed', 'true');
  await follows.click();
  await clip.first().click();
  await app.keyboard.press('Control+d');
  await expect(undo).toHaveAccessibleName('Undo Duplicate Clip');
  await expect(points).toHaveCount(written);
  expect(carried).toBeGreaterThan(written);
  await follows.click();
  await app.screenshot({ path: `${screens}/mix/automation-written.png` });
});

test('Latch on the master strip: riding the master fader while playing writes the master its own lane, and the let-go fader holds the latched value until Stop', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const trackName = 'garzul_120bpm_Cmin_96k';
  const undo = app.getByRole('button', { name: /^Undo/ });
  const timeline = app.getByRole('region', { name: 'Timeline' });
  const trackMode = timeline.getByRole('combobox', { name: `Automation mode of ${trackName}` });
  await expect(trackMode).toHaveValue('read');
  await trackMode.selectOption('write');
  await timeline.locator('.track-header[data-track-id]').first().screenshot({ path: `${screens}/mix/track-header-automation-mode.png` });
  await trackMode.selectOption('read');

  await app.locator('body').press('F9');
  const master = app.getByRole('region', { name: 'Mixer' }).getByRole('region', { name: 'Master channel' });
  const masterMode = master.getByRole('combobox', { name: 'Automation mode of Master' });
  await masterMode.selectOption('latch');
  // The track's own mode is untouched: the mode is per channel.
  await expect(app.getByRole('region', { name: 'Mixer' }).getByRole('combobox', { name: `Automation mode of ${trackName}` })).toHaveValue('read');
  await master.screenshot({ path: `${screens}/mix/master-strip-latch.png` });

  const fader = master.getByRole('slider', { name: 'Volume of Master' });
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  await app.waitForTimeout(600);
  const box = await fader.boundingBox();
  if (!box) throw new Error('no fader');
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  for (let step = 1; step <= 15; step++) {
    await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + step * 4);
    await app.waitForTimeout(30);
  }
  await app.mouse.up();
  const latched = await fader.getAttribute('aria-valuetext');
  expect(latched).not.toBe('0.0 dB');
  // Let go in Latch, the fader keeps showing what is being written (it used to fall back to the old value).
  for (let frame = 0; frame < 10; frame++) {
    await app.waitForTimeout(50);
    await expect(fader).toHaveAttribute('aria-valuetext', latched ?? '');
  }
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(undo).toHaveAccessibleName('Undo Write Automation');
  await undo.click();
  await expect(fader).toHaveAttribute('aria-valuetext', '0.0 dB');
});

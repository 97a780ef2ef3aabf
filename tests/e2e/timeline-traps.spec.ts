import type { Locator, Page } from '@playwright/test';
import { headerWidth } from '../../renderer/ui/timeline/geometry';
import { addSampleFromLibrary, expect, importFolder, samplePack, screens, test } from './fixtures';

/** The default zoom. */
const pixelsPerBeat = 28;

/** Where each clip starts in the lane, in beats at the default zoom (to a thousandth). */
async function startBeats(lane: Locator, clips: Locator): Promise<number[]> {
  const laneBox = await lane.boundingBox();
  if (!laneBox) throw new Error('lane not laid out');
  const boxes = await clips.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().x));
  return boxes.map((x) => Math.round(((x - laneBox.x) / pixelsPerBeat) * 1000) / 1000);
}

/** Loops from the library follow the song's tempo by default; these tests are about clips that play at their own speed. */
async function placeLoopsUnwarped(app: Page): Promise<void> {
  await app.getByRole('checkbox', { name: 'Warp loops to the project tempo' }).uncheck();
}

async function setTempo(app: Page, bpm: number): Promise<void> {
  const tempo = app.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill(String(bpm));
  await tempo.press('Enter');
  await expect(tempo).toHaveAttribute('aria-valuetext', `${bpm} BPM`);
}

test('Ctrl+D puts the copy on the next grid line after the selection, not where the audio runs out', async ({ app }) => {
  await importFolder(app, samplePack);
  await placeLoopsUnwarped(app);
  // A kick of 0.369 s: 0.74 beats at 120 BPM.
  const kicks = await addSampleFromLibrary(app, 'bd_klub', 'bd_klub_48k.wav');
  const lane = app.getByRole('listbox', { name: 'Track bd_klub_48k' });
  await kicks.first().click();
  await app.keyboard.press('Control+d');
  await app.keyboard.press('Control+d');
  await expect(kicks).toHaveCount(3);
  // On the default beat grid the copies stay on the beat.
  expect(await startBeats(lane, kicks)).toEqual([0, 1, 2]);

  // The amen break (1.753 s = 3.51 beats) on beat 12: the selection then spans four bars but
  // the audio ends at beat 15.51. On the bar grid the copy of all of it starts on bar 5.
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('amen');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /amen_break/ }).dragTo(lane, { targetPosition: { x: 12 * pixelsPerBeat + 3, y: 30 } });
  const amen = lane.getByLabel('Clip amen_break_137bpm.wav');
  await expect(amen).toHaveCount(1);
  await app.getByRole('combobox', { name: 'Snap to grid' }).selectOption('bar');
  await app.keyboard.press('Control+a');
  await app.keyboard.press('Control+d');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Duplicate 4 Clips');
  expect(await startBeats(lane, kicks)).toEqual([0, 1, 2, 16, 17, 18]);
  expect(await startBeats(lane, amen)).toEqual([12, 28]);
  await app.screenshot({ path: `${screens}/duplicate-on-grid.png` });
});

test('Fit shows the whole song whatever the zoom and scroll were; the playhead never crosses the track headers', async ({ app }) => {
  await importFolder(app, samplePack);
  // 8 s at 120 BPM: 16 beats.
  const clip = await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const scroller = app.locator('.timeline-scroll');
  const playhead = app.locator('.playhead');

  // The playhead on beat 8, then the view scrolled so that beat 8 would sit under the headers.
  await app.getByRole('group', { name: 'Ruler' }).click({ position: { x: 8 * pixelsPerBeat + 2, y: 10 } });
  await expect(playhead).toBeVisible();
  await scroller.evaluate((element, x) => (element.scrollLeft = x), 8 * pixelsPerBeat + 60);
  await expect(playhead).toBeHidden();
  await app.screenshot({ path: `${screens}/playhead-scrolled.png` });
  await scroller.evaluate((element) => (element.scrollLeft = 0));
  await expect(playhead).toBeVisible();

  // Zoomed far in and scrolled far right, Fit brings back all 16 beats from the start.
  for (let i = 0; i < 5; i++) await app.getByRole('button', { name: 'Zoom in' }).click();
  await scroller.evaluate((element) => (element.scrollLeft = element.scrollWidth));
  await app.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBe(0);
  const view = await scroller.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, right: box.left + element.clientWidth };
  });
  const lanesLeft = view.left + headerWidth;
  await expect.poll(async () => (await clip.boundingBox())?.width ?? 0).toBeGreaterThan((view.right - lanesLeft) * 0.9);
  const box = await clip.boundingBox();
  if (!box) throw new Error('clip not laid out');
  expect(box.x).toBeGreaterThanOrEqual(lanesLeft - 0.5);
  expect(box.x + box.width).toBeLessThanOrEqual(view.right);
  await app.screenshot({ path: `${screens}/after-fit.png` });
});

test('a tempo change keeps a clip playing all of its audio, and one undo restores both', async ({ app }) => {
  await importFolder(app, samplePack);
  await placeLoopsUnwarped(app);
  // The amen break lasts 1.753 s: 3.51 beats at 120 BPM, 7.01 at 240.
  const clip = await addSampleFromLibrary(app, 'amen', 'amen_break_137bpm.wav');
  const before = await clip.boundingBox();
  expect(Math.round(before?.width ?? 0)).toBe(Math.round(1.753311 * 2 * pixelsPerBeat));

  await setTempo(app, 240);
  const undo = app.getByRole('button', { name: /^Undo/ });
  await expect(undo).toHaveAccessibleName('Undo Set Tempo');
  expect(Math.round((await clip.boundingBox())?.width ?? 0)).toBe(Math.round(1.753311 * 4 * pixelsPerBeat));
  await clip.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await expect(editor).toContainText('Clip 0.000 s–1.753 s of 1.753 s');
  await app.screenshot({ path: `${screens}/tempo-240.png` });
  await editor.getByRole('button', { name: 'Close editor' }).click();

  await undo.click();
  await expect(app.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '120 BPM');
  expect(await clip.boundingBox()).toEqual(before);
});

test('a clip dropped over another trims it by default, or lies over it visibly when layering is on (kept for next time)', async ({ app }) => {
  await importFolder(app, samplePack);
  await placeLoopsUnwarped(app);
  const garzul = await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const lane = app.getByRole('listbox', { name: 'Track garzul_120bpm_Cmin_96k' });
  const amen = lane.getByLabel('Clip amen_break_137bpm.wav');
  const canvas = app.locator('canvas.arrangement-canvas');
  const layer = app.getByRole('button', { name: 'Layer overlapping clips' });
  const dropAmenAt = async (beat: number) => {
    await app.getByRole('searchbox', { name: 'Search samples' }).fill('amen');
    await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /amen_break/ }).dragTo(lane, { targetPosition: { x: beat * pixelsPerBeat + 3, y: 40 } });
    await expect(amen).toHaveCount(1);
  };

  // Trim (as Ableton): the loop [0, 16) is cut around the break [4, 7.51).
  await expect(layer).toHaveAttribute('aria-pressed', 'false');
  await dropAmenAt(4);
  await expect(garzul).toHaveCount(2);
  const [first, rest] = await startBeats(lane, garzul);
  expect(first).toBe(0);
  expect(rest).toBeCloseTo(4 + 1.753311 * 2, 1);
  await expect(canvas).toHaveAttribute('data-overlaps', '0');
  await app.screenshot({ path: `${screens}/overlap-trim.png` });
  await app.getByRole('button', { name: /^Undo/ }).click();
  await expect(garzul).toHaveCount(1);
  await expect(amen).toHaveCount(0);

  // Layer (as FL Studio): both stay; the break lies over the loop one layer down, the covered part is hatched.
  await layer.click();
  await expect(layer).toHaveAttribute('aria-pressed', 'true');
  await dropAmenAt(4);
  await expect(garzul).toHaveCount(1);
  await expect(amen).toHaveAttribute('data-layer', '1');
  await expect(garzul).toHaveAttribute('data-layer', '0');
  await expect(canvas).toHaveAttribute('data-overlaps', '1');
  const loopBox = await garzul.boundingBox();
  const breakBox = await amen.boundingBox();
  expect((breakBox?.y ?? 0) - (loopBox?.y ?? 0)).toBe(10);
  await app.screenshot({ path: `${screens}/overlap-layer.png` });

  // The strip above the break still grabs the loop underneath.
  await app.mouse.click((breakBox?.x ?? 0) + 40, (loopBox?.y ?? 0) + 3);
  await expect(garzul).toHaveAttribute('aria-selected', 'true');
  await expect(amen).toHaveAttribute('aria-selected', 'false');

  // The choice is kept for the next session.
  const next = await app.context().newPage();
  await next.goto(app.url());
  await expect(next.getByRole('button', { name: 'Layer overlapping clips' })).toHaveAttribute('aria-pressed', 'true');
  await next.close();
});

test('small clips: the middle moves them, their edges still trim', async ({ app }) => {
  await importFolder(app, samplePack);
  // A kick of 0.369 s is 20.7 px at the default zoom: 6 px trim zones, body between.
  const kick = await addSampleFromLibrary(app, 'bd_klub', 'bd_klub_48k.wav');
  const box = await kick.boundingBox();
  if (!box) throw new Error('clip not laid out');
  await app.getByRole('combobox', { name: 'Snap to grid' }).selectOption('off');
  const undo = app.getByRole('button', { name: /^Undo/ });
  const drag = async (fromX: number, dx: number) => {
    await app.mouse.move(fromX, box.y + box.height / 2);
    await app.mouse.down();
    await app.mouse.move(fromX + dx, box.y + box.height / 2, { steps: 5 });
    await app.mouse.up();
  };
  await drag(box.x + box.width / 2, 2 * pixelsPerBeat);
  await expect(undo).toHaveAccessibleName('Undo Move Clip');
  const moved = await kick.boundingBox();
  expect(Math.round((moved?.x ?? 0) - box.x)).toBe(2 * pixelsPerBeat);
  await drag((moved?.x ?? 0) + (moved?.width ?? 0) - 2, -8);
  await expect(undo).toHaveAccessibleName('Undo Trim Clip');
  expect(Math.round((await kick.boundingBox())?.width ?? 0)).toBe(Math.round(box.width - 8));
  await kick.hover();
  await app.screenshot({ path: `${screens}/small-clip.png` });
});

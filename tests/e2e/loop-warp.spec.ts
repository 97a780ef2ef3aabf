import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/codecs/wav-writer';
import { Engine } from '../../src/engine/engine';
import { blockFrames, packSample, type PreviewWarp } from '../../src/protocol/engine';
import { expect, importFolder, test } from './fixtures';

const rate = 48_000;
/** Timeline pixels per beat at the default zoom. */
const pixelsPerBeat = 28;

/** Writes the test's sounds: a one-bar 137 BPM drum loop (a click per beat), a 3 s sine "pad loop" with no pulse, so no tempo, and a 1 s one-shot. */
function writeLoops(): string {
  const folder = path.join(process.env['GLOWROOM_HOME'] ?? '', 'warp-loops');
  mkdirSync(folder, { recursive: true });
  const beat = Math.round((60 / 137) * rate);
  const drums = new Float32Array(beat * 4);
  for (let b = 0; b < 4; b++) for (let i = 0; i < 400; i++) drums[b * beat + i] = 0.8 * Math.exp(-i / 80) * (i % 2 === 0 ? 1 : -1);
  writeFileSync(path.join(folder, 'drum_loop_137bpm.wav'), encodeWav({ sampleRate: rate, channels: [drums, drums] }, { bitDepth: 32, float: true }));
  const pad = Float32Array.from({ length: rate * 3 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / rate));
  writeFileSync(path.join(folder, 'pad_sine_loop.wav'), encodeWav({ sampleRate: rate, channels: [pad, pad] }, { bitDepth: 32, float: true }));
  writeFileSync(path.join(folder, 'tone_hit.wav'), encodeWav({ sampleRate: rate, channels: [pad.subarray(0, rate)] }, { bitDepth: 32, float: true }));
  return folder;
}

test('a loop dropped from the library follows the song tempo in beats mode; a loop of unknown tempo asks for it, once', async ({ app }) => {
  await importFolder(app, writeLoops());
  const search = app.getByRole('searchbox', { name: 'Search samples' });
  const samples = app.getByRole('listbox', { name: 'Samples' });
  const dropZone = app.getByLabel('New track drop zone');
  await expect(app.getByRole('checkbox', { name: 'Warp loops to the project tempo' })).toBeChecked();

  // One bar at 137 BPM (1.75 s: 3.5 beats at its own speed) lasts one bar, 4 beats, at 120 BPM.
  await search.fill('drum_loop_137');
  await samples.getByRole('option', { name: /drum_loop_137bpm/ }).dragTo(dropZone, { targetPosition: { x: 3, y: 20 } });
  const drums = app.getByLabel('Clip drum_loop_137bpm.wav');
  await expect(drums).toHaveCount(1);
  await expect(app.getByRole('contentinfo')).toContainText('following the song’s tempo from its 137 BPM (beats mode)');
  expect(Math.round((await drums.boundingBox())?.width ?? 0)).toBe(4 * pixelsPerBeat);
  await drums.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await expect(editor.getByRole('combobox', { name: 'Timing mode' })).toHaveValue('beats');
  await expect(editor.getByLabel('Source tempo (BPM)')).toHaveValue('137');
  await app.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  // A sine has no pulse: the library has no tempo for it, so placing it asks.
  await search.fill('pad_sine_loop');
  const padRow = samples.getByRole('option', { name: /pad_sine_loop/ });
  await padRow.dragTo(dropZone, { targetPosition: { x: 3, y: 20 } });
  const question = app.getByRole('dialog', { name: 'Tempo of pad_sine_loop.wav' });
  await expect(question).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/tempo-question.png' });
  await question.getByRole('button', { name: 'Warp to the song' }).click();
  await expect(question.getByRole('alert')).toContainText('Give a tempo from 20 to 999 BPM');
  // T taps (the tempo depends on the hand, so only that taps fill the field is checked here).
  await app.keyboard.press('t');
  await app.keyboard.press('t');
  await expect(question).toContainText('2 taps');
  await expect(question.getByLabel('Tempo (BPM)')).not.toHaveValue('');
  // 3 s in 4/4: one bar at 80 BPM, two at 160.
  await question.getByRole('button', { name: '1 bar · 80 BPM' }).click();
  await expect(question.getByLabel('Tempo (BPM)')).toHaveValue('80');
  await question.getByRole('button', { name: 'Warp to the song' }).click();
  await expect(question).toBeHidden();
  const pads = app.getByLabel('Clip pad_sine_loop.wav');
  await expect(pads).toHaveCount(1);
  await expect(app.getByRole('contentinfo')).toContainText('following the song’s tempo from its 80 BPM (tonal mode)');
  expect(Math.round((await pads.boundingBox())?.width ?? 0)).toBe(4 * pixelsPerBeat);
  // The library keeps the answer: the row says 80 BPM and the next drop does not ask again.
  await expect(padRow).toContainText('80 BPM');
  await padRow.dragTo(dropZone, { targetPosition: { x: 3, y: 20 } });
  await expect(pads).toHaveCount(2);
  await expect(question).toBeHidden();

  // With the setting off, a loop plays at its own speed: 1.75 s, 3.5 beats at 120 BPM.
  await search.fill('drum_loop_137');
  await app.getByRole('checkbox', { name: 'Warp loops to the project tempo' }).uncheck();
  await samples.getByRole('option', { name: /drum_loop_137bpm/ }).dragTo(dropZone, { targetPosition: { x: 3, y: 20 } });
  await expect(drums).toHaveCount(2);
  const widths = await Promise.all([0, 1].map(async (i) => Math.round((await drums.nth(i).boundingBox())?.width ?? 0)));
  expect(widths.sort()).toEqual([Math.round(((4 * 60) / 137) * 2 * pixelsPerBeat), 4 * pixelsPerBeat].sort());
  await app.getByRole('checkbox', { name: 'Warp loops to the project tempo' }).check();
});

test('warping a clip of unknown tempo in the editor asks for its tempo; Cancel leaves it unwarped', async ({ app }) => {
  await importFolder(app, writeLoops());
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('tone_hit');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /tone_hit/ }).dblclick();
  const clip = app.getByLabel('Clip tone_hit.wav');
  // A one-shot is placed as it is: 1 s, 2 beats.
  expect(Math.round((await clip.boundingBox())?.width ?? 0)).toBe(2 * pixelsPerBeat);
  await clip.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  const timing = editor.getByRole('combobox', { name: 'Timing mode' });
  const question = app.getByRole('dialog', { name: 'Tempo of tone_hit.wav' });
  await timing.selectOption('tonal');
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Add without warping' })).toHaveCount(0);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(timing).toHaveValue('off');
  await timing.selectOption('tonal');
  await question.getByLabel('Tempo (BPM)').fill('90');
  await question.getByLabel('Tempo (BPM)').press('Enter');
  await expect(timing).toHaveValue('tonal');
  await expect(editor.getByLabel('Source tempo (BPM)')).toHaveValue('90');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Warp Clip (Tonal)');
  // The clip keeps its place and its 2 beats on the timeline.
  expect(Math.round((await clip.boundingBox())?.width ?? 0)).toBe(2 * pixelsPerBeat);
});

test('warp markers in the waveform editor: transients as ticks, double-click adds one on a transient, a drag moves it in one undo step, Delete and the context menu remove it', async ({ app }) => {
  await importFolder(app, writeLoops());
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('drum_loop_137');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /drum_loop_137bpm/ }).dblclick();
  const clip = app.getByLabel('Clip drum_loop_137bpm.wav');
  await expect(clip).toHaveCount(1);
  await clip.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await expect(editor.getByLabel('Warp markers')).toHaveText(/^No warp markers/);
  const wave = editor.getByRole('img', { name: /^Waveform of drum_loop_137bpm/ });
  // A click on each of the four beats: the ticks after the first (the sound's start) at least.
  await expect.poll(() => wave.locator('.editor-transient').count()).toBeGreaterThanOrEqual(3);
  const box = await wave.boundingBox();
  if (!box) throw new Error('waveform not laid out');
  const duration = (4 * 60) / 137;
  const xOf = (seconds: number) => box.x + (seconds / duration) * box.width;
  const undo = app.getByRole('button', { name: /^Undo/ });

  // Double-click 4 px after the second beat's click: the marker lands on the click, on beat 1 of the clip's beats.
  const secondBeat = 60 / 137;
  await app.mouse.dblclick(xOf(secondBeat) + 4, box.y + box.height / 2);
  const marker = wave.getByRole('button', { name: /^Warp marker 1: / });
  await expect(marker).toHaveAccessibleName(/^Warp marker 1: 0\.43\d s on beat 1\.00$/);
  await expect(undo).toHaveAccessibleName('Undo Add Warp Marker');
  await expect(editor.getByLabel('Warp markers')).toHaveText(/^1 warp marker/);
  await app.screenshot({ path: 'test-results/screens/warp-marker.png' });

  // Drag it 40 px right: a later moment of the audio now plays on beat 1; one undo step.
  const markerBox = await marker.boundingBox();
  if (!markerBox) throw new Error('marker not laid out');
  await app.mouse.move(markerBox.x + markerBox.width / 2, markerBox.y + markerBox.height / 2);
  await app.mouse.down();
  await app.mouse.move(markerBox.x + markerBox.width / 2 + 40, markerBox.y + markerBox.height / 2, { steps: 8 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Warp Marker');
  const moved = Number(/: (\d+\.\d+) s/.exec((await marker.getAttribute('aria-label')) ?? '')?.[1]);
  expect(moved - secondBeat).toBeGreaterThan((30 / box.width) * duration);
  await expect(marker).toHaveAccessibleName(/on beat 1\.00$/);
  await app.keyboard.press('Control+z');
  await expect(marker).toHaveAccessibleName(/^Warp marker 1: 0\.43\d s on beat 1\.00$/);

  // Select, nudge 10 ms later with Shift+→, and Delete; then undo, and remove it from its context menu.
  await marker.click();
  await expect(marker).toHaveAttribute('aria-pressed', 'true');
  const sourceOf = async () => Number(/: (\d+\.\d+) s/.exec((await marker.getAttribute('aria-label')) ?? '')?.[1]);
  const before = await sourceOf();
  await app.keyboard.press('Shift+ArrowRight');
  await expect(undo).toHaveAccessibleName('Undo Nudge Warp Marker');
  expect(Math.abs((await sourceOf()) - before - 0.01)).toBeLessThan(0.0015);
  await app.keyboard.press('Delete');
  await expect(marker).toHaveCount(0);
  await expect(clip).toHaveCount(1);
  await expect(undo).toHaveAccessibleName('Undo Delete Warp Marker');
  await app.keyboard.press('Control+z');
  await expect(marker).toHaveCount(1);
  await marker.click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Delete warp marker' }).click();
  await expect(marker).toHaveCount(0);
  await expect(editor.getByLabel('Warp markers')).toHaveText(/^No warp markers/);
});

test('the library preview in the playback worklet starts a 100 BPM loop on the next beat of a playing 120 BPM song and lasts one 120 BPM bar, the same samples as the engine in Node', async ({ page }) => {
  // A one-bar loop at 100 BPM, a 2 ms click on each of its beats.
  const beat100 = (60 / 100) * rate;
  const loop = new Float32Array(beat100 * 4);
  for (let b = 0; b < 4; b++) for (let i = 0; i < 96; i++) loop[b * beat100 + i] = i % 2 === 0 ? 0.9 : -0.9;
  const folder = path.join(process.env['GLOWROOM_HOME'] ?? '', 'warp-loops');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'click_bar_100bpm.wav');
  writeFileSync(file, encodeWav({ sampleRate: rate, channels: [loop, loop] }, { bitDepth: 32, float: true }));
  const warp: PreviewWarp = { mode: 'beats', sourceTempo: 100, transpose: 0 };
  const seek = 10_000;
  const frames = 6 * (rate / 2);

  await page.goto(process.env['GLOWROOM_HARNESS_URL'] ?? '');
  await page.waitForFunction(() => window.harnessReady === true);
  const base64 = await page.evaluate(([file, warpJson, at, n]) => window.renderPreviewInWorklet(file, warpJson, at, n), [file, JSON.stringify(warp), seek, frames] as const);
  const bytes = Buffer.from(base64, 'base64');
  const interleaved = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const left = interleaved.filter((_, i) => i % 2 === 0);

  // Onsets: the first sample of each click above half its level after a long quiet.
  const onsets: number[] = [];
  let quiet = Infinity;
  left.forEach((x, i) => {
    if (Math.abs(x) > 0.4 && quiet >= 1000) onsets.push(i);
    quiet = Math.abs(x) > 0.4 ? 0 : quiet + 1;
  });
  // Heard from timeline frame 10,000: the beats of 120 BPM fall on frames 24,000, 48,000, … of the timeline.
  const beat120 = rate / 2;
  expect(onsets.map((frame) => frame + seek)).toEqual([1, 2, 3, 4].map((beat) => beat * beat120));
  const last = left.findLastIndex((x) => x !== 0) + seek;
  expect(last).toBeGreaterThan(4 * beat120);
  expect(last).toBeLessThan(5 * beat120);

  // The engine in Node, given the same commands, makes the same samples.
  const engine = new Engine(rate);
  engine.command({ type: 'add-sample', sample: packSample(file, rate, [loop, loop], (n) => new ArrayBuffer(n)) });
  engine.command({ type: 'seek', frame: seek });
  engine.command({ type: 'play' });
  engine.command({ type: 'preview', sampleId: file, gainDb: 0, warp });
  const nodeLeft = new Float32Array(frames);
  const blockLeft = new Float32Array(blockFrames);
  const blockRight = new Float32Array(blockFrames);
  for (let at = 0; at < frames; at += blockFrames) {
    engine.render(blockLeft, blockRight, blockFrames);
    nodeLeft.set(blockLeft.subarray(0, Math.min(blockFrames, frames - at)), at);
  }
  expect(left.every((x, i) => x === nodeLeft[i])).toBe(true);
});

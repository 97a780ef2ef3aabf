import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav } from '../../src/codecs/wav';
import type { AudioClip } from '../../src/model/project-schema';
import { expect, fileMenu, screens, test } from './fixtures';
import { installLoopback } from './loopback';
import { cableSeconds, calibrateLoopback, dragRuler, offBeatMs, onsets, rate, saveAs, takePathOf } from './recording-helpers';

/** 120 BPM: frames a beat. */
const beat = 24_000;

test.beforeEach(async ({ page }) => {
  await installLoopback(page, cableSeconds);
});

test('recording with the loop on counts in, then makes a take of each pass, stacked in one take group with the newest whole pass playing', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('button', { name: 'Arm Audio 1 for recording' }).click();
  await calibrateLoopback(app);
  // Loop bar 2 (beats 4–8, 2 s); one bar of count-in; the click sounds while recording.
  await dragRuler(app, 4, 8);
  await expect(app.getByRole('button', { name: 'Loop', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await app.getByRole('combobox', { name: 'Count-in' }).selectOption({ label: 'Count-in 1 bar' });
  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveAttribute('title', /Counting in/);
  await app.screenshot({ path: `${screens}/rec/count-in.png` });
  await expect(record).toHaveClass(/is-recording/, { timeout: 5_000 });
  // Two whole passes and part of a third.
  await app.waitForTimeout(5_000);
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByRole('contentinfo')).toContainText(/Recorded 3 takes of Audio 1( \d+)?\.wav/);
  await app.screenshot({ path: `${screens}/rec/loop-takes.png` });

  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'loop takes.glowroom');
  const saved = await saveAs(app, file);
  const clips = (saved.tracks[0]?.clips ?? []) as AudioClip[];
  expect(clips.map((clip) => clip.take)).toEqual([
    { group: 'g1', pass: 1 },
    { group: 'g1', pass: 2 },
    { group: 'g1', pass: 3 },
  ]);
  // Every take starts at the loop's start; the first two are whole passes, the newest whole one plays.
  expect(clips.map((clip) => clip.start)).toEqual([4, 4, 4]);
  expect(clips[0]?.length).toBeCloseTo(4, 6);
  expect(clips[1]?.length).toBeCloseTo(4, 6);
  expect(clips[2]?.length).toBeLessThan(4);
  expect(clips.map((clip) => clip.mute)).toEqual([true, false, true]);
  expect(new Set(clips.map((clip) => clip.source)).size).toBe(1);

  // The file holds the passes one after another; in each, the clicks sit on the beats of the loop.
  const audio = decodeWav(new Uint8Array(readFileSync(takePathOf(saved, clips[0] as AudioClip, file)))).channels[0] as Float32Array;
  for (const clip of clips.slice(0, 2)) {
    const from = Math.round(clip.offset * rate);
    const heard = onsets(audio.subarray(from, from + 4 * beat));
    expect(heard.length).toBeGreaterThanOrEqual(3);
    const misplaced = heard.map((onset) => offBeatMs(4 * beat + onset));
    console.log(`loop take ${clip.take?.pass}: click offsets from the beat (ms): ${misplaced.map((ms) => ms.toFixed(3)).join(', ')}`);
    for (const ms of misplaced) expect(ms).toBeLessThanOrEqual(1);
  }

  // The recording is one undo step.
  const undo = app.getByRole('group', { name: 'History' }).getByRole('button').first();
  await expect(undo).toHaveAccessibleName('Undo Record 3 Takes');

  // Comping in the take lanes: use take 1, split the takes at beat 6, use take 2 on the right.
  await app.getByRole('button', { name: 'Show takes of Audio 1' }).click();
  const lanes = app.getByRole('group', { name: 'Takes of Audio 1' });
  await expect(lanes.getByRole('button')).toHaveCount(3);
  await expect(lanes.getByRole('button', { name: 'Take 2 at bar 2.1' })).toHaveAttribute('aria-pressed', 'true');
  await lanes.getByRole('button', { name: 'Take 1 at bar 2.1' }).click();
  await expect(undo).toHaveAccessibleName('Undo Use Take');
  await expect(lanes.getByRole('button', { name: 'Take 1 at bar 2.1' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lanes.getByRole('button', { name: 'Take 2 at bar 2.1' })).toHaveAttribute('aria-pressed', 'false');
  const first = lanes.getByRole('button', { name: 'Take 1 at bar 2.1' });
  const box = await first.boundingBox();
  if (!box) throw new Error('take 1 not laid out');
  // Beat 6 is the middle of the loop: half way along the take.
  await first.click({ button: 'right', position: { x: box.width / 2 + 2, y: box.height / 2 } });
  await app.getByRole('menuitem', { name: 'Split takes here' }).click();
  await expect(undo).toHaveAccessibleName('Undo Split Takes');
  // Every take reaching past beat 6 was split there (the two whole ones, the third if it did).
  await expect(lanes.getByRole('button')).toHaveCount(3 + clips.filter((clip) => clip.length > 2 + 1 / 64).length);
  await lanes.getByRole('button', { name: 'Take 2 at bar 2.3' }).click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Use this take' }).click();
  await expect(lanes.getByRole('button', { name: 'Take 2 at bar 2.3' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lanes.getByRole('button', { name: 'Take 1 at bar 2.1' })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${screens}/rec/take-lanes.png` });
  const comped = await saveAs(app, path.join(process.env['GLOWROOM_HOME'] ?? '', 'comped takes.glowroom'));
  const playing = ((comped.tracks[0]?.clips ?? []) as AudioClip[]).filter((clip) => !clip.mute).map((clip) => [clip.take, clip.start, clip.length]);
  expect(playing).toEqual([
    [{ group: 'g1', pass: 1 }, 4, 2],
    [{ group: 'g2', pass: 2 }, 6, expect.closeTo(2, 6)],
  ]);
});

test('punching in and out writes only the punch range', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('button', { name: 'Arm Audio 1 for recording' }).click();
  await calibrateLoopback(app);
  // Punch over bar 2 (beats 4–8); the playhead starts at bar 1, so a bar of pre-roll plays first.
  await dragRuler(app, 4, 8, true);
  const punch = app.getByRole('button', { name: 'Punch in/out' });
  await expect(punch).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('button', { name: 'Loop', exact: true })).toBeDisabled();
  await app.getByRole('button', { name: 'Metronome' }).click();
  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveClass(/is-recording/);
  await app.waitForTimeout(5_500);
  await record.click();
  await expect(app.getByRole('contentinfo')).toContainText(/Added Audio 1( \d+)?\.wav/);
  await app.screenshot({ path: `${screens}/rec/punch.png` });

  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'punched.glowroom');
  const saved = await saveAs(app, file);
  const clip = saved.tracks[0]?.clips[0] as AudioClip;
  expect(clip.take).toEqual({ group: 'g1', pass: 1 });
  expect(clip.start).toBe(4);
  expect(clip.length).toBeCloseTo(4, 6);
  const audio = decodeWav(new Uint8Array(readFileSync(takePathOf(saved, clip, file)))).channels[0] as Float32Array;
  // Nothing outside the punch range was written: the file is the range, to the frame.
  expect(audio.length).toBe(4 * beat);
  const heard = onsets(audio);
  expect(heard.length).toBeGreaterThanOrEqual(3);
  for (const onset of heard) expect(offBeatMs(4 * beat + onset)).toBeLessThanOrEqual(1);
});

test('monitoring per track, the punch range and the loop range are kept with the song (undoable); the count-in and the click while recording are kept as user settings', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  const monitor = app.getByRole('combobox', { name: 'Monitor input on Audio 1' });
  await monitor.selectOption('auto');
  const undo = app.getByRole('button', { name: /^Undo/ });
  await expect(undo).toHaveAccessibleName('Undo Monitoring Auto');
  await dragRuler(app, 4, 8, true);
  const punch = app.getByRole('button', { name: 'Punch in/out' });
  await expect(punch).toHaveAttribute('aria-pressed', 'true');
  await expect(undo).toHaveAccessibleName('Undo Set Punch Range');
  // The loop range over bar 3 (beats 8–12): one undo step to set, one to switch.
  await dragRuler(app, 8, 12);
  const loop = app.getByRole('button', { name: 'Loop', exact: true });
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await expect(undo).toHaveAccessibleName('Undo Set Loop Range');
  await loop.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'false');
  await expect(undo).toHaveAccessibleName('Undo Loop On/Off');
  await undo.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await app.getByRole('combobox', { name: 'Count-in' }).selectOption({ label: 'Count-in 2 bars' });
  await app.getByRole('button', { name: 'Audio input' }).click();
  const click = app.getByRole('dialog', { name: 'Recording input' }).getByRole('checkbox', { name: 'Click while recording' });
  await click.uncheck();
  await app.keyboard.press('Escape');
  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'kept settings.glowroom');
  const saved = await saveAs(app, file);
  expect(saved.punch).toEqual({ start: 4, end: 8, on: true });
  expect(saved.tracks[0]?.monitor).toBe('auto');
  expect(saved.loop).toEqual({ start: 8, end: 12, on: true });

  // A new window: the user settings are read back from the data folder, the song's from its file.
  await app.reload();
  await expect(app.getByRole('combobox', { name: 'Count-in' })).toHaveValue('2');
  await app.getByRole('button', { name: 'Audio input' }).click();
  await expect(app.getByRole('dialog', { name: 'Recording input' }).getByRole('checkbox', { name: 'Click while recording' })).not.toBeChecked();
  await app.keyboard.press('Escape');
  await expect(punch).toHaveAttribute('aria-pressed', 'false');
  await expect(loop).toBeDisabled();
  await fileMenu(app, 'Open…');
  const open = app.getByRole('dialog', { name: 'Open project' });
  await open.getByRole('textbox', { name: 'Location' }).fill(file);
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(monitor).toHaveValue('auto');
  await expect(punch).toHaveAttribute('aria-pressed', 'true');
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${screens}/rec/kept-settings.png` });
  // Punching off is one undo step, as the range is.
  await punch.click();
  await expect(punch).toHaveAttribute('aria-pressed', 'false');
  await expect(undo).toHaveAccessibleName('Undo Punch Off');
  await undo.click();
  await expect(punch).toHaveAttribute('aria-pressed', 'true');
});

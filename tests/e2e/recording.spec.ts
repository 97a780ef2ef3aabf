import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav } from '../../src/codecs/wav';
import type { AudioClip } from '../../src/model/project-schema';
import { expect, screens, test } from './fixtures';
import { installLoopback } from './loopback';
import { cableSeconds, onsets, rate, saveAs, takePathOf } from './recording-helpers';

test.beforeEach(async ({ page }) => {
  await installLoopback(page, cableSeconds);
});

test('a take recorded through a loopback lands within 1 ms of where it was played', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  const arm = app.getByRole('button', { name: 'Arm Audio 1 for recording' });
  await arm.click();
  await expect(arm).toHaveAttribute('aria-pressed', 'true');

  // The input list follows devices coming and going.
  await app.getByRole('button', { name: 'Audio input' }).click();
  const panel = app.getByRole('dialog', { name: 'Recording input' });
  const device = panel.getByRole('combobox', { name: 'Input device' });
  await expect(device.getByRole('option')).toHaveText(['System default', 'Loopback cable']);
  await app.evaluate(() => (window as unknown as { __addInput(label: string): void }).__addInput('USB interface'));
  await expect(device.getByRole('option')).toHaveText(['System default', 'Loopback cable', 'USB interface']);
  await device.selectOption({ label: 'Loopback cable' });

  // Calibrate: the measured round trip is at least the cable's delay.
  await expect(panel.getByRole('status', { name: 'Recording latency' })).toHaveText(/not measured/);
  await panel.getByRole('button', { name: 'Measure latency (loopback)' }).click();
  await expect(panel.getByRole('status', { name: 'Recording latency' })).toHaveText(/Latency [\d.]+ ms \(measured\)/, { timeout: 10_000 });
  const latencyMs = Number(/([\d.]+) ms/.exec((await panel.getByRole('status', { name: 'Recording latency' }).textContent()) ?? '')?.[1]);
  expect(latencyMs).toBeGreaterThanOrEqual(cableSeconds * 1000 - 0.1);
  const settings = JSON.parse(readFileSync(path.join(process.env['GLOWROOM_HOME'] ?? '', 'settings.json'), 'utf8')) as { recordingLatencySeconds: number };
  expect(settings.recordingLatencySeconds * 1000).toBeCloseTo(latencyMs, 1);
  await app.screenshot({ path: `${screens}/rec/input-panel.png` });
  await app.keyboard.press('Escape');

  // Record the metronome for about three seconds (six beats at 120 BPM) from bar 2.
  await app.getByRole('group', { name: 'Ruler' }).click({ position: { x: 4 * 28 + 1, y: 6 } });
  await app.getByRole('button', { name: 'Metronome' }).click();
  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'true');
  await app.waitForTimeout(3_200);
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByRole('contentinfo')).toContainText(/Added Audio 1( \d+)?\.wav/);
  await app.screenshot({ path: `${screens}/rec/recorded-take.png` });

  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'recorded take.glowroom');
  const saved = await saveAs(app, file);
  const track = saved.tracks[0];
  expect(track?.name).toBe('Audio 1');
  const clip = track?.clips[0] as AudioClip;
  expect(clip.kind).toBe('audio');
  expect(clip.start).toBeGreaterThan(3.9);
  const take = decodeWav(new Uint8Array(readFileSync(takePathOf(saved, clip, file))));
  expect(take.sampleRate).toBe(rate);
  const heard = onsets(take.channels[0] as Float32Array);
  expect(heard.length).toBeGreaterThanOrEqual(4);
  // Every click in the take, placed where the clip puts it, sits on a beat (120 BPM: 24,000 frames).
  const clipStartFrame = (clip.start * 60 * rate) / 120;
  const misplacedMs = heard.map((onset) => {
    const timeline = clipStartFrame + onset;
    return (Math.abs(timeline - Math.round(timeline / 24_000) * 24_000) / rate) * 1000;
  });
  console.log(`recording placement: latency ${latencyMs} ms, click offsets from the beat (ms): ${misplacedMs.map((ms) => ms.toFixed(3)).join(', ')}`);
  for (const ms of misplacedMs) expect(ms).toBeLessThanOrEqual(1);
});

test('an input that goes away mid-take keeps what was recorded and says so', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('button', { name: 'Arm Audio 1 for recording' }).click();
  await app.getByRole('button', { name: 'Metronome' }).click();
  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'true');
  await app.waitForTimeout(1_500);
  await app.evaluate(() => (window as unknown as { __unplug(): void }).__unplug());
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByRole('contentinfo')).toContainText('The input device went away during the take. What was recorded until then is kept on the track.');
  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'unplugged.glowroom');
  const saved = await saveAs(app, file);
  const take = decodeWav(new Uint8Array(readFileSync(takePathOf(saved, saved.tracks[0]?.clips[0] as AudioClip, file))));
  expect(take.channels[0]?.length).toBeGreaterThan(rate);
  expect(onsets(take.channels[0] as Float32Array).length).toBeGreaterThanOrEqual(2);
});

test('one R button per track: an audio track arms for audio, an instrument track for notes (the play bar follows)', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('drums');
  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('synth');
  const tracks = app.getByRole('region', { name: 'Timeline' });
  const names = await tracks.getByRole('button', { name: /^Arm .* for recording$/ }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(names).toHaveLength(3);
  const [audio, drums, synth] = names.map((name) => tracks.getByRole('button', { name: name ?? '' }));
  if (!audio || !drums || !synth) throw new Error('three R buttons expected');
  // The play bar plays the first instrument track until another is armed.
  await expect(drums).toHaveAttribute('aria-pressed', 'true');
  await synth.click();
  await expect(synth).toHaveAttribute('aria-pressed', 'true');
  await expect(drums).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByRole('combobox', { name: 'Armed track' })).toHaveValue(await app.getByRole('combobox', { name: 'Armed track' }).locator('option').nth(1).getAttribute('value') ?? '');
  // The audio track arms on its own, and disarms on a second click.
  await audio.click();
  await expect(audio).toHaveAttribute('aria-pressed', 'true');
  await expect(synth).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${screens}/rec/arming.png` });
  await audio.click();
  await expect(audio).toHaveAttribute('aria-pressed', 'false');
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/codecs/wav-writer';
import { dragEqBandTo } from './eq-drag';
import { bandPowerDb, exportSong, rmsDb } from './exported-audio';
import { expect, openProject, screens, test } from './fixtures';

/**
 * Mixing in the mixer view, judged on the exported FILE: a fader at −6 dB, a pan hard left, an
 * EQ cut, a send to a reverb bus and a volume automation ramp. The arrangement comes from a
 * project the test writes (test tones in their own stretches of the timeline, so each move is
 * measured alone); every mixing move is made in the UI. 120 BPM: a beat is 0.5 s.
 *
 * | beats   | track     | source | mixed in the UI                   |
 * |---------|-----------|--------|-----------------------------------|
 * | 0–8     | Ride      | tone   | volume lane: a ramp from beat 1 to 7 |
 * | 8–12    | Reference | tone   | nothing                           |
 * | 12–16   | Quieter   | tone   | fader −6 dB (typed)               |
 * | 16–20   | Left      | tone   | pan hard left (typed)             |
 * | 20–24   | Noise     | noise  | nothing                           |
 * | 24–28   | Cut       | noise  | EQ band 3 (2 kHz) dragged down    |
 * | 28–28.5 | Hit       | burst  | send to a bus with a reverb       |
 */
const rate = 48_000;
const beat = 0.5;

function tone(): Float32Array {
  const samples = new Float32Array(4 * rate);
  for (let i = 0; i < samples.length; i++) samples[i] = 0.25 * Math.sin((2 * Math.PI * 1000 * i) / rate);
  return samples;
}

/** Seeded white noise (a linear congruential generator), ±0.1. */
function noise(seconds: number): Float32Array {
  const samples = new Float32Array(Math.round(seconds * rate));
  let state = 12345;
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    samples[i] = (state / 2 ** 32 - 0.5) * 0.2;
  }
  return samples;
}

function writeSession(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const wav = (name: string, samples: Float32Array) => writeFileSync(path.join(folder, name), encodeWav({ sampleRate: rate, channels: [samples] }, { bitDepth: 32, float: true }));
  wav('tone.wav', tone());
  wav('noise.wav', noise(2));
  wav('burst.wav', noise(0.25));
  const channel = { gainDb: 0, pan: 0, mute: false, solo: false, inserts: [], sends: [], output: 'master' };
  const clip = (id: string, source: string, start: number, length: number) => ({
    kind: 'audio', id, name: '', source, start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false,
  });
  const track = (id: string, name: string, source: string, start: number, length: number) => ({ id, name, colour: '#4f9dff', height: 56, channel, clips: [clip(`c-${id}`, source, start, length)] });
  // Written as format v3: whatever the current format is, opening it migrates it.
  const project = {
    format: 'glowroom',
    version: 3,
    name: 'Mix export',
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: rate,
    sources: { tone: { path: 'tone.wav' }, noise: { path: 'noise.wav' }, burst: { path: 'burst.wav' } },
    tracks: [
      track('ride', 'Ride', 'tone', 0, 8),
      track('ref', 'Reference', 'tone', 8, 4),
      track('quiet', 'Quieter', 'tone', 12, 4),
      track('left', 'Left', 'tone', 16, 4),
      track('noise', 'Noise', 'noise', 20, 4),
      track('cut', 'Cut', 'noise', 24, 4),
      track('hit', 'Hit', 'burst', 28, 0.5),
    ],
    buses: [],
    markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] },
    automation: [],
  };
  const file = path.join(folder, 'mix-export.glowroom');
  writeFileSync(file, JSON.stringify(project, null, 2));
  return file;
}

/** Seconds of beats [from, to), trimmed by 50 ms at each end (fader smoothing, clip edges). */
const inner = (from: number, to: number): [number, number] => [from * beat + 0.05, to * beat - 0.05];

test('mixing in the mixer view shows in the exported file: fader, pan, EQ cut, reverb send, volume ramp, solo and solo safe', async ({ app }) => {
  // Four exports on a loaded machine.
  test.setTimeout(180_000);
  const file = writeSession(path.join(process.env['GLOWROOM_HOME'] ?? '', 'mix-export'));
  await openProject(app, file);
  await expect(app.getByLabel('Clip tone.wav')).toHaveCount(4);
  const undo = app.getByRole('button', { name: /^Undo/ });

  // Volume ramp: a lane under Ride with a point at beat 1 (about −6 dB) and one at beat 7 (about −24 dB).
  await app.getByRole('button', { name: 'Automation lanes of Ride' }).click();
  await app.getByRole('combobox', { name: 'Add automation lane to Ride' }).selectOption({ label: 'Volume' });
  const lane = app.getByRole('group', { name: 'Volume automation of Ride' });
  await lane.click({ position: { x: 28, y: 18 } });
  await lane.click({ position: { x: 7 * 28, y: 27 } });
  const points = lane.getByRole('button', { name: /^Point at beat/ });
  await expect(points).toHaveCount(2);
  const pointDb = async (index: number) => {
    const name = (await points.nth(index).getAttribute('aria-label')) ?? '';
    const match = /^Point at beat ([\d.]+): (−?[\d.]+) dB/.exec(name);
    if (!match?.[1] || !match[2]) throw new Error(`no value in "${name}"`);
    return { beat: Number(match[1]), db: Number(match[2].replace('−', '-')) };
  };
  const [first, last] = [await pointDb(0), await pointDb(1)];
  expect([first.beat, last.beat]).toEqual([1, 7]);
  expect(first.db - last.db).toBeGreaterThan(10);
  // Read: the track's volume knob shows the lane's value at the playhead (beat 0: the first point's), not its static 0 dB.
  const rideKnob = app.getByRole('region', { name: 'Timeline' }).getByRole('slider', { name: 'Volume of Ride' });
  await expect.poll(async () => Number(await rideKnob.getAttribute('aria-valuenow'))).toBeCloseTo(first.db, 0);

  await app.locator('body').press('F9');
  const mixer = app.getByRole('region', { name: 'Mixer' });
  // Fader −6 dB, typed.
  await mixer.getByRole('button', { name: 'Volume of Quieter: 0.0 dB, click to type' }).click();
  await mixer.getByRole('textbox', { name: 'Volume of Quieter in dB' }).fill('-6');
  await mixer.getByRole('textbox', { name: 'Volume of Quieter in dB' }).press('Enter');
  await expect(undo).toHaveAccessibleName('Undo Change Track Volume');
  // Pan hard left, typed.
  await mixer.getByRole('button', { name: /^Pan of Left: .*click to type$/ }).click();
  await mixer.getByRole('textbox', { name: 'Pan of Left' }).fill('100L');
  await mixer.getByRole('textbox', { name: 'Pan of Left' }).press('Enter');
  await expect(undo).toHaveAccessibleName('Undo Change Track Pan');
  // A reverb bus fed by a send from Hit.
  await mixer.getByRole('button', { name: 'Add bus' }).click();
  await mixer.getByRole('combobox', { name: 'Add an insert to Bus 1' }).selectOption({ label: 'Reverb' });
  await mixer.getByRole('combobox', { name: 'Add a send from Hit' }).selectOption({ label: 'Bus 1' });
  await expect(mixer.getByRole('slider', { name: 'Send from Hit to Bus 1' })).toBeVisible();
  // An EQ on Cut: band 3 (2 kHz) dragged down in the editor.
  await mixer.getByRole('combobox', { name: 'Add an insert to Cut' }).selectOption('eq');
  await mixer.getByRole('button', { name: 'Open EQ on Cut' }).click();
  const editor = app.getByRole('dialog', { name: 'EQ on Cut' });
  await dragEqBandTo(app, editor, 'p3', -12);
  await expect(undo).toHaveAccessibleName('Undo Change EQ Band 3');
  const cutDb = Number.parseFloat(((await editor.locator('output[data-param="p3GainDb"]').textContent()) ?? '').replace('−', '-'));
  expect(cutDb).toBeLessThan(-8);
  await app.screenshot({ path: `${screens}/mix/mix-export-mixer.png` });
  await editor.getByRole('button', { name: 'Close the EQ editor' }).click();
  await expect(editor).toHaveCount(0);

  const mix = await exportSong(app, 'mix-export.wav');
  expect(mix.rate).toBe(rate);
  const level = (channel: Float32Array, from: number, to: number) => rmsDb(channel, rate, ...inner(from, to));
  const reference = level(mix.left, 8, 12);
  // The reference is the tone as it is: a −12.04 dBFS sine has an RMS of −15.05 dBFS.
  expect(reference).toBeCloseTo(-15.05, 1);

  // Fader −6 dB: the level drops by 6.02 ± 0.05 dB.
  const fader = level(mix.left, 12, 16) - reference;
  expect(Math.abs(fader - -6.02)).toBeLessThanOrEqual(0.05);
  // Pan hard left: the right channel is silent, the left at the constant-power law's +3.01 dB for a mono source.
  expect(level(mix.right, 16, 20)).toBeLessThan(-120);
  expect(Math.abs(level(mix.left, 16, 20) - reference - 3.01)).toBeLessThanOrEqual(0.05);
  // EQ cut: the 1.9–2.1 kHz band of the same noise falls by the band's gain (within 1 dB); 100–250 Hz stays.
  const band = (from: number, to: number, low: number, high: number) => bandPowerDb(mix, low, high, ...inner(from, to));
  const drop = band(24, 28, 1900, 2100) - band(20, 24, 1900, 2100);
  expect(Math.abs(drop - cutDb)).toBeLessThan(1);
  expect(Math.abs(band(24, 28, 100, 250) - band(20, 24, 100, 250))).toBeLessThan(0.5);
  // Reverb send: energy after the dry hit ends (beat 28.5), where no clip plays.
  const tail = rmsDb(mix.left, rate, 29 * beat, 31 * beat);
  expect(tail).toBeGreaterThan(-60);
  expect(tail).toBeLessThan(level(mix.left, 28, 28.5));
  // Volume ramp: at beats 2.5 and 5.5 the level is the lane's value there (linear in dB between the points).
  const ramp = [2.5, 5.5].map((at) => {
    const laneDb = first.db + ((last.db - first.db) * (at - first.beat)) / (last.beat - first.beat);
    const measured = rmsDb(mix.left, rate, at * beat - 0.02, at * beat + 0.02) - reference;
    expect(Math.abs(measured - laneDb)).toBeLessThan(0.1);
    return `beat ${at}: lane ${laneDb.toFixed(2)} dB, file ${measured.toFixed(2)} dB`;
  });
  test.info().annotations.push({
    type: 'measured',
    description: `fader ${fader.toFixed(3)} dB; pan left ${(level(mix.left, 16, 20) - reference).toFixed(3)} dB, right ${level(mix.right, 16, 20)} dB; EQ band 3 at ${cutDb} dB: 2 kHz band ${drop.toFixed(2)} dB; reverb tail ${tail.toFixed(1)} dBFS; ramp ${ramp.join(', ')}`,
  });
  console.log(test.info().annotations.at(-1)?.description);

  // Solo safe. Soloing Hit plays it dry: the reverb return and every other track fall silent.
  if (!(await mixer.isVisible())) await app.locator('body').press('F9');
  await mixer.getByRole('button', { name: 'Solo Hit' }).click();
  const soloed = await exportSong(app, 'soloed.wav');
  expect(rmsDb(soloed.left, rate, 29 * beat, 31 * beat)).toBeLessThan(-100);
  expect(level(soloed.left, 8, 12)).toBeLessThan(-100);
  // The hit itself, dry: uniform noise of ±0.1 has an RMS of 0.2/√12, −24.77 dBFS.
  expect(Math.abs(level(soloed.left, 28, 28.5) - -24.77)).toBeLessThan(0.3);
  // The bus's solo-safe toggle brings the return back; a track made solo safe from its context menu sounds too.
  await mixer.getByRole('button', { name: 'Solo safe Bus 1' }).click();
  await expect(undo).toHaveAccessibleName('Undo Make Bus Solo Safe');
  await mixer.getByRole('button', { name: 'Select Reference' }).click({ button: 'right' });
  const menu = app.getByRole('menu', { name: 'Reference channel' });
  await menu.getByRole('menuitemcheckbox', { name: 'Solo safe' }).click();
  await expect(undo).toHaveAccessibleName('Undo Make Track Solo Safe');
  await expect(mixer.getByRole('button', { name: 'Solo safe Bus 1' })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${screens}/mix/solo-safe.png` });
  const safe = await exportSong(app, 'solo-safe.wav');
  expect(rmsDb(safe.left, rate, 29 * beat, 31 * beat)).toBeCloseTo(tail, 1);
  expect(level(safe.left, 8, 12)).toBeCloseTo(reference, 2);
  expect(level(safe.left, 12, 16)).toBeLessThan(-100);
});

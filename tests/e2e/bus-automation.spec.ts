import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { encodeWav } from '../../src/codecs/wav-writer';
import { exportSong, rmsDb } from './exported-audio';
import { expect, openProject, screens, test } from './fixtures';

/**
 * The buses' and the master's rows in the arrangement: a volume ramp drawn on the reverb bus's lane
 * and one on the master's, judged on the exported FILE. 120 BPM: a beat is 0.5 s.
 *
 * | beats | track  | routed to          | drawn in the UI                      |
 * |-------|--------|--------------------|--------------------------------------|
 * | 0–8   | Wet    | the Reverb bus     | the bus's volume: a ramp, beat 1 → 7 |
 * | 8–16  | Direct | the master         | the master's volume: beat 9 → 15     |
 *
 * From beat 16 on (no clip) the tempo is 60 BPM: a beat is 1 s there.
 */
const rate = 48_000;
const beat = 0.5;
/** The lanes' scale: 28 px a beat at the default zoom. */
const pixelsPerBeat = 28;

function writeSession(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const tone = new Float32Array(4 * rate);
  for (let i = 0; i < tone.length; i++) tone[i] = 0.25 * Math.sin((2 * Math.PI * 1000 * i) / rate);
  writeFileSync(path.join(folder, 'tone.wav'), encodeWav({ sampleRate: rate, channels: [tone] }, { bitDepth: 32, float: true }));
  const channel = (output: string) => ({ gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output });
  const track = (id: string, name: string, start: number, output: string) => ({
    id,
    name,
    colour: '#4f9dff',
    height: 56,
    channel: channel(output),
    clips: [{ kind: 'audio', id: `c-${id}`, name: '', source: 'tone', start, length: 8, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 }],
  });
  const reverb = { id: 'verb', type: 'reverb', bypass: false, params: { size: 50, decayS: 2, damping: 30, preDelayMs: 10, width: 100, mix: 25 } };
  // Written as format v4 (the first with tempo changes): whatever the current format is, opening it migrates it.
  const project = {
    format: 'glowroom',
    version: 4,
    name: 'Bus automation',
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: rate,
    sources: { tone: { path: 'tone.wav' } },
    tracks: [track('wet', 'Wet', 0, 'reverb'), track('direct', 'Direct', 8, 'master')],
    buses: [{ id: 'reverb', name: 'Reverb', colour: '#b07cff', channel: { ...channel('master'), soloSafe: true, inserts: [reverb] } }],
    markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] },
    automation: [],
    // After the last clip: the song slows to 60 BPM at beat 16 (what the lanes' readouts must follow).
    tempoChanges: [{ beat: 16, bpm: 60, ramp: false }],
    meterChanges: [],
    swing: 50,
    patterns: {},
    key: null,
  };
  const file = path.join(folder, 'bus-automation.glowroom');
  writeFileSync(file, JSON.stringify(project, null, 2));
  return file;
}

/** Scrolls `lane` into view, then back to the song's start (the lane's left end would lie under the sticky headers). */
async function inViewFromStart(lane: Locator): Promise<void> {
  await lane.scrollIntoViewIfNeeded();
  await lane.page().locator('.timeline-scroll').evaluate((view) => {
    view.scrollLeft = 0;
  });
}

/** A lane's points as beat and dB, read from their names ("Point at beat 1.00: −6.2 dB, Linear"). */
async function pointsOf(lane: Locator): Promise<{ beat: number; db: number }[]> {
  const names = await lane.getByRole('button', { name: /^Point at beat/ }).evaluateAll((points) => points.map((point) => point.getAttribute('aria-label') ?? ''));
  return names.map((name) => {
    const match = /^Point at beat ([\d.]+): (−?[\d.]+) dB/.exec(name);
    if (!match?.[1] || !match[2]) throw new Error(`no value in "${name}"`);
    return { beat: Number(match[1]), db: Number(match[2].replace('−', '-')) };
  });
}

/** The lane's value in dB at `at` beats, between its two points (linear in dB, as the volume lane plays). */
function laneDb([first, last]: { beat: number; db: number }[], at: number): number {
  if (!first || !last) throw new Error('a ramp needs two points');
  return first.db + ((last.db - first.db) * (at - first.beat)) / (last.beat - first.beat);
}

test('the reverb bus and the master have rows with automation lanes in the arrangement: ramps drawn there play in the exported file; All channels sets every mode', async ({ app }) => {
  // Two exports on a loaded machine.
  test.setTimeout(180_000);
  const file = writeSession(path.join(process.env['GLOWROOM_HOME'] ?? '', 'bus-automation'));
  await openProject(app, file);
  await expect(app.getByLabel('Clip tone.wav')).toHaveCount(2);
  const undo = app.getByRole('button', { name: /^Undo/ });
  const rows = app.getByRole('group', { name: 'Buses and master' });
  const shown = rows.getByRole('button', { name: 'Buses and master' });
  await expect(shown).toHaveAttribute('aria-expanded', 'true');

  // The bus's row: open its automation, add a Volume lane, click a ramp in (beat 1 high, beat 7 low).
  await rows.getByRole('button', { name: 'Automation lanes of Reverb' }).click();
  await rows.getByRole('combobox', { name: 'Add automation lane to Reverb' }).selectOption({ label: 'Volume' });
  const busLane = rows.getByRole('group', { name: 'Volume automation of Reverb' });
  await busLane.click({ position: { x: pixelsPerBeat, y: 18 } });
  await expect(undo).toHaveAccessibleName('Undo Add Automation Point');
  await busLane.click({ position: { x: 7 * pixelsPerBeat, y: 30 } });
  const bus = await pointsOf(busLane);
  expect(bus.map((point) => point.beat)).toEqual([1, 7]);
  expect(bus[0]!.db - bus[1]!.db).toBeGreaterThan(10);

  // The master's row: the same, beat 9 → 15.
  await rows.getByRole('button', { name: 'Automation lanes of Master' }).click();
  const masterPicker = rows.getByRole('combobox', { name: 'Add automation lane to Master' });
  // The master has no mute to automate.
  await expect(masterPicker.locator('option', { hasText: 'Mute' })).toHaveCount(0);
  await masterPicker.selectOption({ label: 'Volume' });
  const masterLane = rows.getByRole('group', { name: 'Volume automation of Master' });
  await masterLane.click({ position: { x: 9 * pixelsPerBeat, y: 20 } });
  await masterLane.click({ position: { x: 15 * pixelsPerBeat, y: 34 } });
  const master = await pointsOf(masterLane);
  expect(master.map((point) => point.beat)).toEqual([9, 15]);
  // The header's arrow counts the automated parameters.
  await expect(rows.getByRole('button', { name: 'Automation lanes of Master' })).toHaveAttribute('title', 'Automation: 1 automated parameter');

  // A point dragged on the master's lane moves as on a track's (one undo step), and undo puts it back.
  const last = masterLane.getByRole('button', { name: /^Point at beat 15\.00/ });
  const box = await last.boundingBox();
  if (!box) throw new Error('no point');
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width / 2 - pixelsPerBeat - 3, box.y + box.height / 2, { steps: 5 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Automation Point');
  await expect.poll(async () => (await pointsOf(masterLane)).map((point) => point.beat)).toEqual([9, 14]);
  await undo.click();
  await expect.poll(async () => (await pointsOf(masterLane)).map((point) => point.beat)).toEqual([9, 15]);

  // The row reads the lane's value at the playhead through the song's clock: at beat 20, after the
  // tempo change, it is the ramp's value from beat 15 to a third point at beat 24 there.
  await masterLane.click({ position: { x: 24 * pixelsPerBeat, y: 10 } });
  const after = await pointsOf(masterLane);
  expect(after.map((point) => point.beat)).toEqual([9, 15, 24]);
  await app.getByRole('group', { name: 'Ruler' }).click({ position: { x: 20 * pixelsPerBeat + 1, y: 6 } });
  const readout = rows.getByRole('group', { name: 'Automation lanes of Master' }).getByLabel('Volume value');
  await expect.poll(async () => Number(((await readout.textContent()) ?? '').replace(' dB', '').replace('−', '-'))).toBeCloseTo(laneDb(after.slice(1), 20), 1);
  await undo.click();
  await expect.poll(async () => (await pointsOf(masterLane)).length).toBe(2);
  await app.getByRole('group', { name: 'Ruler' }).click({ position: { x: 1, y: 6 } });

  // All channels: one select sets the mode of every track, bus and the master.
  await rows.getByRole('combobox', { name: 'Automation mode of all channels' }).selectOption('Latch');
  for (const name of ['Wet', 'Direct', 'Reverb', 'Master']) await expect(app.getByRole('combobox', { name: `Automation mode of ${name}` }).first()).toHaveValue('latch');
  await app.getByRole('combobox', { name: 'Automation mode of Reverb' }).selectOption('Read');
  await expect(rows.getByRole('combobox', { name: 'Automation mode of all channels' })).toHaveValue('mixed');
  await rows.getByRole('combobox', { name: 'Automation mode of all channels' }).selectOption('Read');

  // Looked at: the arrangement from the song's start with the bus's and master's lanes open, at 1440 and 1280 px.
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await app.setViewportSize({ width, height });
    await inViewFromStart(masterLane);
    await app.screenshot({ path: `${screens}/buslanes/bus-master-lanes-${width}.png` });
  }

  const ramped = await exportSong(app, 'bus-ramps.wav');
  expect(ramped.rate).toBe(rate);
  const level = (audio: typeof ramped, at: number) => rmsDb(audio.left, rate, at * beat - 0.02, at * beat + 0.02);

  // The master's ramp, on the track that goes straight to it: the tone's own level (a −12.04 dBFS
  // sine has an RMS of −15.05 dBFS) moved by the lane's value there.
  const masterRamp = [10.5, 13.5].map((at) => {
    const measured = level(ramped, at) - -15.05;
    expect(Math.abs(measured - laneDb(master, at))).toBeLessThan(0.1);
    return `beat ${at}: lane ${laneDb(master, at).toFixed(2)} dB, file ${measured.toFixed(2)} dB`;
  });

  // The bus's ramp: the bus's points rubber-band selected and deleted (one undo step), the song
  // exported again; the reverb and the master's lane are the same in both files, so what differs
  // is the bus's lane alone.
  await inViewFromStart(busLane);
  const area = await busLane.boundingBox();
  if (!area) throw new Error('not laid out');
  await app.mouse.move(area.x + 5, area.y + 2);
  await app.mouse.down();
  await app.mouse.move(area.x + 8 * pixelsPerBeat, area.y + area.height - 2, { steps: 5 });
  await app.mouse.up();
  await expect(busLane.getByRole('button', { name: /^Point at beat/, pressed: true })).toHaveCount(2);
  await busLane.press('Delete');
  await expect(undo).toHaveAccessibleName('Undo Delete 2 Automation Points');
  await expect(busLane.getByRole('button', { name: /^Point at beat/ })).toHaveCount(0);
  const flat = await exportSong(app, 'bus-flat.wav');
  const busRamp = [2.5, 5.5].map((at) => {
    const measured = level(ramped, at) - level(flat, at);
    expect(Math.abs(measured - laneDb(bus, at))).toBeLessThan(0.1);
    return `beat ${at}: lane ${laneDb(bus, at).toFixed(2)} dB, file ${measured.toFixed(2)} dB`;
  });

  test.info().annotations.push({ type: 'measured', description: `master ramp ${masterRamp.join(', ')}; bus ramp ${busRamp.join(', ')}` });
  console.log(test.info().annotations.at(-1)?.description);
});

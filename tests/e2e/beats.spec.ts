import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { detectOnsets } from '../../src/analysis/onsets';
import { decodeAudio } from '../../src/codecs/decode';
import { defaultInstrumentParams, drumPadCount, drumPadParams, type InstrumentType } from '../../src/devices/instruments/catalog';
import { paramDefaults } from '../../src/devices/param-spec';
import { createEmptyProject } from '../../src/model/new-project';
import { createChannel, createTrack } from '../../src/model/new-track';
import { parseProject, serializeProject } from '../../src/model/parse-project';
import type { Instrument, Note, Project } from '../../src/model/project-schema';
import { expect, fileMenu, openProject, screens, test } from './fixtures';

const shots = `${screens}/beats`;

/** An instrument of `type` at its defaults (a drum machine with sixteen empty pads). */
function instrument(type: InstrumentType): Instrument {
  const params = defaultInstrumentParams(type);
  if (type === 'drums') {
    const pad = { name: '', source: null, params: paramDefaults(drumPadParams), output: null };
    return { id: 'i1', type, params, pads: Array.from({ length: drumPadCount }, () => ({ ...pad })) };
  }
  if (type === 'sampler') return { id: 'i1', type, params, zone: null };
  return { id: 'i1', type, params };
}

/**
 * A project with one instrument track holding one empty 1-bar note clip ("Beat"), looped over `bars`, written where the test can open it.
 * `song` changes the song's settings; `patternBeats` makes the pattern that long (and the clip too, unlooped).
 */
function writeProject(name: string, type: InstrumentType, bars: number, notes: Note[] = [], buses: Project['buses'] = [], song: Partial<Project> = {}, patternBeats = 4): string {
  const base = createEmptyProject(name);
  const track = { ...createTrack('t1', type === 'drums' ? 'Drums' : 'Lead', 0), instrument: instrument(type) };
  const loop = patternBeats === 4;
  const project: Project = {
    ...base,
    ...song,
    tracks: [{ ...track, clips: [{ kind: 'notes', id: 'c1', name: 'Beat', pattern: 'p1', start: 0, length: loop ? bars * 4 : patternBeats, offset: 0, loop, mute: false }] }],
    patterns: { p1: { name: 'Beat', length: patternBeats, notes, stepGrid: { division: '1/16', rowSteps: {} } } },
    buses,
  };
  const folder = path.join(process.env['GLOWROOM_HOME'] ?? '', 'beats');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.glowroom`);
  writeFileSync(file, serializeProject(project));
  return file;
}

/** Exports the whole song as 32-bit float WAV without loudness processing; returns the decoded file. */
async function exportSong(app: Page, fileName: string) {
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('off');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 32-bit float');
  const out = path.join(process.env['GLOWROOM_HOME'] ?? '', fileName);
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Loudness report' })).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  return decodeAudio(await readFile(out), fileName);
}

/** Saves the open project (Ctrl+S to its file) and reads the file back. */
async function savedProject(app: Page, file: string): Promise<Project> {
  await fileMenu(app, 'Save');
  await expect(app.getByRole('contentinfo')).toContainText(`Saved ${file}`);
  return parseProject(await readFile(file, 'utf8'), path.basename(file));
}

test('Four on the floor: the factory kit, then kick steps clicked on every beat make the pattern', async ({ app }) => {
  const file = writeProject('Four on the floor', 'drums', 2);
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  await expect(editor).toBeVisible();

  // First use: the drum machine's pads are empty; the factory kit fills them from the CC0 pack.
  await editor.getByRole('tab', { name: 'Pads' }).click();
  await editor.getByRole('button', { name: 'Factory kit' }).click();
  await expect(editor.getByRole('button', { name: 'Pad 1 Kick' })).toBeVisible();
  await app.screenshot({ path: `${shots}/pads.png` });
  // A pad clicked while stopped plays through the drum machine into the track's own channel (its
  // meter moves; the library's preview would reach only the master).
  await app.getByRole('button', { name: 'Mixer', exact: true }).click();
  const drumsMeter = app.getByRole('region', { name: 'Mixer' }).getByRole('meter', { name: 'Level of Drums' });
  await editor.getByRole('button', { name: 'Pad 1 Kick' }).click();
  await expect.poll(async () => Number(await drumsMeter.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-40);
  await app.screenshot({ path: `${shots}/pad-audition.png` });
  await app.getByRole('button', { name: 'Mixer', exact: true }).click();

  await editor.getByRole('tab', { name: 'Steps' }).click();
  const kick = editor.getByRole('row', { name: 'Kick', exact: true });
  for (const step of [1, 5, 9, 13]) await kick.getByRole('gridcell', { name: `Kick step ${step}`, exact: true }).click();
  for (const step of [1, 5, 9, 13]) await expect(kick.getByRole('gridcell', { name: `Kick step ${step}`, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(kick.getByRole('gridcell', { name: 'Kick step 2', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Add Step');
  await app.screenshot({ path: `${shots}/steps.png` });
  // The song's swing (every pattern without its own), typed in the editor's header.
  const swing = editor.getByRole('spinbutton', { name: 'Song swing in percent' });
  await swing.fill('60');
  await swing.press('Enter');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Change Song Swing');

  // The document holds the pattern: the kick (pad 1 = pitch 36) on every beat, a step long.
  const saved = await savedProject(app, file);
  expect(saved.patterns['p1']?.notes.map((n) => [n.pitch, n.start, n.length])).toEqual([[36, 0, 0.25], [36, 1, 0.25], [36, 2, 0.25], [36, 3, 0.25]]);
  expect(saved.swing).toBe(60);
  const kit = saved.tracks[0]?.instrument;
  expect(kit?.type === 'drums' ? saved.sources[kit.pads[0]!.source!]?.path : null).toMatch(/bd_haus\.flac$/);

  // Two bars at 120 BPM: the clip loops the one-bar pattern, so a kick every 0.5 s, eight in all,
  // found as onsets in the exported file (and nothing between the beats).
  const audio = await exportSong(app, 'four on the floor.wav');
  const onsets = detectOnsets(audio.channels, audio.sampleRate);
  const beatsAt = Array.from({ length: 8 }, (_, k) => k * 0.5);
  for (const beat of beatsAt) expect(onsets.some((t) => Math.abs(t - beat) <= 0.012), `a kick at ${beat} s (onsets: ${onsets.map((t) => t.toFixed(3)).join(', ')})`).toBe(true);
  for (const onset of onsets) expect(beatsAt.some((beat) => Math.abs(onset - beat) <= 0.012), `onset ${onset.toFixed(3)} s is on a beat`).toBe(true);
});

test('A melody drawn in the piano roll (the first length drawn is remembered) is exported at its pitches', async ({ app }) => {
  const file = writeProject('Melody', 'synth', 1);
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  const roll = editor.getByRole('listbox', { name: 'Notes' });
  await expect(roll).toBeVisible();
  await editor.getByRole('combobox', { name: 'Snap' }).selectOption('beat');

  // Draw C4 a beat long by dragging, then E4, G4 and C5 with the remembered length, one per beat.
  const melody = [60, 64, 67, 72];
  // The roll's default zoom: 96 px a beat, 14 px a key. Scroll so C4–C5 are in view (D5 at the top, under the bar numbers), then aim at their rows.
  await roll.evaluate((el, top) => el.closest('.roll-scroller')?.scrollTo({ top }), (127 - 74) * 14);
  const box = (await roll.boundingBox())!;
  const point = (beat: number, pitch: number) => ({ x: box.x + beat * 96 + 4, y: box.y + (127 - pitch) * 14 + 7 });
  const first = point(0, melody[0]!);
  await app.mouse.move(first.x, first.y);
  await app.mouse.down();
  await app.mouse.move(first.x + 96 - 10, first.y, { steps: 4 });
  await app.mouse.up();
  for (const [i, pitch] of melody.slice(1).entries()) {
    const p = point(i + 1, pitch);
    await app.mouse.click(p.x, p.y);
  }
  await expect(roll.getByRole('option')).toHaveCount(4);
  for (const [i, name] of ['C4', 'E4', 'G4', 'C5'].entries()) await expect(roll.getByRole('option', { name: `${name} at beat ${i + 1}` })).toHaveCount(1);
  await app.screenshot({ path: `${shots}/piano-roll.png` });

  const saved = await savedProject(app, file);
  expect(saved.patterns['p1']?.notes.map((n) => [n.pitch, n.start, n.length])).toEqual(melody.map((pitch, i) => [pitch, i, 1]));

  // Exported: each note's fundamental, measured in the middle of its beat, within 30 cents.
  const audio = await exportSong(app, 'melody.wav');
  const mono = audio.channels[0]!;
  const beat = audio.sampleRate * 0.5;
  for (const [i, pitch] of melody.entries()) {
    const wanted = 440 * 2 ** ((pitch - 69) / 12);
    const measured = fundamental(mono.subarray(Math.round(i * beat + beat * 0.2), Math.round(i * beat + beat * 0.6)), audio.sampleRate);
    expect(Math.abs(1200 * Math.log2(measured / wanted)), `note ${i + 1}: ${measured.toFixed(1)} Hz, wanted ${wanted.toFixed(1)} Hz`).toBeLessThan(30);
  }
});

/** The fundamental of a stretch of mono audio by normalised autocorrelation, between 80 and 1000 Hz (the first peak near the best, between samples). */
function fundamental(samples: Float32Array, sampleRate: number): number {
  const scores: number[] = [];
  const lags: number[] = [];
  for (let lag = Math.floor(sampleRate / 1000); lag <= Math.ceil(sampleRate / 80); lag++) {
    let sum = 0;
    let energy = 0;
    for (let i = 0; i + lag < samples.length; i++) {
      sum += samples[i]! * samples[i + lag]!;
      energy += samples[i]! * samples[i]!;
    }
    scores.push(energy > 0 ? sum / energy : 0);
    lags.push(lag);
  }
  const best = Math.max(...scores);
  let index = scores.findIndex((score) => score >= best * 0.9);
  while (index + 1 < scores.length && scores[index + 1]! > scores[index]!) index++;
  // A parabola through the peak and its neighbours finds the lag between whole samples.
  const [a, b, c] = [scores[index - 1] ?? 0, scores[index]!, scores[index + 1] ?? 0];
  const shift = a - 2 * b + c === 0 ? 0 : (0.5 * (a - c)) / (a - 2 * b + c);
  return sampleRate / (lags[index]! + shift);
}

test('Piano roll edits: fold to the scale, quantize, a chord stamp, then everything an octave up', async ({ app }) => {
  const offGrid = [
    { pitch: 61, start: 0.1, length: 0.5, velocity: 0.8 },
    { pitch: 66, start: 1.05, length: 0.5, velocity: 0.8 },
  ];
  const file = writeProject('Roll edits', 'synth', 1, offGrid);
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  const roll = editor.getByRole('listbox', { name: 'Notes' });
  await expect(roll.getByRole('option')).toHaveCount(2);

  // C major is shown (the song has no key), and Fold moves C#4 and F#4 down onto C4 and F4.
  await editor.getByRole('checkbox', { name: 'Scale' }).check();
  await editor.getByRole('button', { name: 'Fold' }).click();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Fold to Scale');
  // Quantize (1/16, 100 %) pulls the starts onto the grid.
  await editor.getByRole('button', { name: 'Quantize' }).click();
  await expect(roll.getByRole('option', { name: 'C4 at beat 1', exact: true })).toHaveCount(1);
  await expect(roll.getByRole('option', { name: 'F4 at beat 2', exact: true })).toHaveCount(1);

  // A minor chord stamped on A3 at beat 3.
  await editor.getByRole('combobox', { name: 'Chord stamp' }).selectOption('min');
  await roll.evaluate((el, top) => el.closest('.roll-scroller')?.scrollTo({ top }), (127 - 68) * 14);
  const box = (await roll.boundingBox())!;
  await app.mouse.click(box.x + 2 * 96 + 4, box.y + (127 - 57) * 14 + 7);
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Stamp Minor Chord');
  await expect(roll.getByRole('option')).toHaveCount(5);

  // Select all (Ctrl+A) and Shift+↑: an octave up, one step.
  await app.keyboard.press('Control+a');
  await app.keyboard.press('Shift+ArrowUp');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Transpose Notes');
  await app.screenshot({ path: `${shots}/piano-roll-edits.png` });

  const saved = await savedProject(app, file);
  expect(saved.patterns['p1']?.notes.map((n) => [n.pitch, n.start])).toEqual([[72, 0], [77, 1], [69, 2], [72, 2], [76, 2]]);
});

test('The piano roll of a clip across a meter change shows the song’s bars and meters and snaps to them', async ({ app }) => {
  // Bar 1 in 4/4 (beats 0–4), then 6/8 from bar 2: 3-beat bars at 4, 7 and 10. The clip and its pattern last 13 beats: four bars.
  const file = writeProject('Meters', 'synth', 1, [], [], { meterChanges: [{ bar: 1, timeSignature: [6, 8] }] }, 13);
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  const roll = editor.getByRole('listbox', { name: 'Notes' });
  await expect(roll).toBeVisible();

  // The ruler numbers the song's bars where they start (96 px a beat), with the meter where it changes.
  const bars = editor.getByRole('list', { name: 'Song bars' }).getByRole('listitem');
  await expect(bars).toHaveText(['1 4/4', '2 6/8', '3', '4']);
  const rollBox = (await roll.boundingBox())!;
  const starts = await bars.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().x));
  expect(starts.map((x) => Math.round(x - rollBox.x))).toEqual([0, 4, 7, 10].map((beat) => beat * 96));
  await expect(editor.getByRole('spinbutton', { name: 'Pattern length in bars' })).toHaveValue('4');

  // Snap to bars: a note drawn in the third bar starts on its first beat (7), not on a 4-beat grid (8).
  await editor.getByRole('combobox', { name: 'Snap' }).selectOption('bar');
  await roll.evaluate((el, top) => el.closest('.roll-scroller')?.scrollTo({ top }), (127 - 70) * 14);
  const box = (await roll.boundingBox())!;
  const at = (beat: number) => ({ x: box.x + beat * 96, y: box.y + (127 - 60) * 14 + 7 });
  await app.mouse.click(at(8.2).x, at(8.2).y);
  await expect(roll.getByRole('option', { name: 'C4 at beat 8', exact: true })).toHaveCount(1);
  // Dragged a bar and a bit later, it moves one 6/8 bar (3 beats), not four beats.
  await app.mouse.move(at(7.1).x, at(7.1).y);
  await app.mouse.down();
  await app.mouse.move(at(10.3).x, at(10.3).y, { steps: 6 });
  await app.mouse.up();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Move Note');
  await expect(roll.getByRole('option', { name: 'C4 at beat 11', exact: true })).toHaveCount(1);
  await app.screenshot({ path: `${shots}/piano-roll-meters.png` });

  // Quantize to half notes counts them from each bar: a D4 drawn off the grid (Alt) at 8.2 goes to 9 (7 + 2), not to 8.
  await editor.getByRole('combobox', { name: 'Snap' }).selectOption('1/2');
  const d4 = { x: at(8.2).x, y: at(8.2).y - 2 * 14 };
  await app.keyboard.down('Alt');
  await app.mouse.click(d4.x, d4.y);
  await app.keyboard.up('Alt');
  await expect(roll.getByRole('option', { name: 'D4 at beat 9.2', exact: true })).toHaveCount(1);
  await editor.getByRole('button', { name: 'Quantize' }).click();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Quantize Notes');
  await expect(roll.getByRole('option', { name: 'D4 at beat 10', exact: true })).toHaveCount(1);
  await expect(roll.getByRole('option', { name: 'C4 at beat 11', exact: true })).toHaveCount(1);
});

test('The piano roll of a looped clip shows its later passes under the song’s later meters', async ({ app }) => {
  // A 1-bar pattern (4 beats, a C4 on beat 1) looped over 16 beats; 6/8 from bar 2: bars at 0, 4, 7, 10 and 13.
  const note: Note = { pitch: 60, start: 0, length: 1, velocity: 0.8 };
  const file = writeProject('Looped meters', 'synth', 4, [note], [], { meterChanges: [{ bar: 1, timeSignature: [6, 8] }] });
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  const roll = editor.getByRole('listbox', { name: 'Notes' });
  await expect(roll).toBeVisible();
  await roll.evaluate((el, top) => el.closest('.roll-scroller')?.scrollTo({ top }), (127 - 66) * 14);
  await editor.getByRole('button', { name: 'Zoom out in time' }).click();
  await app.screenshot({ path: `${shots}/piano-roll-looped-meters.png` });

  // Every bar the clip plays is numbered where it starts (64 px a beat after one zoom out), with 6/8 where it changes.
  const bars = editor.getByRole('list', { name: 'Song bars' }).getByRole('listitem');
  await expect(bars).toHaveText(['1 4/4', '2 6/8', '3', '4', '5']);
  const rollBox = (await roll.boundingBox())!;
  const starts = await bars.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().x));
  expect(starts.map((x) => Math.round(x - rollBox.x))).toEqual([0, 4, 7, 10, 13].map((beat) => beat * 64));
  // The later passes repeat the note at beats 5, 9 and 13 (not editable: the pattern itself has one note).
  const passes = editor.getByRole('group', { name: /^Loop pass/ });
  await expect(passes).toHaveCount(3);
  const repeats = await editor.locator('.roll-repeat').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().x));
  expect(repeats.map((x) => Math.round(x - rollBox.x))).toEqual([4, 8, 12].map((beat) => beat * 64));
  await expect(roll.getByRole('option')).toHaveCount(1);
});

test('Step sequencer: a drag paints a row in one step, a 3-step row repeats over the bar, the lane sets velocity', async ({ app }) => {
  const file = writeProject('Steps', 'drums', 1);
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  const row = editor.getByRole('row', { name: 'Pad 7', exact: true });
  const cell = (step: number) => row.getByRole('gridcell', { name: `Pad 7 step ${step}`, exact: true });

  // Paint steps 1–8 with one drag: one undo step.
  const from = (await cell(1).boundingBox())!;
  const to = (await cell(8).boundingBox())!;
  await app.mouse.move(from.x + 5, from.y + 5);
  await app.mouse.down();
  await app.mouse.move(to.x + 5, to.y + 5, { steps: 12 });
  await app.mouse.up();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Add 8 Steps');

  // Pad 8 gets its own cycle of 3 steps with step 1 on: it sounds on steps 1, 4, 7, 10, 13, 16.
  const poly = editor.getByRole('spinbutton', { name: 'Pad 8 steps' });
  await poly.fill('3');
  await poly.press('Enter');
  await editor.getByRole('gridcell', { name: 'Pad 8 step 1', exact: true }).click();

  // The lane of Pad 7 (the row last painted): drag its first bar down to about a quarter.
  await row.getByRole('button', { name: 'Pad 7', exact: true }).click();
  const lane = editor.getByRole('group', { name: 'Velocity of Pad 7' });
  const bar = (await lane.boundingBox())!;
  await app.mouse.move(bar.x + 8, bar.y + 4);
  await app.mouse.down();
  await app.mouse.move(bar.x + 8, bar.y + bar.height * 0.75, { steps: 4 });
  await app.mouse.up();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Change Velocity');
  await app.screenshot({ path: `${shots}/steps-paint.png` });

  const saved = await savedProject(app, file);
  const notes = saved.patterns['p1']!.notes;
  expect(notes.filter((n) => n.pitch === 42).map((n) => n.start)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75]);
  expect(notes.filter((n) => n.pitch === 43).map((n) => n.start)).toEqual([0, 0.75, 1.5, 2.25, 3, 3.75]);
  expect(saved.patterns['p1']!.stepGrid?.rowSteps).toEqual({ '43': 3 });
  const first = notes.find((n) => n.pitch === 42 && n.start === 0)!;
  expect(first.velocity).toBeGreaterThan(0.15);
  expect(first.velocity).toBeLessThan(0.35);
});

test('A pad routed to a bus plays into that bus, past the drum track’s channel', async ({ app }) => {
  const file = writeProject('Pad output', 'drums', 1, [], [{ id: 'fx', name: 'FX', colour: '#5aa9ff', channel: createChannel() }]);
  await openProject(app, file);
  await app.getByLabel('Clip Beat').dblclick();
  const editor = app.getByRole('region', { name: 'Beat editor' });
  await editor.getByRole('tab', { name: 'Pads' }).click();
  await editor.getByRole('button', { name: 'Factory kit' }).click();
  await expect(editor.getByRole('button', { name: 'Pad 1 Kick' })).toBeVisible();
  await editor.getByRole('combobox', { name: 'Pad 1 output' }).selectOption({ label: 'FX' });
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Route Pad 1');

  await app.getByRole('button', { name: 'Mixer', exact: true }).click();
  const mixer = app.getByRole('region', { name: 'Mixer' });
  const level = async (name: string) => Number(await mixer.getByRole('meter', { name: `Level of ${name}` }).getAttribute('aria-valuenow'));
  await editor.getByRole('button', { name: 'Pad 1 Kick' }).click();
  await expect.poll(() => level('FX'), { timeout: 10_000 }).toBeGreaterThan(-40);
  expect(await level('Drums')).toBeLessThan(-100);
  await app.screenshot({ path: `${shots}/pad-output.png` });
});

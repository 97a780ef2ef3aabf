import path from 'node:path';
import type { Page } from '@playwright/test';
import type { NoteClip } from '../../src/model/project-schema';
import { statusSlots } from '../../src/protocol/engine';
import { expect, screens, test, watchForState } from './fixtures';
import { installLoopback } from './loopback';
import { cableSeconds, dragRuler, saveAs } from './recording-helpers';

const shots = `${screens}/meter`;

interface Played {
  readonly key: string;
  /** The timeline frame the output device was playing when the key went down. */
  readonly frame: number;
  readonly rate: number;
}

test('the transport’s Record records computer-keyboard notes into the armed instrument track after the count-in: one undo step, each note within 1 ms of where it was played', async ({ app, tempDir }) => {
  // Where each key was played: the song position the output device was playing when the key went
  // down (the key event's time stamp), from the engine's status buffer (its context frame ↔
  // playhead pair) and the context's output time stamp, read by a capture listener that runs
  // before the app's.
  await app.addInitScript((slots: { playhead: number; context: number }) => {
    const played: { key: string; frame: number; rate: number }[] = [];
    let status: Float64Array | null = null;
    let context: AudioContext | null = null;
    const Original = window.AudioWorkletNode;
    window.AudioWorkletNode = class extends Original {
      constructor(owner: BaseAudioContext, name: string, options?: AudioWorkletNodeOptions) {
        super(owner, name, options);
        const buffer = (options?.processorOptions as { status?: SharedArrayBuffer } | undefined)?.status;
        if (buffer && owner instanceof AudioContext) {
          status = new Float64Array(buffer);
          context = owner;
        }
      }
    };
    window.addEventListener('keydown', (event) => {
      if (event.repeat || !status || !context || !'adg'.includes(event.key)) return;
      const at = status[slots.context] as number;
      const playhead = status[slots.playhead] as number;
      const stamp = context.getOutputTimestamp();
      const rate = context.sampleRate;
      const frame = playhead + ((stamp.contextTime ?? 0) + (event.timeStamp - (stamp.performanceTime ?? 0)) / 1000) * rate - at;
      played.push({ key: event.key, frame, rate });
    }, { capture: true });
    Object.assign(window, { __played: played });
  }, { playhead: statusSlots.playheadFrame, context: statusSlots.contextFrame });
  await app.reload();

  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('synth');
  await expect(app.getByRole('button', { name: /^Arm Synth.* for recording$/ })).toHaveAttribute('aria-pressed', 'true');
  await app.getByRole('button', { name: 'Computer keyboard' }).click();
  await app.getByRole('combobox', { name: 'Count-in' }).selectOption('1');

  const record = app.getByRole('button', { name: 'Record', exact: true });
  const countingIn = await watchForState(record, { className: 'is-counting-in' });
  await record.click();
  await countingIn();
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'true', { timeout: 10_000 });
  await expect(record).toHaveClass(/is-recording/);
  await app.waitForTimeout(300);
  for (const key of ['a', 'd', 'g']) {
    await app.keyboard.down(key);
    await app.waitForTimeout(180);
    await app.keyboard.up(key);
    await app.waitForTimeout(120);
  }
  await app.screenshot({ path: `${shots}/transport-record-notes.png` });
  await record.click();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Record 3 Notes');
  await expect(record).toHaveAttribute('aria-pressed', 'false');

  const played = (await app.evaluate(() => (window as unknown as { __played: Played[] }).__played)) as Played[];
  expect(played.map((p) => p.key)).toEqual(['a', 'd', 'g']);
  const file = path.join(tempDir, 'notes.glowroom');
  const saved = await saveAs(app, file);
  const track = saved.tracks.find((t) => t.instrument !== undefined);
  const clip = track?.clips.find((c): c is NoteClip => c.kind === 'notes');
  if (!clip) throw new Error('no note clip');
  const pattern = saved.patterns[clip.pattern];
  if (!pattern) throw new Error('no pattern');
  // 120 BPM: half a second a beat. A (C4), D (E4), G (G4) in the order played.
  const notes = [...pattern.notes].sort((a, b) => a.start - b.start);
  expect(notes.map((n) => n.pitch)).toEqual([60, 64, 67]);
  notes.forEach((note, i) => {
    const heard = played[i] as Played;
    const ms = Math.abs((clip.start + note.start) * 0.5 - heard.frame / heard.rate) * 1000;
    console.log(`note ${i + 1}: ${ms.toFixed(3)} ms from where it was played`);
    expect(ms, `note ${i + 1} is ${ms.toFixed(3)} ms from where it was played`).toBeLessThanOrEqual(1);
  });
  // Played after the count-in, into the song from where the playhead stood.
  expect(clip.start).toBe(0);
  expect(notes[0]?.start).toBeGreaterThan(0);
});

test('with an audio track armed as well, one Record makes an audio take and a note clip at once, one undo step', async ({ app, tempDir }) => {
  await installLoopback(app, cableSeconds);
  await app.reload();
  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('synth');
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('button', { name: /^Arm Audio \d+ for recording$/ }).click();
  await app.getByRole('button', { name: 'Audio input' }).click();
  await app.getByRole('dialog', { name: 'Recording input' }).getByRole('combobox', { name: 'Input device' }).selectOption({ label: 'Loopback cable' });
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Computer keyboard' }).click();

  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveClass(/is-recording/);
  await app.waitForTimeout(400);
  for (const key of ['a', 'g']) {
    await app.keyboard.down(key);
    await app.waitForTimeout(150);
    await app.keyboard.up(key);
    await app.waitForTimeout(150);
  }
  await record.click();
  await expect(app.getByRole('contentinfo')).toContainText(/Added Audio \d+( \d+)?\.wav/);
  const undo = app.getByRole('button', { name: /^Undo/ });
  // The take and the notes are one undo step.
  await expect(undo).toHaveAccessibleName('Undo Record Take and 2 Notes');
  await app.screenshot({ path: `${shots}/transport-record-audio-and-notes.png` });
  await undo.click();
  await expect(app.getByLabel(/^Clip Audio \d+\.wav/)).toHaveCount(0);
  await expect(app.getByRole('button', { name: /^Redo/ })).toHaveAccessibleName('Redo Record Take and 2 Notes');
  await app.getByRole('button', { name: /^Redo/ }).click();

  const file = path.join(tempDir, 'both.glowroom');
  const saved = await saveAs(app, file);
  const synth = saved.tracks.find((t) => t.instrument !== undefined);
  const audio = saved.tracks.find((t) => t.instrument === undefined);
  const notes = synth?.clips.find((c): c is NoteClip => c.kind === 'notes');
  expect(audio?.clips.some((c) => c.kind === 'audio')).toBe(true);
  if (!notes) throw new Error('no note clip');
  expect(saved.patterns[notes.pattern]?.notes.map((n) => n.pitch)).toEqual([60, 67]);
});

/**
 * Waits until the playhead shows a position in bars.beats matching `shown`. A beat lasts 0.5 s at
 * 120 BPM, shorter than a round trip to the page can take on a loaded machine, so the page itself
 * reads the display on every animation frame (the frames the display is drawn on): no position
 * shown is missed.
 */
async function waitForPosition(app: Page, shown: RegExp): Promise<void> {
  await app.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[role="timer"][aria-label="Position in bars and beats"]')?.textContent ?? ''),
    shown.source,
    { polling: 'raf', timeout: 30_000 },
  );
}

test('notes recorded with the loop on make a note take of each pass, stacked like audio takes: the newest whole pass plays, the others are kept and choosable', async ({ app, tempDir }) => {
  // Five 2 s loop passes played in real time, then a save and the take lanes (~14 s quiet, over 60 s with a tenth of a core).
  test.slow();
  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('synth');
  const arm = app.getByRole('button', { name: /^Arm Synth.* for recording$/ });
  await expect(arm).toHaveAttribute('aria-pressed', 'true');
  const name = ((await arm.getAttribute('aria-label')) ?? '').replace(/^Arm (.*) for recording$/, '$1');
  await app.getByRole('button', { name: 'Computer keyboard' }).click();
  // Loop bar 2 (beats 4–8, 2 s a pass at 120 BPM).
  await dragRuler(app, 4, 8);
  await expect(app.getByRole('button', { name: 'Loop', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveClass(/is-recording/);
  // One key in each of three passes, on the bar's second beat (well inside the pass, whatever the
  // output latency); the third pass is stopped half way.
  for (const key of ['a', 'd', 'g']) {
    await waitForPosition(app, /^2\.2\./);
    await app.keyboard.down(key);
    await waitForPosition(app, /^2\.[34]\./);
    await app.keyboard.up(key);
    if (key !== 'g') continue;
    await record.click();
  }
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  const undo = app.getByRole('button', { name: /^Undo/ });
  await expect(undo).toHaveAccessibleName('Undo Record 3 Note Takes');

  const saved = await saveAs(app, path.join(tempDir, 'note takes.glowroom'));
  // The new track's empty clip at bar 1 stays as it was; the takes are beside it.
  const clips = (saved.tracks.find((t) => t.instrument !== undefined)?.clips ?? []).filter((clip): clip is NoteClip => clip.kind === 'notes' && clip.take !== undefined);
  expect(clips.map((clip) => [clip.take, clip.start, clip.mute])).toEqual([
    [{ group: 'g1', pass: 1 }, 4, true],
    [{ group: 'g1', pass: 2 }, 4, false],
    [{ group: 'g1', pass: 3 }, 4, true],
  ]);
  expect(clips.map((clip) => clip.length)).toEqual([4, 4, expect.any(Number)]);
  expect(clips[2]?.length).toBeLessThan(4);
  // Each pass is a take of its own notes (A = C4, D = E4, G = G4), played when the display showed
  // the loop's second beat (heard a little earlier or later than it shows).
  expect(clips.map((clip) => saved.patterns[clip.pattern]?.notes.map((n) => n.pitch))).toEqual([[60], [64], [67]]);
  for (const clip of clips) for (const n of saved.patterns[clip.pattern]?.notes ?? []) expect(n.start > 0.5 && n.start < 3, `note ${n.pitch} at ${n.start}`).toBe(true);

  // The take lanes show them; choosing take 1 plays it instead (one undo step).
  await app.getByRole('button', { name: 'Close beat editor' }).click();
  await app.getByRole('button', { name: `Show takes of ${name}` }).click();
  const lanes = app.getByRole('group', { name: `Takes of ${name}` });
  await expect(lanes.getByRole('button')).toHaveCount(3);
  await expect(lanes.getByRole('button', { name: 'Take 2 at bar 2.1' })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${shots}/note-take-lanes.png` });
  await lanes.getByRole('button', { name: 'Take 1 at bar 2.1' }).click();
  await expect(undo).toHaveAccessibleName('Undo Use Take');
  await expect(lanes.getByRole('button', { name: 'Take 1 at bar 2.1' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lanes.getByRole('button', { name: 'Take 2 at bar 2.1' })).toHaveAttribute('aria-pressed', 'false');
  await app.screenshot({ path: `${shots}/note-take-lanes-chosen.png` });

  // Recording over the group again adds its passes to it.
  await record.click();
  await expect(record).toHaveClass(/is-recording/);
  await waitForPosition(app, /^2\.2\./);
  await app.keyboard.press('j');
  await waitForPosition(app, /^2\.[34]\./);
  await waitForPosition(app, /^2\.[12]\./);
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  await expect(undo).toHaveAccessibleName('Undo Record Note Take');
  await expect(lanes.getByRole('button')).toHaveCount(4);
  await expect(lanes.getByRole('button', { name: 'Take 4 at bar 2.1' })).toHaveAttribute('aria-pressed', 'true');
  for (const pass of [1, 2, 3]) await expect(lanes.getByRole('button', { name: `Take ${pass} at bar 2.1` })).toHaveAttribute('aria-pressed', 'false');
  await app.mouse.move(0, 0);
  await app.screenshot({ path: `${shots}/note-take-lanes-joined.png` });
});

test('while punching, a recording of notes keeps only the notes that start in the punch range', async ({ app, tempDir }) => {
  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('synth');
  await expect(app.getByRole('button', { name: /^Arm Synth.* for recording$/ })).toHaveAttribute('aria-pressed', 'true');
  await app.getByRole('button', { name: 'Computer keyboard' }).click();
  // Punch over bar 2 (beats 4–8); the loop stays off.
  await dragRuler(app, 4, 8, true);
  await expect(app.getByRole('button', { name: 'Punch in/out' })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('button', { name: 'Loop', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await app.getByRole('button', { name: 'Return to start' }).click();

  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveClass(/is-recording/);
  // One key before the punch range, one in it, one after.
  for (const [key, at] of [['a', /^1\.3\./], ['d', /^2\.2\./], ['g', /^3\.2\./]] as const) {
    await waitForPosition(app, at);
    await app.keyboard.press(key);
  }
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Record Note');

  const saved = await saveAs(app, path.join(tempDir, 'punched notes.glowroom'));
  const clips = (saved.tracks.find((t) => t.instrument !== undefined)?.clips ?? []).filter((clip): clip is NoteClip => clip.kind === 'notes' && clip.start > 0);
  expect(clips.map((clip) => [clip.start, clip.length])).toEqual([[4, 4]]);
  expect(saved.patterns[clips[0]?.pattern ?? '']?.notes.map((n) => n.pitch)).toEqual([64]);
  expect(saved.punch).toEqual({ start: 4, end: 8, on: true });
});

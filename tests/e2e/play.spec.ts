import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readMidiFile } from '../../src/codecs/midi';
import { chooseInFileBrowser, expect, fileMenu, repoRoot, screens, test, watchForState } from './fixtures';

const shots = `${screens}/midi`;
const song = path.join(repoRoot, 'tests/fixtures/midi/mido-type1.mid');

test('a MIDI file imports as instrument tracks; the computer keyboard plays the armed track; a take records into its clip and exports as MIDI', async ({ app, tempDir }) => {
  // Two takes played in real time, a count-in and an export (~12 s quiet, over 60 s with a tenth of a core).
  test.slow();
  const status = app.getByRole('contentinfo');
  const playKey = async (key: string, note: string) => {
    const shown = app.getByRole('button', { name: note, exact: true });
    await app.keyboard.down(key);
    await expect(shown).toHaveAttribute('aria-pressed', 'true');
    await app.keyboard.up(key);
    await expect(shown).toHaveAttribute('aria-pressed', 'false');
  };

  // Import: one instrument track per MIDI track, the file's tempo.
  await fileMenu(app, 'Import MIDI File…');
  await chooseInFileBrowser(app, 'Import a MIDI file', song, 'Import');
  await expect(status).toContainText('Imported mido-type1.mid: 2 tracks at 100 BPM.');
  await expect(app.getByLabel('Clip Bass')).toBeVisible();
  await expect(app.getByLabel('Clip Drums')).toBeVisible();
  const armed = app.getByRole('combobox', { name: 'Armed track' });
  await expect(armed).toHaveValue(await armed.locator('option', { hasText: 'Bass' }).getAttribute('value') ?? '');

  // The computer keyboard: A plays C4 on the armed track; the strip lights the key while it is held.
  const keyboard = app.getByRole('button', { name: 'Computer keyboard' });
  await keyboard.click();
  await expect(keyboard).toHaveAttribute('aria-pressed', 'true');
  await app.keyboard.down('a');
  await expect(app.getByRole('button', { name: 'C4', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${shots}/keyboard-strip.png` });
  await app.keyboard.up('a');
  await expect(app.getByRole('button', { name: 'C4', exact: true })).toHaveAttribute('aria-pressed', 'false');
  // X: an octave up, shown on the strip and the readout.
  await app.keyboard.press('x');
  await expect(app.getByText('C5 · velocity 100')).toBeVisible();
  await app.keyboard.press('z');

  // Recording without a count-in: three notes into the clip under the playhead (overdub).
  await app.getByRole('checkbox', { name: 'Count-in' }).uncheck();
  await app.getByRole('button', { name: 'Record notes' }).click();
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // Each key is held until the strip shows it sounding, and let go until it shows it silent.
  for (const [key, note] of [['a', 'C4'], ['d', 'E4'], ['g', 'G4']] as const) await playKey(key, note);
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Record 3 Notes');

  // Export the armed track as MIDI: its notes are the file's bass line plus the take.
  const out = path.join(tempDir, 'bass.mid');
  await fileMenu(app, 'Export Track as MIDI…');
  await chooseInFileBrowser(app, 'Export as MIDI file', out, 'Export');
  await expect(status).toContainText(`Wrote ${out}.`);
  const written = readMidiFile(new Uint8Array(readFileSync(out)));
  const pitches = written.tracks.flatMap((t) => t.notes.map((n) => n.pitch)).sort((a, b) => a - b);
  expect(pitches).toEqual([36, 36, 43, 60, 64, 67]);

  // The count-in is one setting, shown by the play bar's checkbox and the transport's Count-in.
  const countInBox = app.getByRole('checkbox', { name: 'Count-in' });
  const transportCountIn = app.getByRole('combobox', { name: 'Count-in' });
  await expect(transportCountIn).toHaveValue('0');
  await transportCountIn.selectOption('2');
  await expect(countInBox).toBeChecked();
  await countInBox.uncheck();
  await expect(transportCountIn).toHaveValue('0');

  // With the count-in: a bar of clicks first, then the take; Replace clears what was under it.
  await countInBox.check();
  await expect(transportCountIn).toHaveValue('1');
  await app.getByRole('combobox', { name: 'Record mode' }).selectOption('Replace');
  const recordNotes = app.getByRole('button', { name: 'Record notes' });
  const countingIn = await watchForState(recordNotes, { text: 'Counting in…' });
  await recordNotes.click();
  await countingIn();
  // The count-in lasts a bar of the audio clock, which a loaded machine may run late: no limit of its own.
  await expect(app.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await playKey('k', 'C5');
  await app.getByRole('button', { name: 'Stop recording' }).click();
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Record Note');
});

test('a damaged MIDI file is refused with the reason and nothing is added', async ({ app, tempDir }) => {
  const cut = path.join(tempDir, 'cut.mid');
  writeFileSync(cut, readFileSync(song).subarray(0, 100));
  await fileMenu(app, 'Import MIDI File…');
  await chooseInFileBrowser(app, 'Import a MIDI file', cut, 'Import');
  await expect(app.getByRole('contentinfo')).toContainText('cut.mid is damaged: track 2 is cut short (the file is truncated). Nothing was imported');
  await expect(app.getByRole('combobox', { name: 'Armed track' })).toBeDisabled();
});

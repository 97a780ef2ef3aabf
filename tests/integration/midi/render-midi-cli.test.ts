import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectOnsets } from '../../../src/analysis/onsets';
import { writeMidiFile } from '../../../src/codecs/midi';
import { decodeWav } from '../../../src/codecs/wav';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

const song = fileURLToPath(new URL('../../fixtures/midi/mido-type1.mid', import.meta.url));

function glowroom(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('glowroom render song.mid', () => {
  it('plays the melody on the default synth and channel 10 on the factory kit, each note starting at its time in the file', () => {
    // 120 BPM, 480 ticks a beat: a C4–E4–G4 line on the even beats, a kick (36) and a snare (38) on the odd ones.
    const beat = 480;
    const synthBeats = [0, 2, 4];
    const drumBeats = [1, 3, 5];
    const bytes = writeMidiFile({
      ticksPerQuarter: beat,
      tempos: [{ tick: 0, microsPerQuarter: 500_000 }],
      meters: [{ tick: 0, numerator: 4, denominator: 4 }],
      tracks: [
        { name: 'Lead', notes: synthBeats.map((b, i) => ({ channel: 0, pitch: [60, 64, 67][i]!, velocity: 110, start: b * beat, duration: beat / 2 })) },
        { name: 'Beat', notes: drumBeats.map((b, i) => ({ channel: 9, pitch: i === 1 ? 38 : 36, velocity: 120, start: b * beat, duration: beat / 4 })) },
      ],
    });
    const dir = tempDir();
    const midi = path.join(dir, 'song.mid');
    writeFileSync(midi, bytes);
    const out = path.join(dir, 'song.wav');
    const result = glowroom('render', midi, '-o', out, '--bits', '32f', '--quiet');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('silent');
    const audio = decodeWav(new Uint8Array(readFileSync(out)));
    const left = audio.channels[0]!;
    const peak = left.reduce((most, x) => Math.max(most, Math.abs(x)), 0);
    expect(20 * Math.log10(peak)).toBeGreaterThan(-20);
    // Each half second holds a sound (the drums too: the odd beats are theirs alone).
    for (const b of [...synthBeats, ...drumBeats]) {
      const from = Math.round(b * 0.5 * audio.sampleRate);
      const level = left.subarray(from, from + audio.sampleRate / 10).reduce((most, x) => Math.max(most, Math.abs(x)), 0);
      expect(20 * Math.log10(level), `beat ${b}`).toBeGreaterThan(-30);
    }
    const onsets = detectOnsets(audio.channels, audio.sampleRate);
    const times = [...synthBeats, ...drumBeats].map((b) => b * 0.5);
    for (const time of times) expect(onsets.some((t) => Math.abs(t - time) <= 0.012), `a note at ${time} s (onsets: ${onsets.map((t) => t.toFixed(3)).join(', ')})`).toBe(true);
    for (const onset of onsets) expect(times.some((time) => Math.abs(onset - time) <= 0.012), `onset ${onset.toFixed(3)} s is a note's`).toBe(true);
  });

  it('refuses a damaged MIDI file with the reason and exit status 1, writing nothing', () => {
    const dir = tempDir();
    const cut = path.join(dir, 'cut.mid');
    writeFileSync(cut, readFileSync(song).subarray(0, 100));
    const out = path.join(dir, 'cut.wav');
    const result = glowroom('render', cut, '-o', out, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cut.mid is damaged: track 2 is cut short (the file is truncated).');
    expect(() => readFileSync(out)).toThrow();
  });

  it('says in --help that it takes MIDI files', () => {
    expect(glowroom('render', '--help').stdout.replace(/\s+/g, ' ')).toContain('or a .mid MIDI file played on the default synth and drum kit');
  });
});

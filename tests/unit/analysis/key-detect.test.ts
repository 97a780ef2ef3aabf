import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKey } from '../../../src/analysis/key-detect';
import { parseKey } from '../../../src/analysis/musical-key';
import { decodeAudio } from '../../../src/codecs/decode';

const sampleRate = 44_100;
const pack = path.resolve(import.meta.dirname, '../../../../shared/fixtures/sample-pack');

/** Harmonic tones (1/h amplitudes, 6 partials) for each chord, each held `seconds`, with a short fade. */
function progression(chords: readonly (readonly number[])[], seconds = 0.75, rate = sampleRate): Float32Array {
  const per = Math.round(seconds * rate);
  const out = new Float32Array(per * chords.length);
  chords.forEach((chord, c) => {
    for (const midi of chord) {
      const f0 = 440 * 2 ** ((midi - 69) / 12);
      for (let h = 1; h <= 6; h++) {
        if (f0 * h > rate / 2) break;
        const w = (2 * Math.PI * f0 * h) / rate;
        for (let i = 0; i < per; i++) {
          const fade = Math.min(1, i / 400, (per - i) / 400);
          out[c * per + i] = (out[c * per + i] ?? 0) + (0.08 / h) * fade * Math.sin(w * i);
        }
      }
    }
  });
  return out;
}

const triad = (root: number, minor: boolean) => [root, root + (minor ? 3 : 4), root + 7];

/** I–IV–V–I in a major key, i–iv–V–i (harmonic minor's major dominant) in a minor key, bass note added. */
function cadence(tonic: number, minor: boolean): number[][] {
  const chords = [triad(tonic, minor), triad(tonic + 5, minor), triad(tonic + 7, false), triad(tonic, minor)];
  return chords.map((chord) => [(chord[0] ?? 60) - 12, ...chord]);
}

function seededNoise(length: number, seed = 1): Float32Array {
  let state = seed;
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    out[i] = (state / 2 ** 32 - 0.5) * 0.5;
  }
  return out;
}

describe('detectKey', () => {
  it('names a C major triad sequence C major', () => {
    const result = detectKey([progression(cadence(60, false))], sampleRate);
    expect(result?.key).toBe('C major');
    expect(result?.confidence).toBeGreaterThan(0.3);
  });

  it('names an A minor progression with harmonic content A minor, with the spelling parseKey uses', () => {
    const result = detectKey([progression(cadence(57, true))], sampleRate);
    expect(result?.key).toBe(parseKey('Am'));
  });

  it('names chord progressions in at least 8 of 10 keys', () => {
    const keys: [number, boolean, string][] = [
      [60, false, 'C major'], [62, true, 'D minor'], [64, false, 'E major'], [65, true, 'F minor'], [66, false, 'F# major'],
      [67, true, 'G minor'], [68, false, 'Ab major'], [69, true, 'A minor'], [70, false, 'Bb major'], [71, true, 'B minor'],
    ];
    const right = keys.filter(([tonic, minor, name]) => detectKey([progression(cadence(tonic, minor))], sampleRate)?.key === name);
    expect(right.length, `right: ${right.map(([, , name]) => name).join(', ')}`).toBeGreaterThanOrEqual(8);
  });

  it('works at 96 kHz and on stereo', () => {
    const left = progression(cadence(63, true), 0.75, 96_000);
    expect(detectKey([left, left], 96_000)?.key).toBe('Eb minor');
  });

  it('gives null for noise, a kick, a very short sound and silence', () => {
    expect(detectKey([seededNoise(sampleRate * 3)], sampleRate)).toBeNull();
    const kick = new Float32Array(sampleRate * 1);
    let phase = 0;
    for (let i = 0; i < kick.length; i++) {
      const t = i / sampleRate;
      phase += (2 * Math.PI * (50 + 150 * Math.exp(-t * 30))) / sampleRate;
      kick[i] = Math.exp(-t * 8) * Math.sin(phase);
    }
    expect(detectKey([kick], sampleRate)).toBeNull();
    expect(detectKey([progression([[60, 64, 67]], 0.3)], sampleRate)).toBeNull();
    expect(detectKey([new Float32Array(sampleRate * 2)], sampleRate)).toBeNull();
  });

  it('gives null for the drum kicks of the sample pack', async () => {
    for (const name of ['bd_boom.flac', 'bd_klub_48k.wav']) {
      const audio = await decodeAudio(readFileSync(path.join(pack, 'Drums/Kicks', name)), name);
      expect(detectKey(audio.channels, audio.sampleRate), name).toBeNull();
    }
  });

  it('does not guess on garzul_120bpm_Cmin_96k.wav, whose drums swamp the harmony', async () => {
    // The name says C minor, but the loop is drum-dominated: its chroma is nearly flat (every pitch
    // class ≥ 0.36 of the strongest) and the best of the 24 profiles correlates only ≈0.37 (Bb
    // minor, neither C minor nor Eb major), below the 0.6 needed. Null is the honest answer; in the
    // library the name's key wins anyway.
    const name = 'garzul_120bpm_Cmin_96k.wav';
    const audio = await decodeAudio(readFileSync(path.join(pack, 'Loops', name)), name);
    expect(detectKey(audio.channels, audio.sampleRate)).toBeNull();
    const forced = detectKey(audio.channels, audio.sampleRate, { minCorrelation: -1, minConfidence: 0 });
    expect(forced?.correlation).toBeLessThan(0.5);
  });
});

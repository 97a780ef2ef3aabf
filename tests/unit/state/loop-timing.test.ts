import { describe, expect, it } from 'vitest';
import { keyShift } from '../../../src/analysis/musical-key';
import { previewWarpOf, warpModeOf } from '../../../renderer/state/loop-timing';

const loop = { kind: 'loop' as const, bpm: 137, key: 'A minor', tags: ['loop', 'synth'] };

describe('keyShift', () => {
  it('moves by the smallest interval, up to 5 semitones up or 6 down', () => {
    expect(keyShift('C major', 'D major')).toBe(2);
    expect(keyShift('C major', 'Bb major')).toBe(-2);
    expect(keyShift('C major', 'F major')).toBe(5);
    expect(keyShift('C major', 'F# major')).toBe(-6);
    expect(keyShift('C major', 'G major')).toBe(-5);
    expect(keyShift('E minor', 'E minor')).toBe(0);
  });

  it('fits a minor key to a major one through its relative (the same notes)', () => {
    expect(keyShift('A minor', 'C major')).toBe(0);
    expect(keyShift('C minor', 'A minor')).toBe(-3);
    expect(keyShift('A minor', 'D major')).toBe(2);
    expect(keyShift('Eb major', 'C minor')).toBe(0);
  });
});

describe('how the library auditions a row', () => {
  it('warps drum loops in beats mode and the rest in tonal mode', () => {
    expect(warpModeOf({ tags: ['break', 'loop'] })).toBe('beats');
    expect(warpModeOf({ tags: ['hat', 'loop'] })).toBe('beats');
    expect(warpModeOf({ tags: ['vocal', 'loop'] })).toBe('tonal');
    expect(warpModeOf({ tags: [] })).toBe('tonal');
  });

  it('plays a loop of known tempo in time, transposed only when a song key is given and the loop has a key', () => {
    expect(previewWarpOf(loop, null)).toEqual({ mode: 'tonal', sourceTempo: 137, transpose: 0 });
    expect(previewWarpOf(loop, 'D minor')).toEqual({ mode: 'tonal', sourceTempo: 137, transpose: 5 });
    expect(previewWarpOf({ ...loop, key: null }, 'D minor')).toEqual({ mode: 'tonal', sourceTempo: 137, transpose: 0 });
  });

  it('plays one-shots and loops of unknown tempo as they are', () => {
    expect(previewWarpOf({ ...loop, kind: 'one-shot' }, 'D minor')).toBeNull();
    expect(previewWarpOf({ ...loop, bpm: null }, 'D minor')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { placementTiming } from '../../../renderer/state/loop-timing';

const loop = { kind: 'loop' as const, bpm: 137, tags: ['break', 'loop'] };

describe('placing a library sample', () => {
  it('warps a loop of known tempo from that tempo: beats mode for drums, tonal for the rest', () => {
    expect(placementTiming(loop, true)).toEqual({ mode: 'beats', sourceTempo: 137 });
    expect(placementTiming({ ...loop, tags: ['loop', 'vocal'] }, true)).toEqual({ mode: 'tonal', sourceTempo: 137 });
  });

  it('asks for the tempo of a loop whose tempo is not known, instead of guessing', () => {
    expect(placementTiming({ ...loop, bpm: null }, true)).toBe('ask');
    expect(placementTiming({ ...loop, bpm: 4 }, true)).toBe('ask');
  });

  it('never warps one-shots, nor anything with the setting off', () => {
    expect(placementTiming({ ...loop, kind: 'one-shot' }, true)).toBeNull();
    expect(placementTiming({ ...loop, kind: 'one-shot', bpm: null }, true)).toBeNull();
    expect(placementTiming(loop, false)).toBeNull();
    expect(placementTiming({ ...loop, bpm: null }, false)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { rollCommand } from '../../../renderer/ui/beats/roll-keys';

const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
  rollCommand({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('piano roll keys', () => {
  it('transposes a semitone, and an octave with Shift', () => {
    expect(key('ArrowUp')).toEqual({ kind: 'transpose', semitones: 1 });
    expect(key('ArrowDown', { shiftKey: true })).toEqual({ kind: 'transpose', semitones: -12 });
  });

  it('nudges by a grid step, finely with Alt', () => {
    expect(key('ArrowRight')).toEqual({ kind: 'nudge', steps: 1, fine: false });
    expect(key('ArrowLeft', { altKey: true })).toEqual({ kind: 'nudge', steps: -1, fine: true });
  });

  it('knows the edit keys with Ctrl or Cmd, and leaves others alone', () => {
    expect(key('d', { ctrlKey: true })).toEqual({ kind: 'duplicate' });
    expect(key('V', { metaKey: true })).toEqual({ kind: 'paste' });
    expect(key('Delete')).toEqual({ kind: 'delete' });
    expect(key('q')).toEqual({ kind: 'quantize' });
    expect(key(' ')).toBeNull();
    expect(key('z', { ctrlKey: true })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ComputerKeyboard } from '../../../renderer/ui/play/computer-keys';

describe('the computer keyboard as a piano (Ableton layout)', () => {
  it('A is C4 (60), W C#, K the next C, \' the F above it, at velocity 100', () => {
    const keys = new ComputerKeyboard();
    expect(keys.press('KeyA', false)).toEqual({ kind: 'note-on', pitch: 60, velocity: 100 / 127 });
    expect(keys.press('KeyW', false)).toMatchObject({ pitch: 61 });
    expect(keys.press('KeyK', false)).toMatchObject({ pitch: 72 });
    expect(keys.press('Quote', false)).toMatchObject({ pitch: 77 });
    expect(keys.press('KeyB', false)).toBeNull();
  });

  it('ignores auto-repeat; a key released after an octave change stops the pitch it started', () => {
    const keys = new ComputerKeyboard();
    keys.press('KeyA', false);
    expect(keys.press('KeyA', true)).toBeNull();
    expect(keys.press('KeyX', false)).toEqual({ kind: 'octave', base: 72 });
    expect(keys.release('KeyA')).toEqual({ kind: 'note-off', pitch: 60 });
    expect(keys.press('KeyA', false)).toMatchObject({ pitch: 72 });
    expect(keys.release('KeyQ')).toBeNull();
  });

  it('Z/X stay within MIDI; C/V step the velocity as Ableton does', () => {
    const keys = new ComputerKeyboard();
    for (let i = 0; i < 10; i++) keys.press('KeyZ', false);
    expect(keys.base).toBe(0);
    for (let i = 0; i < 12; i++) keys.press('KeyX', false);
    expect(keys.base).toBe(120);
    expect(keys.press('KeyG', false)).toMatchObject({ pitch: 127 });
    expect(keys.press('KeyY', false)).toBeNull();
    expect(keys.press('KeyC', false)).toEqual({ kind: 'velocity', velocity: 80 });
    keys.press('KeyV', false);
    keys.press('KeyV', false);
    keys.press('KeyV', false);
    expect(keys.velocity).toBe(127);
    for (let i = 0; i < 9; i++) keys.press('KeyC', false);
    expect(keys.velocity).toBe(1);
  });

  it('forgets held keys when the window loses focus, naming their pitches', () => {
    const keys = new ComputerKeyboard();
    keys.press('KeyA', false);
    keys.press('KeyD', false);
    expect(keys.releaseAll()).toEqual([60, 64]);
    expect(keys.release('KeyA')).toBeNull();
  });
});

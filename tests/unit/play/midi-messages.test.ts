import { describe, expect, it } from 'vitest';
import { readMidiMessage } from '../../../renderer/state/midi-messages';

const read = (...bytes: number[]) => readMidiMessage(new Uint8Array(bytes));

describe('MIDI input messages', () => {
  it('reads notes on any channel, velocity 0 as an off, the sustain pedal and all-notes-off', () => {
    expect(read(0x90, 60, 127)).toEqual({ kind: 'note-on', pitch: 60, velocity: 1 });
    expect(read(0x9f, 36, 64)).toEqual({ kind: 'note-on', pitch: 36, velocity: 64 / 127 });
    expect(read(0x93, 60, 0)).toEqual({ kind: 'note-off', pitch: 60 });
    expect(read(0x80, 60, 40)).toEqual({ kind: 'note-off', pitch: 60 });
    expect(read(0xb0, 64, 127)).toEqual({ kind: 'pedal', down: true });
    expect(read(0xb2, 64, 63)).toEqual({ kind: 'pedal', down: false });
    expect(read(0xb0, 123, 0)).toEqual({ kind: 'release-all' });
    expect(read(0xb0, 120, 0)).toEqual({ kind: 'release-all' });
  });

  it('ignores what it does not play (other controllers, bend, clock, short messages)', () => {
    expect(read(0xb0, 1, 90)).toBeNull();
    expect(read(0xe0, 0, 64)).toBeNull();
    expect(read(0xf8)).toBeNull();
    expect(read(0x90, 60)).toBeNull();
  });
});

/**
 * What a MIDI input's message means to Glowroom: notes and the sustain pedal, on any channel
 * (inputs are omni, as a producer's one keyboard is). Note-on with velocity 0 is a note-off;
 * "all notes off" (CC 123) and "all sound off" (CC 120) release everything the device holds.
 */
export type MidiInputEvent =
  | { readonly kind: 'note-on'; readonly pitch: number; /** 1/127–1 */ readonly velocity: number }
  | { readonly kind: 'note-off'; readonly pitch: number }
  | { readonly kind: 'pedal'; readonly down: boolean }
  | { readonly kind: 'release-all' };

const sustainPedal = 64;
const allSoundOff = 120;
const allNotesOff = 123;

export function readMidiMessage(data: Uint8Array): MidiInputEvent | null {
  if (data.length < 3) return null;
  const kind = data[0]! & 0xf0;
  const first = data[1]! & 0x7f;
  const second = data[2]! & 0x7f;
  if (kind === 0x90 && second > 0) return { kind: 'note-on', pitch: first, velocity: second / 127 };
  if (kind === 0x80 || kind === 0x90) return { kind: 'note-off', pitch: first };
  if (kind === 0xb0 && first === sustainPedal) return { kind: 'pedal', down: second >= 64 };
  if (kind === 0xb0 && (first === allNotesOff || first === allSoundOff)) return { kind: 'release-all' };
  return null;
}

import { describe, expect, it } from 'vitest';
import { listenToMidiInputs, type MidiDevice } from '../../../renderer/state/midi-inputs';
import type { MidiInputEvent } from '../../../renderer/state/midi-messages';

/** Web MIDI's objects, as far as Glowroom uses them: inputs that can be plugged and unplugged. */
class FakeInput extends EventTarget {
  state: 'connected' | 'disconnected' = 'connected';
  constructor(
    readonly id: string,
    readonly name: string,
  ) {
    super();
  }
  play(...bytes: number[]) {
    this.dispatchEvent(Object.assign(new Event('midimessage'), { data: new Uint8Array(bytes) }));
  }
}

class FakeAccess extends EventTarget {
  readonly inputs = new Map<string, FakeInput>();
  plug(input: FakeInput) {
    this.inputs.set(input.id, input);
    this.dispatchEvent(new Event('statechange'));
  }
  unplug(id: string) {
    this.inputs.get(id)!.state = 'disconnected';
    this.dispatchEvent(new Event('statechange'));
  }
}

describe('MIDI inputs', () => {
  it('lists devices as they come and go, reads their notes, and reports one that disappears', () => {
    const access = new FakeAccess();
    const keys = new FakeInput('a', 'Keystation 49');
    access.inputs.set('a', keys);
    const lists: string[][] = [];
    const lost: MidiDevice[] = [];
    const events: [string, MidiInputEvent][] = [];
    const stop = listenToMidiInputs(access as unknown as MIDIAccess, {
      devices: (devices) => lists.push(devices.map((d) => d.name)),
      lost: (device) => lost.push(device),
      event: (id, event) => events.push([id, event]),
    });
    const pads = new FakeInput('b', 'Pad controller');
    access.plug(pads);
    keys.play(0x90, 60, 127);
    pads.play(0x99, 36, 127);
    access.unplug('a');
    expect(lists).toEqual([['Keystation 49'], ['Keystation 49', 'Pad controller'], ['Pad controller']]);
    expect(lost).toEqual([{ id: 'a', name: 'Keystation 49' }]);
    expect(events).toEqual([
      ['a', { kind: 'note-on', pitch: 60, velocity: 1 }],
      ['b', { kind: 'note-on', pitch: 36, velocity: 1 }],
    ]);
    stop();
    pads.play(0x90, 62, 127);
    expect(events).toHaveLength(2);
  });
});

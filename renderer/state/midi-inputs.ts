/**
 * The computer's MIDI inputs through Web MIDI: the list of devices (kept current as they are
 * plugged in and out) and their messages, read by `readMidiMessage`. A device that disappears is
 * reported once, so whatever it held is released and a take in progress keeps its notes.
 */
import { readMidiMessage, type MidiInputEvent } from './midi-messages';

export interface MidiDevice {
  readonly id: string;
  readonly name: string;
}

export interface MidiInputHandlers {
  /** A message from device `id`. */
  /** `time`: the message's time stamp (`performance.now()` ms). */
  readonly event: (id: string, event: MidiInputEvent, time: number) => void;
  /** The device list changed (plugged in or out). */
  readonly devices: (devices: readonly MidiDevice[]) => void;
  /** A device that was there is gone. */
  readonly lost: (device: MidiDevice) => void;
}

/** Listens to every input of `access` until disposed. */
export function listenToMidiInputs(access: MIDIAccess, handlers: MidiInputHandlers): () => void {
  let known = new Map<string, MidiDevice>();
  const listeners = new Map<MIDIInput, (message: MIDIMessageEvent) => void>();
  const onMessage = (input: MIDIInput) => (message: MIDIMessageEvent) => {
    const event = message.data ? readMidiMessage(message.data) : null;
    if (event) handlers.event(input.id, event, message.timeStamp);
  };
  const refresh = () => {
    const current = new Map<string, MidiDevice>();
    for (const input of access.inputs.values()) {
      if (input.state !== 'connected') continue;
      current.set(input.id, { id: input.id, name: input.name ?? 'MIDI input' });
      if (!listeners.has(input)) {
        const listener = onMessage(input);
        listeners.set(input, listener);
        input.addEventListener('midimessage', listener);
      }
    }
    for (const [id, device] of known) if (!current.has(id)) handlers.lost(device);
    known = current;
    handlers.devices([...current.values()]);
  };
  access.addEventListener('statechange', refresh);
  refresh();
  return () => {
    access.removeEventListener('statechange', refresh);
    for (const [input, listener] of listeners) input.removeEventListener('midimessage', listener);
  };
}

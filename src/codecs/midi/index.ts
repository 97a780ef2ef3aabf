export { readMidiFile } from './read-midi';
export { writeMidiFile, type MidiSong } from './write-midi';
export { defaultTicksPerQuarter, drumChannel, midiLimits, type MidiFile, type MidiMeter, type MidiNote, type MidiTempo, type MidiTrack } from './midi-file';

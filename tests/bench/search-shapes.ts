import type { SearchArgs } from '../../src/protocol/ipc';

/** Searches as the library panel sends them (first page of 500): text, filters, sorts, combined. */
export const searchShapes: readonly SearchArgs[] = [
  { text: 'kick' },
  { text: 'kic' },
  { text: 'dusty kick' },
  { text: 'loop 120' },
  { text: 'pad', key: 'Am', compatibleKeys: true },
  { text: 'vox', sort: 'bpm' },
  { kind: 'loop', bpmMin: 118, bpmMax: 122 },
  { kind: 'one-shot', sort: 'duration', descending: true },
  { key: 'F#m' },
  { pack: 'Pack 07' },
  { pack: 'Pack 07', folder: 'Drums' },
  { folder: 'Loops/Drums', text: 'warm' },
  { format: 'flac', kind: 'loop', sort: 'added', descending: true },
  { favouritesOnly: true },
  { text: '' },
  { text: 'zzz nothing matches' },
  { sort: 'name', descending: true },
  { sort: 'key' },
  { sort: 'bpm', descending: true },
  { kind: 'loop', key: 'Cm', compatibleKeys: true, bpmMin: 90, bpmMax: 130 },
  { text: 'kick', sort: 'name' },
  // Scrolled 40 pages down the whole library.
  { offset: 20_000 },
];

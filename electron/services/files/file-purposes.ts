import { ExportReport } from '../../../src/protocol/ipc';
import type { FileKind, FilePurpose } from '../../../src/protocol/files';
import { audioExtensions } from '../audio-extensions';

/** How much a pick grants: the file itself, the folder it is in (exports write stems beside the mix), or the folder picked. */
export type GrantReach = 'file' | 'folder-of-file' | 'tree';

/** Where a dialog starts when the page names no place. */
export type StartPlace = 'music' | 'exports' | 'last-project';

export interface PurposeSpec {
  readonly kind: FileKind;
  readonly title: string;
  /** The button that picks. */
  readonly action: string;
  /** For files: what the filter is called, and the name endings it keeps (lower case, with the dot). */
  readonly filter: { readonly label: string; readonly suffixes: readonly string[] };
  readonly grants: GrantReach;
  readonly start: StartPlace;
}

const audio = [...audioExtensions];
const projects = { label: 'Glowroom projects (.glowroom)', suffixes: ['.glowroom'] };
const bundles = { label: 'Glowroom bundles (.glowroom.zip)', suffixes: ['.glowroom.zip'] };
const folders = { label: 'Folders', suffixes: [] };
const midiFiles = { label: 'MIDI files (.mid)', suffixes: ['.mid', '.midi'] };

/** Each purpose once: both hosts (the system dialog's filters, the in-page browser's listing) read it. */
export const filePurposes: Readonly<Record<FilePurpose, PurposeSpec>> = {
  'open-project': { kind: 'open-file', title: 'Open project', action: 'Open', filter: projects, grants: 'file', start: 'last-project' },
  'save-project': { kind: 'save-file', title: 'Save project as', action: 'Save', filter: projects, grants: 'file', start: 'music' },
  'import-folder': { kind: 'folder', title: 'Import a folder of samples', action: 'Import', filter: folders, grants: 'tree', start: 'music' },
  'import-files': { kind: 'open-file', title: 'Import a sample or a zip pack', action: 'Import', filter: { label: 'Audio files and zip packs', suffixes: [...audio, '.zip'] }, grants: 'file', start: 'music' },
  'watch-folder': { kind: 'folder', title: 'Watch a folder of samples', action: 'Watch', filter: folders, grants: 'tree', start: 'music' },
  'export-audio': { kind: 'save-file', title: 'Export to', action: 'Choose', filter: { label: 'Audio (WAV, FLAC, MP3)', suffixes: ExportReport.shape.format.options.map((kind) => `.${kind}`) }, grants: 'folder-of-file', start: 'exports' },
  'export-bundle': { kind: 'save-file', title: 'Export bundle', action: 'Export', filter: bundles, grants: 'file', start: 'last-project' },
  'open-bundle': { kind: 'open-file', title: 'Open bundle', action: 'Open', filter: bundles, grants: 'file', start: 'music' },
  'unpack-bundle': { kind: 'folder', title: 'Unpack the bundle into', action: 'Unpack here', filter: folders, grants: 'tree', start: 'music' },
  'relink-folder': { kind: 'folder', title: 'Search a folder for the missing audio', action: 'Search', filter: folders, grants: 'tree', start: 'last-project' },
  'relink-file': { kind: 'open-file', title: 'Find the missing file', action: 'Relink', filter: { label: 'Audio files', suffixes: audio }, grants: 'file', start: 'last-project' },
  'import-midi': { kind: 'open-file', title: 'Import a MIDI file', action: 'Import', filter: midiFiles, grants: 'file', start: 'music' },
  'export-midi': { kind: 'save-file', title: 'Export as MIDI file', action: 'Export', filter: midiFiles, grants: 'file', start: 'last-project' },
};

/** Whether a file name fits the purpose's filter. */
export function fitsFilter(spec: PurposeSpec, name: string): boolean {
  const lower = name.toLowerCase();
  return spec.filter.suffixes.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
}

/**
 * The file a save writes: the name as typed when it fits the filter, else with the suggested
 * name's ending (the export dialog suggests `.mp3` for MP3), else with the filter's first.
 */
export function withSuffix(spec: PurposeSpec, file: string, suggested: string): string {
  if (fitsFilter(spec, file)) return file;
  const ending = spec.filter.suffixes.find((suffix) => suggested.toLowerCase().endsWith(suffix)) ?? spec.filter.suffixes[0] ?? '';
  return `${file}${ending}`;
}

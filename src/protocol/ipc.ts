/**
 * The main⇄renderer contract: every operation the renderer may ask of the Node side and every
 * event the Node side may push, each with zod schemas. Both hosts (Electron IPC and the loopback
 * WebSocket) serve exactly this; the preload and the bridge are generated from it.
 *
 * Arguments are always one object (named parameters), validated on the Node side before any
 * service runs. Results are validated too before they leave, so a service can never answer
 * outside the contract.
 */
import { z } from 'zod';
import { errorCodes } from '../std/errors';
import { PresetSchema } from '../model/preset-file';
import { ProjectSchema, sha256Pattern } from '../model/project-schema';
import { snapOptions } from '../model/snap';
import type { EventName, OperationName } from './ipc-names';
import { ChooseArgs, ChooseResult, filePath, FolderListing, ListArgs, PickArgs, PickedPath } from './files';
import { MidiReadArgs, MidiReadResult, MidiWriteArgs } from './midi';

export { eventChannel, eventNames, invokeChannel, operationNames, type EventName, type OperationName } from './ipc-names';

/** Every path crosses the boundary absolute: a relative one would resolve against the host process's working folder. */
const absolutePath = filePath;
/** The SHA-256 of a file's bytes, as projects (`sha256`) and the library store it. */
const contentHash = z.string().regex(sha256Pattern, 'must be a SHA-256 hash: 64 lowercase hex digits');

export const AppInfo = z.object({
  name: z.literal('Glowroom'),
  version: z.string(),
  /** Which host serves the contract. */
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  /** The folder holding the library, recovery files and settings. */
  dataDir: z.string(),
  /** The sample pack shipped for first runs and tests, when present. */
  demoPackDir: z.string().nullable(),
  /** The bundled CC0 content (factory kit, demo song samples); null only in a broken install. */
  factoryDir: z.string().nullable(),
  /** Where exports of an untitled project go: a Glowroom folder in the user's music folder (`~/Music/Glowroom/Exports`). */
  exportsDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ImportArgs = z.object({ paths: z.array(absolutePath).min(1, 'name at least one folder or file') });
export const ImportFailure = z.object({ path: z.string(), reason: z.string() });
/** A file imported although the decoder had to repair or reinterpret it: what it did, in words. */
export const ImportNote = z.object({ path: z.string(), note: z.string() });
export const ImportSummary = z.object({
  jobId: z.string(),
  found: z.number().int().nonnegative(),
  /** Analysed and written, new or changed. */
  indexed: z.number().int().nonnegative(),
  /** Unchanged since the last import. */
  skipped: z.number().int().nonnegative(),
  /** Recognised by content at a new path. */
  moved: z.number().int().nonnegative(),
  /** Known files no longer there, now marked missing. */
  missing: z.number().int().nonnegative(),
  failed: z.array(ImportFailure),
  /** Imported with a note from the decoder (a misnamed file, a repaired header), one per note. */
  notes: z.array(ImportNote),
  cancelled: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const SampleKind = z.enum(['one-shot', 'loop']);
export const SearchSort = z.enum(['relevance', 'name', 'bpm', 'key', 'duration', 'added']);
/** The tempos a library search can ask for, BPM; the filter field clamps to them and says so. */
export const searchBpmRange = { min: 1, max: 999 } as const;
export const SearchArgs = z.object({
  /** Words matched as prefixes against names, folders, tags and packs. */
  text: z.string().max(500).default(''),
  kind: SampleKind.optional(),
  /** BPM range; samples also match at half or double their tempo. */
  bpmMin: z.number().min(searchBpmRange.min).max(searchBpmRange.max).optional(),
  bpmMax: z.number().min(searchBpmRange.min).max(searchBpmRange.max).optional(),
  /** A key as producers write it: `Cmin`, `F#`, `Am`, `Bb major`; its relative major/minor (same notes) matches too. */
  key: z.string().min(1).max(20).optional(),
  /** With `key`: also the keys a fifth up and down, with their relatives (the Camelot neighbours). */
  compatibleKeys: z.boolean().default(false),
  pack: z.string().max(500).optional(),
  /** A folder inside the pack, '/'-separated (`Drums/Kicks`): samples in it and below it. */
  folder: z.string().max(4096).optional(),
  format: z.string().max(10).optional(),
  favouritesOnly: z.boolean().default(false),
  collectionId: z.number().int().optional(),
  sort: SearchSort.default('relevance'),
  descending: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type SearchArgs = z.input<typeof SearchArgs>;
/** A search as services receive it, defaults filled in. */
export type SearchQuery = z.infer<typeof SearchArgs>;

export const SampleRow = z.object({
  id: z.number().int(),
  path: z.string(),
  name: z.string(),
  pack: z.string(),
  /** Folder inside the pack, '/'-separated. */
  folder: z.string(),
  format: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  sampleRate: z.number().positive(),
  channels: z.number().int().positive(),
  bitDepth: z.number().int().nonnegative(),
  /** Seconds. */
  duration: z.number().nonnegative(),
  peakDbfs: z.number().nullable(),
  loudnessLufs: z.number().nullable(),
  /** Waveform thumbnail: min/max pairs as signed bytes. */
  peaks: z.custom<Int8Array>((value) => value instanceof Int8Array, 'expected Int8Array'),
  kind: SampleKind,
  bpm: z.number().nullable(),
  key: z.string().nullable(),
  tags: z.array(z.string()),
  missing: z.boolean(),
  favourite: z.boolean(),
  /** False while only the file's headers and name are known: no thumbnail, levels or detected tempo and key yet. */
  analysed: z.boolean(),
});
export type SampleRow = z.infer<typeof SampleRow>;
export const SearchResult = z.object({ rows: z.array(SampleRow), total: z.number().int().nonnegative() });
export type SearchResult = z.infer<typeof SearchResult>;

export const WatchedFolder = z.object({ path: z.string(), addedAt: z.number() });
export const WatchedFolders = z.object({ folders: z.array(WatchedFolder) });
export const CollectionInfo = z.object({ id: z.number().int(), name: z.string(), count: z.number().int().nonnegative(), createdAt: z.number() });
const collectionName = z.string().trim().min(1, 'give the collection a name').max(200);
const sampleIds = z.array(z.number().int()).min(1).max(100_000);

/** A folder inside a pack: its '/'-separated path (the search `folder` filter) and the samples in and below it. */
export const PackFolder = z.object({ path: z.string(), count: z.number().int().nonnegative() });
export const PacksResult = z.object({
  packs: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative(), /** Parents before children, by name. */ folders: z.array(PackFolder) })),
});
export type PacksResult = z.infer<typeof PacksResult>;
export const FavouriteArgs = z.object({ id: z.number().int(), favourite: z.boolean() });
export const FavouriteResult = z.object({ favourite: z.boolean() });
/** A tempo the user gave a sample whose tempo was not known (tap tempo), for the library to keep. */
export const SetTempoArgs = z.object({ path: absolutePath, bpm: z.number().min(20).max(999) });
export const FindByHashArgs = z.object({ hashes: z.array(contentHash).min(1).max(10_000) });
/** Hash → the library's files with those bytes that are on disk now, by path; hashes without any are left out. */
export const FoundByHash = z.object({ found: z.record(z.string(), z.array(z.string()).min(1)) });

export const LoadArgs = z.object({ path: absolutePath });
/** Decoded PCM, planar float32: the very samples playback and export read. */
export const LoadedAudio = z.object({
  path: z.string(),
  name: z.string(),
  format: z.string(),
  bitDepth: z.number().int().nonnegative(),
  sampleRate: z.number().positive(),
  /** The SHA-256 of the file's bytes: a project source's `sha256`. */
  sha256: contentHash,
  channels: z.array(z.custom<Float32Array>((value) => value instanceof Float32Array, 'expected Float32Array')).min(1),
  /** What the decoder repaired or reinterpreted to give this sound (src/codecs `DecodedAudio.notes`); empty when read as it says. */
  notes: z.array(z.string()),
});
export type LoadedAudio = z.infer<typeof LoadedAudio>;

/** Projects travel with absolute source paths; the Node side makes them relative on disk. */
export const ProjectFileArgs = z.object({ path: absolutePath });
export const MissingSource = z.object({ sourceId: z.string(), path: z.string() });
export type MissingSource = z.infer<typeof MissingSource>;
export const PresetList = z.object({
  presets: z.array(z.object({ file: z.string(), name: z.string(), kind: z.enum(['device', 'chain', 'kit']), deviceType: z.string().nullable() })),
  unreadable: z.array(z.object({ file: z.string(), reason: z.string() })),
});
/** `notes`: what was mended while reading (device parameters out of range, clamped), one sentence each. */
export const OpenedProject = z.object({ project: ProjectSchema, path: z.string(), missing: z.array(MissingSource), notes: z.array(z.string()) });
/** A missing file to look for: its name, and its content hash when the project knows it. */
export const WantedFile = z.object({ name: z.string().min(1).max(255), sha256: contentHash.optional() });
export const FindInFolderArgs = z.object({ folder: absolutePath, files: z.array(WantedFile).min(1).max(10_000) });
/** Where one wanted file was found: a file with its bytes (only when its hash was given), a file with its name; null when none. */
export const FoundFile = z.object({ byContent: z.string().nullable(), byName: z.string().nullable() });
export type FoundFile = z.infer<typeof FoundFile>;
/** A finished folder search answers for every wanted file, in order; a cancelled one answers nothing (relink nothing). */
export const FolderSearchResult = z.discriminatedUnion('cancelled', [
  z.object({ jobId: z.string(), cancelled: z.literal(false), found: z.array(FoundFile) }),
  z.object({ jobId: z.string(), cancelled: z.literal(true) }),
]);
export type FolderSearchResult = z.infer<typeof FolderSearchResult>;
export const SaveArgs = z.object({ path: absolutePath, project: ProjectSchema, recoveryKey: z.string().nullable().default(null) });
export const SavedProject = z.object({ path: z.string(), savedAt: z.string() });
export const RecentProjects = z.object({ paths: z.array(z.string()) });
export const RecoveryWriteArgs = z.object({ key: z.string().nullable(), project: ProjectSchema, originalPath: z.string().nullable() });
export const RecoveryListing = z.discriminatedUnion('damaged', [
  z.object({ key: z.string(), damaged: z.literal(false), name: z.string(), originalPath: z.string().nullable(), savedAt: z.string() }),
  z.object({ key: z.string(), damaged: z.literal(true), problem: z.string() }),
]);
/** Bars of clicks a take may be counted in with. */
export const countInChoices = [0, 1, 2] as const;
export type CountInBars = (typeof countInChoices)[number];
const countInBars = z.union([z.literal(0), z.literal(1), z.literal(2)]) satisfies z.ZodType<CountInBars>;

/** The user's own settings, kept in the data folder (not in any project). */
export const UserSettings = z.object({
  /** The first-run "Getting started" panel was closed; Help ▸ Getting Started shows it again. */
  gettingStartedDismissed: z.boolean().default(false),
  /** The audio round trip (output → input) measured by the loopback calibration, in seconds; null until measured. */
  recordingLatencySeconds: z.number().min(0).max(1).nullable().default(null),
  /** A loop placed from the library follows the song's tempo (warped), one-shots never. */
  warpLoopsOnDrop: z.boolean().default(true),
  /** Bars of count-in before a take (Record). */
  countInBars: countInBars.default(0),
  /** The click sounds while recording, whatever the transport's metronome says while playing. */
  clickWhileRecording: z.boolean().default(true),
});
export type UserSettings = z.infer<typeof UserSettings>;
/** Some settings to change; those left out stay. */
export const UserSettingsChanges = z.object({
  gettingStartedDismissed: z.boolean().optional(),
  recordingLatencySeconds: z.number().min(0).max(1).nullable().optional(),
  warpLoopsOnDrop: z.boolean().optional(),
  countInBars: countInBars.optional(),
  clickWhileRecording: z.boolean().optional(),
});
export type UserSettingsChanges = z.infer<typeof UserSettingsChanges>;

/** How a project was last looked at, kept per project file in the user's settings (not in the project). */
export const ProjectView = z.object({
  snap: z.enum(snapOptions),
  /** Horizontal zoom; the timeline clamps it to its range. */
  pixelsPerBeat: z.number().positive().max(100_000),
  /** Keep the playhead in view while playing. */
  follow: z.boolean(),
  /** The first beat in view at the left edge of the lanes. */
  scrollBeats: z.number().nonnegative().max(1_000_000),
  /** How far the tracks are scrolled down, in pixels. */
  scrollTop: z.number().nonnegative().max(10_000_000),
  /** The mixer panel is open under the arrangement. */
  mixerOpen: z.boolean().default(false),
  /** The song's key as the library's preview transposes loops to it (`C minor`); null: none set. */
  songKey: z.string().max(20).nullable().default(null),
});
export type ProjectView = z.infer<typeof ProjectView>;
export const ProjectViewArgs = z.object({ path: absolutePath, view: ProjectView });
export const RecoveryKeyArgs = z.object({ key: z.string().min(1).max(100) });
export const RecoveryChoiceArgs = RecoveryKeyArgs.extend({ choice: z.enum(['recover', 'open-last-saved', 'discard']) });
export const RecoveryOutcome = z.object({
  project: ProjectSchema.nullable(),
  path: z.string().nullable(),
  /** The document holds changes that are not in `path`. */
  unsaved: z.boolean(),
  notice: z.string().nullable(),
  /** Keep writing recovery under this key until the document is saved. */
  recoveryKey: z.string().nullable(),
});

/** A file dropped into the web host's page: its bytes travel, since a browser cannot give its path. */
export const ExportBundleArgs = z.object({ projectPath: absolutePath, outPath: absolutePath });
export const OpenBundleArgs = z.object({ zipPath: absolutePath, intoFolder: absolutePath });
export const CollectArgs = z.object({ projectPath: absolutePath });
export const CollectedProject = z.object({
  /** The collected project file, saved. */
  path: z.string(),
  /** The files copied in, relative to the project folder (`Audio/kick.wav`). */
  copied: z.array(z.string()),
});

/** What the renderer's history and file state look like, for the native menu and window. */
export const EditState = z.object({
  /** The step Undo would take ("Move 3 Clips"); null when there is none. */
  undoLabel: z.string().max(200).nullable(),
  redoLabel: z.string().max(200).nullable(),
  dirty: z.boolean(),
  title: z.string().max(500),
});
export type EditState = z.infer<typeof EditState>;

/** Commands of the native menu; the renderer runs each as its keyboard shortcut would. */
export const MenuCommand = z.enum([
  'new', 'open', 'save', 'save-as', 'export', 'collect', 'export-bundle', 'open-bundle', 'import-midi', 'export-midi-clip', 'export-midi-track', 'undo', 'redo', 'select-all', 'add-time-signature', 'all-channels-read', 'all-channels-touch', 'all-channels-latch', 'all-channels-write', 'shortcuts', 'getting-started', 'guide', 'open-demo',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** How the page's Save ended when closing asked for it: only 'saved' lets the window close. */
export const SaveOutcome = z.enum(['saved', 'cancelled', 'failed']);
export type SaveOutcome = z.infer<typeof SaveOutcome>;
const saveRequestId = z.string().min(1).max(100);

export const StoreAudioArgs = z.object({
  name: z.string().min(1).max(255),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected Uint8Array'),
  /** The saved project's file, so the audio lands in its Audio/ folder; null while untitled. */
  projectPath: absolutePath.nullable(),
});

/** A take being recorded, by the id `recording.begin` gave it. */
const takeId = z.string().min(1).max(100);
export const RecordingBeginArgs = z.object({
  /** The saved project's file, so the take lands in its Audio/ folder; null while untitled (the data folder's Recordings/). */
  projectPath: absolutePath.nullable(),
  /** The take's file name without ".wav"; numbered when taken ("Vocal 2"). */
  name: z.string().min(1).max(120).regex(/^[^/\\\0:*?"<>|]+$/, 'be a file name without slashes'),
  sampleRate: z.number().int().min(8_000).max(384_000),
  /** Input channels recorded: 1 (mono) or 2 (stereo). */
  channelCount: z.union([z.literal(1), z.literal(2)]),
});
export const RecordingAppendArgs = z.object({
  takeId,
  /** One plane per channel of the take, of equal length: the next frames. */
  channels: z.array(z.custom<Float32Array>((value) => value instanceof Float32Array, 'expected Float32Array')).min(1).max(2),
});
export const TakeStatus = z.object({
  /** Seconds of the take safely on disk: a crash now keeps at least these. */
  savedSeconds: z.number().nonnegative(),
  /** Set once the take stopped by itself (the disk is full): what happened and that the audio so far is kept. */
  stoppedEarly: z.string().nullable(),
});
export const FinishedTake = TakeStatus.extend({ path: z.string(), frames: z.number().int().nonnegative() });
export const RecoveredTakes = z.object({
  /** Takes a crash cut off in the previous run, mended and kept where they were recorded. */
  takes: z.array(z.object({ path: z.string(), seconds: z.number().nonnegative() })),
});

const beatPosition = z.number().finite().min(0);
export const ExportRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('song') }),
  z.object({ kind: z.literal('beats'), startBeats: beatPosition, endBeats: beatPosition }),
  z.object({ kind: z.literal('clip'), startBeats: beatPosition, seconds: z.number().positive().max(600), fadeInSeconds: z.number().min(0).max(10), fadeOutSeconds: z.number().min(0).max(10) }),
]);
export const ExportFormat = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wav'), bits: z.union([z.literal(16), z.literal(24), z.literal('32f')]) }),
  z.object({ kind: z.literal('flac'), bits: z.union([z.literal(16), z.literal(24)]) }),
  z.object({ kind: z.literal('mp3'), mode: z.union([z.object({ cbrKbps: z.number().int() }), z.object({ vbrQuality: z.number().int().min(0).max(9) })]) }),
]);
export const ExportTags = z.object({
  title: z.string().max(500).optional(),
  artist: z.string().max(500).optional(),
  album: z.string().max(500).optional(),
  genre: z.string().max(200).optional(),
  year: z.string().max(20).optional(),
  bpm: z.number().positive().max(999).optional(),
  key: z.string().max(30).optional(),
  comment: z.string().max(2000).optional(),
});
export const ExportArgs = z.object({
  /** The document as it is now (absolute source paths); it need not be saved. */
  project: ProjectSchema,
  /** The mix; null when only stems are wanted. */
  outPath: absolutePath.nullable(),
  stems: z.object({ folder: absolutePath, zip: z.boolean() }).nullable(),
  range: ExportRange,
  format: ExportFormat,
  sampleRate: z.union([z.literal(44_100), z.literal(48_000), z.literal(96_000)]),
  tailSeconds: z.number().min(0).max(30),
  normalize: z.object({ targetLufs: z.number().min(-40).max(-5), ceilingDbtp: z.number().min(-12).max(0) }).nullable(),
  tags: ExportTags,
});
export type ExportArgs = z.input<typeof ExportArgs>;
const dbOrNull = z.number().nullable();
/** The warning an export with stems and a loudness target carries; the export dialog shows it before the export too. */
export const stemsLoudnessNote = 'Stems are written at mix level, unnormalised, so they sum to the mix; the loudness target applies to the mix file only.';
export const ExportReport = z.object({
  jobId: z.string(),
  outPath: z.string().nullable(),
  format: z.enum(['wav', 'flac', 'mp3']),
  sampleRate: z.number(),
  duration: z.number(),
  speed: z.number(),
  loudness: z.object({
    integratedLufs: dbOrNull,
    loudnessRangeLu: z.number(),
    shortTermMaxLufs: dbOrNull,
    momentaryMaxLufs: dbOrNull,
    truePeakDbtp: dbOrNull,
    samplePeakDbfs: dbOrNull,
    plrDb: dbOrNull,
  }),
  normalization: z.object({ targetLufs: z.number(), ceilingDbtp: z.number(), gainDb: z.number(), limiterDb: z.number(), onTarget: z.boolean() }).nullable(),
  platforms: z.array(z.object({ platform: z.string(), gainDb: z.number(), sentence: z.string() })),
  /** Each stem with its sample peak before encoding, dBFS (null when silent); the warnings name those over 0. */
  stems: z.array(z.object({ channel: z.string(), path: z.string(), peakDbfs: dbOrNull })),
  stemsZip: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type ExportReport = z.infer<typeof ExportReport>;

export const CancelArgs = z.object({ jobId: z.string().min(1) });
export const CancelResult = z.object({ cancelled: z.boolean() });

interface Operation<A extends z.ZodType, R extends z.ZodType> {
  readonly args: A;
  readonly result: R;
  /** What the operation does, for readers of the contract. */
  readonly doc: string;
}

function operation<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string): Operation<A, R> {
  return { args, result, doc };
}

export const operations = {
  'app.info': operation(z.object({}), AppInfo, 'Who is serving, which version, where the data lives.'),
  'library.import': operation(ImportArgs, ImportSummary, 'Index folders and files; progress arrives as `job.progress` events.'),
  'library.search': operation(SearchArgs, SearchResult, 'Find samples by text and filters.'),
  'library.packs': operation(z.object({}), PacksResult, 'The packs in the library and the folders inside them, with how many samples each holds.'),
  'library.setFavourite': operation(FavouriteArgs, FavouriteResult, 'Mark or unmark a sample as a favourite.'),
  'library.setTempo': operation(SetTempoArgs, z.object({ updated: z.number().int().nonnegative() }), 'Keep the tempo the user gave a sample (every library row of that file), so it is not asked again.'),
  'library.watch': operation(z.object({ path: absolutePath }), WatchedFolder, 'Import a folder now and keep it up to date while Glowroom runs.'),
  'library.unwatch': operation(z.object({ path: absolutePath }), z.object({ watching: z.boolean() }), 'Stop watching a folder; its samples stay.'),
  'library.watched': operation(z.object({}), WatchedFolders, 'The watched folders.'),
  'library.collections': operation(z.object({}), z.object({ collections: z.array(CollectionInfo) }), 'The user collections.'),
  'library.createCollection': operation(z.object({ name: collectionName }), CollectionInfo, 'A new, empty collection.'),
  'library.renameCollection': operation(z.object({ id: z.number().int(), name: collectionName }), CollectionInfo, 'Rename a collection.'),
  'library.deleteCollection': operation(z.object({ id: z.number().int() }), z.object({ deleted: z.boolean() }), 'Delete a collection; its samples stay in the library.'),
  'library.addToCollection': operation(z.object({ id: z.number().int(), sampleIds }), z.object({ added: z.number().int() }), 'Add samples to a collection.'),
  'library.removeFromCollection': operation(z.object({ id: z.number().int(), sampleIds }), z.object({ removed: z.number().int() }), 'Take samples out of a collection.'),
  'library.findByHash': operation(FindByHashArgs, FoundByHash, 'Library files by the SHA-256 of their bytes (relinking moved audio by content).'),
  'audio.load': operation(LoadArgs, LoadedAudio, 'Decode one audio file to planar float PCM.'),
  'audio.store': operation(StoreAudioArgs, z.object({ path: z.string() }), 'Keep a dropped file (after checking it decodes) and return its path.'),
  'export.start': operation(ExportArgs, ExportReport, 'Render, normalise, encode and write a mix and/or stems in a worker; progress as `job.progress`.'),
  'job.cancel': operation(CancelArgs, CancelResult, 'Cancel a running job; it keeps what it finished.'),
  'project.open': operation(ProjectFileArgs, OpenedProject, 'Open a .glowroom file, validated, with absolute source paths.'),
  'project.save': operation(SaveArgs, SavedProject, 'Save atomically (previous version kept as .bak); drops the recovery file.'),
  'project.findInFolder': operation(FindInFolderArgs, FolderSearchResult, 'Look for moved audio under a folder, by content hash and by name; one answer per wanted file, in order (relinking). A job: progress as `job.progress`, stopped by `job.cancel`.'),
  'project.recent': operation(z.object({}), RecentProjects, 'Recently opened or saved projects, newest first.'),
  'project.writeRecovery': operation(RecoveryWriteArgs, z.object({ key: z.string() }), 'Autosave: keep unsaved work where a crash cannot take it.'),
  'project.discardRecovery': operation(RecoveryKeyArgs, z.object({}), 'The document is back to its saved state, or its changes were let go: drop its recovery file.'),
  'project.view': operation(ProjectFileArgs, z.object({ view: ProjectView.nullable() }), 'How the project file was last looked at (grid, zoom, scroll); null when never.'),
  'project.rememberView': operation(ProjectViewArgs, z.object({}), 'Keep how the project file is looked at now, for the next time it opens.'),
  'project.recoveries': operation(z.object({}), z.object({ entries: z.array(RecoveryListing) }), 'Work recovered from a crash, offered at start.'),
  'project.resolveRecovery': operation(RecoveryChoiceArgs, RecoveryOutcome, 'Recover, open the last saved version, or discard.'),
  'project.exportBundle': operation(ExportBundleArgs, z.object({ path: z.string() }), 'Write a saved project and all its audio as one .glowroom.zip (atomically).'),
  'project.openBundle': operation(OpenBundleArgs, OpenedProject, 'Unpack a bundle into a new folder inside `intoFolder` (refusing hostile entries) and open it.'),
  'project.collect': operation(CollectArgs, CollectedProject, 'Copy every audio file of a saved project into its Audio/ folder and save it; reopen it after.'),
  'files.choose': operation(ChooseArgs, ChooseResult, 'Let the user pick a file or folder for a purpose: the system dialog (desktop) or a browse session for the in-page browser (web). What is picked is granted.'),
  'files.list': operation(ListArgs, FolderListing, 'The folders and the files fitting the purpose in one folder, for an open browse session (web host only).'),
  'files.pick': operation(PickArgs, PickedPath, 'End a browse session with the path the user picked in the page; it is checked against the purpose and granted.'),
  'files.showInFolder': operation(z.object({ path: absolutePath }), z.object({}), "Open the system file manager on a file (desktop only; the web host cannot reach the user's screen)."),
  'presets.list': operation(z.object({}), PresetList, "The user's presets in the data folder (device and chain), and the files there that cannot be read, with why."),
  'presets.save': operation(z.object({ preset: PresetSchema }), z.object({ file: z.string() }), 'Save a device, chain or drum kit preset in the data folder (same kind and name: replaced).'),
  'presets.load': operation(z.object({ file: z.string().min(1).max(300) }), PresetSchema, 'Read a preset; a damaged file or one from a newer Glowroom is refused with the reason.'),
  'recording.begin': operation(RecordingBeginArgs, z.object({ takeId, path: z.string() }), 'Start a take: a WAV file in the project\'s Audio/ folder, written as the audio arrives.'),
  'recording.append': operation(RecordingAppendArgs, TakeStatus, 'The next frames of a take, written to its file at once.'),
  'recording.finish': operation(z.object({ takeId }), FinishedTake, 'End a take: its file is complete and closed.'),
  'recording.recovered': operation(z.object({}), RecoveredTakes, 'Takes a crash cut off in the previous run, mended on this start.'),
  'midi.read': operation(MidiReadArgs, MidiReadResult, 'Read a Standard MIDI File (type 0 or 1) for import; a damaged or truncated file is refused with the reason.'),
  'midi.write': operation(MidiWriteArgs, z.object({ path: z.string() }), 'Write notes, tempo and meter as a type-1 MIDI file, atomically.'),
  'settings.get': operation(z.object({}), UserSettings, 'The user settings (defaults when none were saved, or the file is damaged).'),
  'settings.update': operation(UserSettingsChanges, UserSettings, 'Change some user settings; answers all of them.'),
  'app.setEditState': operation(EditState, z.object({}), 'The renderer tells the host its undo/redo labels, unsaved state and title (menu labels, window title).'),
  'app.saveBeforeCloseOutcome': operation(z.object({ requestId: saveRequestId, outcome: SaveOutcome }), z.object({}), 'The renderer answers `app.saveBeforeClose`: saved, cancelled (Save As closed) or failed (it said why).'),
} as const satisfies Record<OperationName, Operation<z.ZodType, z.ZodType>>;
export type OperationArgs<N extends OperationName> = z.input<(typeof operations)[N]['args']>;
export type OperationResult<N extends OperationName> = z.infer<(typeof operations)[N]['result']>;

export const JobProgress = z.object({
  jobId: z.string(),
  /**
   * `folder-search`: looking for moved audio under a folder (`project.findInFolder`).
   * `library-upgrade`: a library from an older Glowroom brought up to date at startup; `done` of
   * `total` steps, `current` the step's description; library calls wait for it.
   */
  kind: z.enum(['import', 'export', 'folder-search', 'library-upgrade']),
  done: z.number().int().nonnegative(),
  /** Unknown while still counting. */
  total: z.number().int().nonnegative().nullable(),
  /** What is being worked on: a file name, or an export phase. */
  current: z.string().nullable(),
  /**
   * Of an import: `indexing` lists the files from their headers (searchable at once), then
   * `analysing` reads each whole (thumbnail, levels, tempo, key); `done`/`total` count the phase's files.
   */
  phase: z.enum(['indexing', 'analysing']).optional(),
  /** Items per second so far. */
  rate: z.number().nonnegative(),
  /** Seconds left at the current rate; null until it can be estimated. */
  etaSeconds: z.number().nonnegative().nullable(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** `folder`: the watched folder re-imported, or '' when the analysis resumed at startup finished (`indexed` then counts files analysed). */
export const LibraryChanged = z.object({ folder: z.string(), indexed: z.number().int(), moved: z.number().int(), missing: z.number().int(), failed: z.number().int() });

export const events = {
  /** A long job moved on; one event per step and one when it ends. */
  'job.progress': JobProgress,
  /** A watched folder changed and was re-imported, or the analysis resumed at startup finished: searches may have new answers. */
  'library.changed': LibraryChanged,
  /** A native menu item was chosen; the renderer runs the command as its shortcut would. */
  'app.menuCommand': z.object({ command: MenuCommand }),
  /** The OS asked Glowroom to open a file (double-click, argv): a project, or a bundle to unpack. */
  'app.openFile': z.object({ path: z.string() }),
  /** Closing with unsaved changes, the user chose Save: save as Ctrl+S does, then answer with `app.saveBeforeCloseOutcome`. */
  'app.saveBeforeClose': z.object({ requestId: saveRequestId }),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

export const IpcError = z.object({ code: z.enum(errorCodes), message: z.string() });
export type IpcError = z.infer<typeof IpcError>;

/** What every call answers, over every transport: never a thrown error across the boundary. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The API the Electron preload exposes on `window.glowroom`, one function per operation. */
export type PreloadApi = {
  readonly invoke: { readonly [N in OperationName]: (args: OperationArgs<N>) => Promise<Reply<OperationResult<N>>> };
  readonly on: <N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) => () => void;
  /** The file-system path of a dropped `File` (Electron's webUtils); the page cannot see paths otherwise. */
  readonly pathForFile: (file: object) => string;
};

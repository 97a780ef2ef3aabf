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
import { ProjectSchema } from '../model/project-schema';
import type { EventName, OperationName } from './ipc-names';

export { eventChannel, eventNames, invokeChannel, operationNames, type EventName, type OperationName } from './ipc-names';

const absoluteOrRelativePath = z.string().min(1, 'a path is required').max(4096, 'path is too long');

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
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ImportArgs = z.object({ paths: z.array(absoluteOrRelativePath).min(1, 'name at least one folder or file') });
export const ImportFailure = z.object({ path: z.string(), reason: z.string() });
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
  cancelled: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const SampleKind = z.enum(['one-shot', 'loop']);
export const SearchSort = z.enum(['relevance', 'name', 'bpm', 'key', 'duration', 'added']);
export const SearchArgs = z.object({
  /** Words matched as prefixes against names, folders, tags and packs. */
  text: z.string().max(500).default(''),
  kind: SampleKind.optional(),
  /** BPM range; samples also match at half or double their tempo. */
  bpmMin: z.number().positive().max(999).optional(),
  bpmMax: z.number().positive().max(999).optional(),
  /** A key as producers write it: `Cmin`, `F#`, `Am`, `Bb major`. */
  key: z.string().min(1).max(20).optional(),
  /** With `key`: also its relative major/minor. */
  compatibleKeys: z.boolean().default(false),
  pack: z.string().max(500).optional(),
  format: z.string().max(10).optional(),
  favouritesOnly: z.boolean().default(false),
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
});
export type SampleRow = z.infer<typeof SampleRow>;
export const SearchResult = z.object({ rows: z.array(SampleRow), total: z.number().int().nonnegative() });
export type SearchResult = z.infer<typeof SearchResult>;

export const PacksResult = z.object({ packs: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })) });
export const FavouriteArgs = z.object({ id: z.number().int(), favourite: z.boolean() });
export const FavouriteResult = z.object({ favourite: z.boolean() });

export const LoadArgs = z.object({ path: absoluteOrRelativePath });
/** Decoded PCM, planar float32: the very samples playback and export read. */
export const LoadedAudio = z.object({
  path: z.string(),
  name: z.string(),
  format: z.string(),
  bitDepth: z.number().int().nonnegative(),
  sampleRate: z.number().positive(),
  channels: z.array(z.custom<Float32Array>((value) => value instanceof Float32Array, 'expected Float32Array')).min(1),
});
export type LoadedAudio = z.infer<typeof LoadedAudio>;

/** Projects travel with absolute source paths; the Node side makes them relative on disk. */
export const ProjectFileArgs = z.object({ path: absoluteOrRelativePath });
export const MissingSource = z.object({ sourceId: z.string(), path: z.string() });
export type MissingSource = z.infer<typeof MissingSource>;
export const OpenedProject = z.object({ project: ProjectSchema, path: z.string(), missing: z.array(MissingSource) });
export const FindByNameArgs = z.object({ folder: absoluteOrRelativePath, names: z.array(z.string().min(1).max(255)).min(1).max(10_000) });
export const SaveArgs = z.object({ path: absoluteOrRelativePath, project: ProjectSchema, recoveryKey: z.string().nullable().default(null) });
export const SavedProject = z.object({ path: z.string(), savedAt: z.string() });
export const RecentProjects = z.object({ paths: z.array(z.string()) });
export const RecoveryWriteArgs = z.object({ key: z.string().nullable(), project: ProjectSchema, originalPath: z.string().nullable() });
export const RecoveryListing = z.discriminatedUnion('damaged', [
  z.object({ key: z.string(), damaged: z.literal(false), name: z.string(), originalPath: z.string().nullable(), savedAt: z.string() }),
  z.object({ key: z.string(), damaged: z.literal(true), problem: z.string() }),
]);
export const RecoveryChoiceArgs = z.object({ key: z.string().min(1).max(100), choice: z.enum(['recover', 'open-last-saved', 'discard']) });
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
export const StoreAudioArgs = z.object({
  name: z.string().min(1).max(255),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected Uint8Array'),
  /** The saved project's file, so the audio lands in its Audio/ folder; null while untitled. */
  projectPath: z.string().nullable(),
});

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
  'library.packs': operation(z.object({}), PacksResult, 'The packs in the library, with how many samples each holds.'),
  'library.setFavourite': operation(FavouriteArgs, FavouriteResult, 'Mark or unmark a sample as a favourite.'),
  'audio.load': operation(LoadArgs, LoadedAudio, 'Decode one audio file to planar float PCM.'),
  'audio.store': operation(StoreAudioArgs, z.object({ path: z.string() }), 'Keep a dropped file (after checking it decodes) and return its path.'),
  'job.cancel': operation(CancelArgs, CancelResult, 'Cancel a running job; it keeps what it finished.'),
  'project.open': operation(ProjectFileArgs, OpenedProject, 'Open a .glowroom file, validated, with absolute source paths.'),
  'project.save': operation(SaveArgs, SavedProject, 'Save atomically (previous version kept as .bak); drops the recovery file.'),
  'project.findByName': operation(FindByNameArgs, z.object({ found: z.record(z.string(), z.string()) }), 'Find files by name under a folder (relinking).'),
  'project.recent': operation(z.object({}), RecentProjects, 'Recently opened or saved projects, newest first.'),
  'project.writeRecovery': operation(RecoveryWriteArgs, z.object({ key: z.string() }), 'Autosave: keep unsaved work where a crash cannot take it.'),
  'project.recoveries': operation(z.object({}), z.object({ entries: z.array(RecoveryListing) }), 'Work recovered from a crash, offered at start.'),
  'project.resolveRecovery': operation(RecoveryChoiceArgs, RecoveryOutcome, 'Recover, open the last saved version, or discard.'),
} as const satisfies Record<OperationName, Operation<z.ZodType, z.ZodType>>;
export type OperationArgs<N extends OperationName> = z.input<(typeof operations)[N]['args']>;
export type OperationResult<N extends OperationName> = z.infer<(typeof operations)[N]['result']>;

export const JobProgress = z.object({
  jobId: z.string(),
  kind: z.enum(['import']),
  done: z.number().int().nonnegative(),
  /** Unknown while still counting. */
  total: z.number().int().nonnegative().nullable(),
  current: z.string().nullable(),
  /** Items per second so far. */
  rate: z.number().nonnegative(),
  /** Seconds left at the current rate; null until it can be estimated. */
  etaSeconds: z.number().nonnegative().nullable(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const events = {
  /** A long job moved on; one event per step and one when it ends. */
  'job.progress': JobProgress,
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

/**
 * The drum machine's edits on a drum track's pads: a sample per pad (a source of the project, as
 * clips' are), a pad's parameters (clamped to `drumPadParams`), name and output, a whole kit at
 * once, and a drum loop chopped onto the pads with the pattern that replays it. Each returns a new
 * document, or the same one when nothing changes.
 */
import { drumPadBasePitch, drumPadCount, drumPadParams } from '../../devices/instruments/catalog';
import { clampParam, paramDefaults } from '../../devices/param-spec';
import { sourceIdsOf, idAllocator } from '../edits/ids';
import type { DrumPad, Pattern, Project, Source, Track } from '../project-schema';
import { editPattern } from './pattern-in-project';
import { chopLoopToPads } from './loop-to-pads';
import { withNotes } from './pattern-shape';

/** A sample file as a pad gets it: where it is, and its content hash when known. */
export interface PadFile {
  readonly path: string;
  readonly sha256?: string | undefined;
}

/** What a kit gives one pad. */
export interface KitPadSetting {
  readonly name: string;
  readonly file: PadFile | null;
  readonly params: Readonly<Record<string, number>>;
}

/** Edits the drum track `trackId`'s pads; other tracks (and non-drum tracks) stay as they are. */
function editPads(project: Project, trackId: string, change: (pads: readonly DrumPad[]) => DrumPad[]): Project {
  let changed = false;
  const tracks = project.tracks.map((track): Track => {
    const instrument = track.instrument;
    if (track.id !== trackId || instrument?.type !== 'drums') return track;
    const pads = change(instrument.pads);
    if (pads.every((pad, i) => pad === instrument.pads[i])) return track;
    changed = true;
    return { ...track, instrument: { ...instrument, pads } };
  });
  return changed ? { ...project, tracks } : project;
}

function editPad(project: Project, trackId: string, index: number, change: (pad: DrumPad) => DrumPad): Project {
  return editPads(project, trackId, (pads) => pads.map((pad, i) => (i === index ? change(pad) : pad)));
}

/** The id of a source for `file`: an existing one with its path (taking the hash when given), or a new one. */
export function withSource(project: Project, file: PadFile): { project: Project; sourceId: string } {
  const existing = Object.entries(project.sources).find(([, source]) => source.path === file.path)?.[0];
  const sourceId = existing ?? idAllocator('s', sourceIdsOf(project))();
  const source: Source = file.sha256 === undefined ? { path: file.path } : { path: file.path, sha256: file.sha256 };
  const keep = existing !== undefined && (file.sha256 === undefined || project.sources[existing]?.sha256 === file.sha256);
  return { project: keep ? project : { ...project, sources: { ...project.sources, [sourceId]: source } }, sourceId };
}

/** A file's name without folder and extension: what a pad given that sample is called. */
export function sampleName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]+$/, '');
}

/** Puts a sample on a pad; the pad takes the file's name. */
export function setPadSample(project: Project, trackId: string, index: number, file: PadFile): Project {
  const { project: withFile, sourceId } = withSource(project, file);
  const next = editPad(withFile, trackId, index, (pad) => (pad.source === sourceId ? pad : { ...pad, source: sourceId, name: sampleName(file.path) }));
  return next === withFile ? project : next;
}

/** Empties a pad (its settings stay). */
export function clearPadSample(project: Project, trackId: string, index: number): Project {
  return editPad(project, trackId, index, (pad) => (pad.source === null ? pad : { ...pad, source: null }));
}

/** A pad parameter, clamped to its spec; unknown parameters and non-finite values change nothing. */
export function setPadParam(project: Project, trackId: string, index: number, param: string, value: number): Project {
  const spec = drumPadParams.find((p) => p.id === param);
  if (!spec || !Number.isFinite(value)) return project;
  const clamped = clampParam(spec, value);
  return editPad(project, trackId, index, (pad) => (pad.params[param] === clamped ? pad : { ...pad, params: { ...pad.params, [param]: clamped } }));
}

export function renamePad(project: Project, trackId: string, index: number, name: string): Project {
  const trimmed = name.trim().slice(0, 200);
  return editPad(project, trackId, index, (pad) => (pad.name === trimmed ? pad : { ...pad, name: trimmed }));
}

/** Where a pad's sound goes: the drum track's own channel (null) or a bus. An unknown bus changes nothing. */
export function setPadOutput(project: Project, trackId: string, index: number, output: string | null): Project {
  if (output !== null && !project.buses.some((bus) => bus.id === output)) return project;
  return editPad(project, trackId, index, (pad) => (pad.output === output ? pad : { ...pad, output }));
}

/**
 * Loads a kit: each pad gets its sample, name and settings (unnamed settings at their defaults);
 * pads the kit leaves `undefined` stay as they are, and outputs always stay.
 */
export function loadKit(project: Project, trackId: string, kit: readonly (KitPadSetting | undefined)[]): Project {
  let next = project;
  const sources = kit.map((setting) => {
    if (!setting?.file) return null;
    const added = withSource(next, setting.file);
    next = added.project;
    return added.sourceId;
  });
  const edited = editPads(next, trackId, (pads) =>
    pads.map((pad, i) => {
      const setting = kit[i];
      if (!setting) return pad;
      const params = { ...paramDefaults(drumPadParams), ...clampedParams(setting.params) };
      return { ...pad, name: setting.name, source: sources[i] ?? null, params };
    }),
  );
  return edited === next ? project : edited;
}

function clampedParams(params: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    drumPadParams.flatMap((spec) => {
      const value = params[spec.id];
      return value === undefined || !Number.isFinite(value) ? [] : [[spec.id, clampParam(spec, value)]];
    }),
  );
}

/** A choke group the kit does not use yet (slices of a loop cut each other), or the last group. */
function freeChokeGroup(pads: readonly DrumPad[]): number {
  const used = new Set(pads.map((pad) => pad.params['choke'] ?? 0));
  for (let group = 1; group <= 8; group++) if (!used.has(group)) return group;
  return 8;
}

/**
 * A drum loop chopped onto the pads at `cuts` (seconds: transients, or a grid): pad i plays the
 * loop from slice i's start, the slices choke each other, and the pattern `patternId` becomes the
 * notes that replay the loop at its tempo (`loopBpm`).
 */
export function chopLoopOntoPads(
  project: Project,
  trackId: string,
  patternId: string,
  loop: PadFile & { readonly durationSeconds: number; readonly loopBpm: number; readonly cuts: readonly number[] },
): Project {
  const track = project.tracks.find((t) => t.id === trackId);
  if (track?.instrument?.type !== 'drums' || !project.patterns[patternId]) return project;
  const chopped = chopLoopToPads(loop.cuts, loop.durationSeconds, loop.loopBpm, drumPadCount, drumPadBasePitch);
  const group = freeChokeGroup(track.instrument.pads.slice(chopped.slices.length));
  const name = sampleName(loop.path);
  const kit = chopped.slices.map((slice, i): KitPadSetting => ({ name: `${name} ${i + 1}`, file: loop, params: { startMs: slice.startSeconds * 1000, choke: group } }));
  const next = loadKit(project, trackId, kit);
  return editPattern(next, patternId, (pattern): Pattern => withNotes({ ...pattern, length: chopped.pattern.length, stepGrid: pattern.stepGrid ?? { division: '1/16', rowSteps: {} } }, chopped.pattern.notes));
}

import { projectFromMidiFile } from '../midi/midi-project';
import { openProject } from '../projects/project-files';
import { factoryDir } from '../repo-paths';
import { beatsToFrame, MixPlanes, prepareProject, renderSpan, type LoadedProject, type UnplayableSource } from './render-span';

export type { LoadedProject, UnplayableSource } from './render-span';

export interface RenderResult {
  /** Hertz. */
  readonly sampleRate: number;
  readonly channels: readonly [Float32Array, Float32Array];
  readonly unplayable: readonly UnplayableSource[];
}

export interface RenderOptions {
  /** Engine rate in hertz; the project's own rate when absent. */
  readonly sampleRate?: number;
  readonly signal?: AbortSignal;
  /** Called every few thousand blocks with frames done and frames in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Opens a project file for rendering (the same checks and messages as opening it in the app), or
 * a MIDI file (.mid, .midi) as a project on the default synth and the factory kit.
 */
export async function loadProjectFile(file: string): Promise<LoadedProject> {
  return /\.midi?$/i.test(file) ? projectFromMidiFile(file, factoryDir) : openProject(file);
}

/**
 * Renders a project from the start of the timeline to the end of its last clip with the same
 * engine the worklet runs, block by block. Sources that are missing or cannot be decoded are
 * reported and their clips stay silent; everything else renders.
 */
export async function renderProject(loaded: LoadedProject, options: RenderOptions = {}): Promise<RenderResult> {
  const sampleRate = options.sampleRate ?? loaded.project.sampleRate;
  const prepared = await prepareProject(loaded, sampleRate);
  let end = 0;
  for (const track of loaded.project.tracks) for (const clip of track.clips) end = Math.max(end, beatsToFrame(loaded.project, clip.start + clip.length, sampleRate));
  try {
    const mix = new MixPlanes(end);
    const frames = await renderSpan(prepared, { startFrame: 0, frames: end, tailFrames: 0 }, mix, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { sampleRate, channels: mix.planes(frames), unplayable: prepared.unplayable };
  } finally {
    prepared.dispose();
  }
}

import path from 'node:path';
import { Engine } from '../../../src/engine/engine';
import type { Project } from '../../../src/model/project-schema';
import { blockFrames, packSample } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { GlowroomError } from '../../../src/std/errors';
import { AudioService } from '../audio-service';
import { openProject } from '../projects/project-files';
import { toIpcError } from '../ipc-error';

/** A source the render had to leave silent, and why. */
export interface UnplayableSource {
  readonly sourceId: string;
  readonly path: string;
  readonly reason: string;
}

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

export interface LoadedProject {
  readonly project: Project;
  /** Relative source paths resolve against this folder. */
  readonly folder: string;
}

/** Opens a project file for rendering (the same checks and messages as opening it in the app). */
export async function loadProjectFile(file: string): Promise<LoadedProject> {
  return openProject(file);
}

/**
 * Renders a project from the start of the timeline to the end of its last clip with the same
 * engine the worklet runs, block by block. Sources that are missing or cannot be decoded are
 * reported and their clips stay silent; everything else renders.
 */
export async function renderProject(loaded: LoadedProject, options: RenderOptions = {}): Promise<RenderResult> {
  const { project, folder } = loaded;
  const sampleRate = options.sampleRate ?? project.sampleRate;
  const engine = new Engine(sampleRate);
  const unplayable: UnplayableSource[] = [];
  const audio = new AudioService();
  const resolved = (sourcePath: string) => path.resolve(folder, sourcePath);
  for (const [sourceId, source] of Object.entries(project.sources)) {
    try {
      const decoded = await audio.load(resolved(source.path));
      engine.command({ type: 'add-sample', sample: packSample(decoded.path, decoded.sampleRate, decoded.channels, (bytes) => new ArrayBuffer(bytes)) });
    } catch (error) {
      unplayable.push({ sourceId, path: resolved(source.path), reason: toIpcError(error).message });
    }
  }
  const document = compileEngineDocument(project, (sourceId) => resolved(project.sources[sourceId]?.path ?? sourceId));
  for (const command of engineDocumentChanges(null, document)) engine.command(command);
  engine.command({ type: 'play' });

  const total = engine.endFrame;
  const left = new Float32Array(total);
  const right = new Float32Array(total);
  const blockLeft = new Float32Array(blockFrames);
  const blockRight = new Float32Array(blockFrames);
  for (let done = 0, blocks = 0; done < total; done += blockFrames, blocks++) {
    const frames = Math.min(blockFrames, total - done);
    engine.render(blockLeft, blockRight, frames);
    left.set(blockLeft.subarray(0, frames), done);
    right.set(blockRight.subarray(0, frames), done);
    if (blocks % 4096 === 0) {
      options.onProgress?.(done, total);
      if (options.signal?.aborted) throw new GlowroomError('cancelled', 'Render cancelled.');
      // Let progress messages and cancellation through on long renders.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  options.onProgress?.(total, total);
  return { sampleRate, channels: [left, right], unplayable };
}

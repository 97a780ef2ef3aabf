import type { PooledSample } from '../../../src/engine/sample-pool';
import type { Project } from '../../../src/model/project-schema';
import type { Spill } from './spilled-source';

// What a render works on: a project as loaded, its sources opened, and the span of frames to make.
// Shared by the render (render-span.ts) and its second thread (split-render.ts).

/** A project as read from its file. */
export interface LoadedProject {
  readonly project: Project;
  /** Relative source paths resolve against this folder. */
  readonly folder: string;
  /** What making the project from another kind of file changed or left out (a MIDI file's import notes), for the report. */
  readonly notes?: readonly string[];
}

/** A source a render had to leave silent, and why. */
export interface UnplayableSource {
  readonly sourceId: string;
  readonly path: string;
  readonly reason: string;
}

/** A source ready to play, under the id the engine document gives its clips (the resolved path). */
export interface RenderSource {
  readonly sampleId: string;
  readonly sample: PooledSample;
  /** Where a compressed source was decoded to, for the render's helper thread to read it too. */
  readonly spill?: Spill;
}

/** The project's sources opened once, ready to feed any number of engines (the mix and each stem), one after another. */
export interface PreparedProject {
  readonly loaded: LoadedProject;
  readonly sampleRate: number;
  readonly sources: readonly RenderSource[];
  readonly unplayable: readonly UnplayableSource[];
  /** Where compressed sources are decoded to (made on first use); the render's helper thread decodes there too. */
  readonly spillFolder: () => string;
  /** Removes what opening the sources left on disk (that folder); call it when every render of them is done. */
  readonly dispose: () => void;
}

/** Where a render starts and how long it is, in frames at the export rate. */
export interface Span {
  readonly startFrame: number;
  /** Frames to render; for `tail`, the least (the end of the song). */
  readonly frames: number;
  /** Render on past `frames` until the output stays under −90 dBFS, at most this many frames. */
  readonly tailFrames: number;
}

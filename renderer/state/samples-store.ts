import { create } from 'zustand';
import type { Project } from '../../src/model/project-schema';
import type { LoadedAudio } from '../../src/protocol/ipc';

/** What the UI keeps of a pooled sample: its facts (with the file's `sha256`) and waveform peaks, not its PCM (that lives in shared memory). */
export type SampleInfo = Omit<LoadedAudio, 'channels'> & {
  readonly sampleId: string;
  readonly frames: number;
  readonly channelCount: number;
  /** Min/max per bucket as signed bytes (src/analysis/waveform-peaks), computed once on load. */
  readonly peaks: Int8Array;
};

/** Facts (and waveform peaks) of every pooled sample by path, for views that draw clips. */
export const useSamples = create<{ readonly byPath: Readonly<Record<string, SampleInfo>> }>()(() => ({ byPath: {} }));

export function rememberSample(info: SampleInfo): void {
  useSamples.setState((state) => ({ byPath: { ...state.byPath, [info.path]: info } }));
}

/** Seconds of audio in each source, by source id, as far as the pool knows them. */
export function sourceDurationsOf(project: Project, byPath: Readonly<Record<string, { frames: number; sampleRate: number }>>): Record<string, number> {
  const durations: Record<string, number> = {};
  for (const [id, source] of Object.entries(project.sources)) {
    const info = byPath[source.path];
    if (info) durations[id] = info.frames / info.sampleRate;
  }
  return durations;
}

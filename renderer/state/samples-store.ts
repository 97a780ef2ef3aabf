import { create } from 'zustand';
import type { SampleInfo } from '../audio/sample-pool';

/** Facts (and waveform peaks) of every pooled sample by path, for views that draw clips. */
export const useSamples = create<{ readonly byPath: Readonly<Record<string, SampleInfo>> }>()(() => ({ byPath: {} }));

export function rememberSample(info: SampleInfo): void {
  useSamples.setState((state) => ({ byPath: { ...state.byPath, [info.path]: info } }));
}

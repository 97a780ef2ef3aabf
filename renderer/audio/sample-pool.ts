import type { LoadedAudio } from '../../src/protocol/ipc';
import type { Bridge } from '../bridge/bridge';
import type { AudioHost } from './audio-host';

/** What the UI keeps of a pooled sample: its facts, not its PCM (that lives in shared memory). */
export type SampleInfo = Omit<LoadedAudio, 'channels'> & { readonly sampleId: string; readonly frames: number; readonly channelCount: number };

/**
 * Decoded audio in the worklet's pool, keyed by file path: each file is asked of the Node side
 * and copied to shared memory once, however often it is used.
 */
export class SamplePool {
  private readonly loaded = new Map<string, Promise<SampleInfo>>();

  constructor(
    private readonly bridge: Bridge,
    private readonly audio: AudioHost,
  ) {}

  ensure(path: string): Promise<SampleInfo> {
    const existing = this.loaded.get(path);
    if (existing) return existing;
    const loading = this.bridge.call('audio.load', { path }).then((audio) => {
      this.audio.addSample(audio.path, audio);
      const { channels, ...facts } = audio;
      return { ...facts, sampleId: audio.path, frames: channels[0]?.length ?? 0, channelCount: channels.length };
    });
    // A failed load is not remembered, so a fixed file can be tried again.
    loading.catch(() => this.loaded.delete(path));
    this.loaded.set(path, loading);
    return loading;
  }
}

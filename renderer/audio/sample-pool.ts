import { waveformPeaks } from '../../src/analysis/waveform-peaks';
import { rememberSample, type SampleInfo } from '../state/samples-store';
import { useSession } from '../state/session-store';
import type { Bridge } from '../bridge/bridge';
import type { AudioHost } from './audio-host';

/** Enough buckets for a sharp clip at any zoom a clip is usually seen at. */
const peakBuckets = (frames: number) => Math.max(1, Math.min(16_384, Math.ceil(frames / 64)));

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
      const frames = channels[0]?.length ?? 0;
      const info: SampleInfo = { ...facts, sampleId: audio.path, frames, channelCount: channels.length, peaks: waveformPeaks(channels, peakBuckets(frames)) };
      rememberSample(info);
      // The decoder repaired or reinterpreted the file (a misnamed format, a damaged header): say so once, when it loads.
      if (audio.notes.length > 0) useSession.getState().notify('info', audio.notes.join(' '));
      return info;
    });
    // A failed load is not remembered, so a fixed file can be tried again.
    loading.catch(() => this.loaded.delete(path));
    this.loaded.set(path, loading);
    return loading;
  }
}

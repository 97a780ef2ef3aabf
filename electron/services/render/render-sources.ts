import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ResidentSample, type PooledSample } from '../../../src/engine/sample-pool';
import { type AudioService } from '../audio-service';
import { StreamedWav } from './streamed-wav';

/**
 * A source as an offline render reads it: integer-PCM WAV (what packs and recorders mostly hold)
 * streams from disk a window at a time; any other file is decoded whole by the audio service, as
 * the app decodes it. Throws the audio service's message when the file cannot be used.
 */
export async function openRenderSource(file: string, audio: AudioService): Promise<PooledSample> {
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isFile() && stat.size > 0) {
    try {
      const streamed = StreamedWav.open(file, stat.size, path.basename(file));
      if (streamed) return streamed;
    } catch {
      // Damaged or unreadable: the decoder below refuses it with the words the app uses.
    }
  }
  const decoded = await audio.load(file);
  return new ResidentSample(decoded.sampleRate, decoded.channels);
}

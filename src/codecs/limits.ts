/**
 * What a decoded file may be, checked by every decoder before it allocates: the sample rates and
 * channel counts real audio has, and how far above full scale decoded samples may go. One place,
 * imported by the decoders and by the decoder fuzzer that holds them to it.
 *
 * - Rates 8 kHz (telephone, MPEG-2.5's lowest) to 384 kHz (the highest DXD/PCM rate converters
 *   and DAWs offer); the engine, loudness meter and limiter all work across this range.
 * - 1 to 32 channels: mono and stereo samples, 5.1 and 7.1 stems, and multitrack field recorders'
 *   polyphonic WAVs (up to 32 tracks). The engine plays the first two; analysis takes all.
 * - Integer PCM is [-1, 1) by construction. Lossy decoders overshoot full scale on loud masters
 *   (the pack's industrial_loop.ogg peaks at +3.4 dBFS), so up to +12 dBFS is sound; beyond, the
 *   frames are garbage. Float files may keep headroom above 0 dBFS, up to +24 dBFS; beyond that a
 *   value is not a level anyone recorded but damaged bytes (a flipped exponent bit gives 1e38).
 */
import { GlowroomError } from '../std/errors';

export const minSampleRate = 8000;
export const maxSampleRate = 384_000;
export const maxChannels = 32;
/** +12 dBFS: the loudest sample a lossy decoder may return. */
export const lossyCeiling = 4;
/** +24 dBFS: the loudest sample a float file may hold. */
export const floatCeiling = 16;

/** A float file's sample that is not a number or lies beyond `floatCeiling`: damaged bytes, not sound. */
export function isDamagedFloat(sample: number): boolean {
  return !(Math.abs(sample) <= floatCeiling);
}

/**
 * Refuses a rate or channel count outside the limits, in words a producer can act on; `name`
 * is the file's.
 */
export function checkShape(sampleRate: number, channelCount: number, name: string): void {
  if (!(sampleRate >= minSampleRate && sampleRate <= maxSampleRate)) {
    const said = Number.isFinite(sampleRate) ? `${Math.round(sampleRate)} Hz` : 'not a number';
    throw new GlowroomError(
      'bad-format',
      `${name} is damaged: its sample rate is invalid (${said}; real audio runs at ${minSampleRate / 1000} to ${maxSampleRate / 1000} kHz).`,
    );
  }
  if (!(channelCount >= 1 && channelCount <= maxChannels)) {
    throw new GlowroomError(
      channelCount > maxChannels ? 'unsupported' : 'bad-format',
      channelCount > maxChannels
        ? `${name} has ${channelCount} channels; Glowroom reads files of 1 to ${maxChannels} channels. Split it into mono or stereo files first.`
        : `${name} is damaged: its format is inconsistent (${channelCount} channels).`,
    );
  }
}

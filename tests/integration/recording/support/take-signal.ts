/** A test signal every sample of which is known and exact in float32: a take's content can be checked frame by frame. */
export function takeSample(frame: number, channel: number): number {
  return ((frame * 7919 + channel * 4099) % 65_536) / 65_536 - 0.5;
}

/** Planes of `count` frames of the signal from `first`. */
export function takeChunk(first: number, count: number, channelCount: number): Float32Array[] {
  return Array.from({ length: channelCount }, (_, channel) => Float32Array.from({ length: count }, (_, i) => takeSample(first + i, channel)));
}

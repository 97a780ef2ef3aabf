import type { createOggEncoder } from 'wasm-media-encoders';

export type OggEncoder = Awaited<ReturnType<typeof createOggEncoder>>;

/** An Ogg Vorbis file of `planes` (mono or stereo) made by `encoder` (wasm-media-encoders, reusable file after file). */
export function encodeOggVorbis(encoder: OggEncoder, planes: Float32Array[], sampleRate: number, vbrQuality: number): Uint8Array {
  encoder.configure({ channels: planes.length as 1 | 2, sampleRate, vbrQuality });
  const body = encoder.encode(planes).slice();
  const tail = encoder.finalize().slice();
  const out = new Uint8Array(body.length + tail.length);
  out.set(body);
  out.set(tail, body.length);
  return out;
}

/**
 * Metadata chunks for RIFF/WAVE files: a `LIST`/`INFO` chunk (INAM title, IART artist, IPRD
 * album, IGNR genre, ICRD date, ICMT comment, ISFT software) for the players that read only
 * that, and an `id3 ` chunk holding an ID3v2.4 tag (src/codecs/id3) with everything, cover art,
 * BPM and key included. Pass the result to encodeWav's `chunks`.
 */
import type { AudioTags } from './audio-tags';
import { concat, encodeId3v24 } from './id3';

const encoder = new TextEncoder();

/** The chunks for `tags` (none when there is nothing to say). */
export function wavMetadataChunks(tags: AudioTags | undefined, software = 'Glowroom'): Uint8Array[] {
  if (!tags) return [];
  const chunks: Uint8Array[] = [];
  const info = listInfoChunk(tags, software);
  if (info) chunks.push(info);
  const id3 = encodeId3v24(tags);
  if (id3.length > 0) chunks.push(riffChunk('id3 ', id3));
  return chunks;
}

/** `LIST` chunk of form type `INFO`, or null when no INFO field applies. */
export function listInfoChunk(tags: AudioTags, software?: string): Uint8Array | null {
  const fields: [string, string | undefined][] = [
    ['INAM', tags.title],
    ['IART', tags.artist],
    ['IPRD', tags.album],
    ['IGNR', tags.genre],
    ['ICRD', tags.year],
    ['ICMT', tags.comment],
  ];
  const parts = fields.filter((field): field is [string, string] => field[1] !== undefined && field[1].trim() !== '').map(([id, value]) => riffChunk(id, concat([encoder.encode(value), Uint8Array.of(0)])));
  if (parts.length === 0) return null;
  if (software) parts.push(riffChunk('ISFT', concat([encoder.encode(software), Uint8Array.of(0)])));
  return riffChunk('LIST', concat([encoder.encode('INFO'), ...parts]));
}

/** A RIFF chunk: id, little-endian size, data, a pad byte when the size is odd. */
export function riffChunk(id: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length % 2));
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

/** The chunks of a RIFF/WAVE file in order, for tests and tools: id and data (pad excluded). */
export function listRiffChunks(bytes: Uint8Array): { id: string; data: Uint8Array }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: { id: string; data: Uint8Array }[] = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    chunks.push({ id, data: bytes.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** The INFO fields of a `LIST` chunk's data, for tests and tools. */
export function readListInfo(data: Uint8Array): Record<string, string> {
  const fields: Record<string, string> = {};
  const decoder = new TextDecoder();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 4; at + 8 <= data.length; ) {
    const id = String.fromCharCode(...data.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    fields[id] = decoder.decode(data.subarray(at + 8, at + 8 + size)).replace(/\0+$/, '');
    at += 8 + size + (size % 2);
  }
  return fields;
}

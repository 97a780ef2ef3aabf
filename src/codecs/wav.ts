import type { AudioFacts, AudioFormat, DecodedAudio, SampleEncoding } from './decoded-audio';
import { GlowroomError } from '../std/errors';
import { hertz } from '../std/units';
import { checkShape } from './limits';
import type { SampleLayout } from './pcm-stream';
import { chunkFollows, fourcc, type HeaderAt } from './chunk-walk';

/**
 * WAV decoder: RIFF/WAVE and RF64/BW64 containers; integer PCM (8-bit unsigned, 16/24/32-bit
 * signed, narrower widths left-justified in those containers), IEEE float 32/64, also wrapped in
 * WAVE_FORMAT_EXTENSIBLE. Integers scale by 1 / 2^(container bits - 1), so full scale is [-1, 1).
 * `name` only appears in error messages.
 *
 * Every length read from the file is checked against the bytes before it is used: hostile input
 * yields a GlowroomError ('bad-format' or 'unsupported'), never a RangeError.
 */
export function decodeWav(bytes: Uint8Array, name = '<unnamed>'): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { format, chunks, fmt, frameBytes, frames } = readHeaders(view, name);
  const channels = Array.from({ length: fmt.channelCount }, (_, c) =>
    readChannel(view, chunks.data.start + c * fmt.sampleBytes, frameBytes, frames, fmt.kind),
  );
  return {
    format,
    encoding: fmt.encoding,
    bitDepth: fmt.sampleBytes * 8,
    sampleRate: hertz(fmt.sampleRate),
    channels,
  };
}

/** What the headers of a whole WAV file say, checked as `decodeWav` checks them (same errors). */
export function wavFacts(bytes: Uint8Array, name = '<unnamed>'): AudioFacts {
  const { format, fmt, frames } = readHeaders(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  return { format, bitDepth: fmt.sampleBytes * 8, sampleRate: hertz(fmt.sampleRate), channelCount: fmt.channelCount, frames };
}

function readHeaders(view: DataView, name: string): { format: AudioFormat; chunks: { fmt: Span; data: DataSpan }; fmt: Fmt; frameBytes: number; frames: number } {
  const format = containerFormat(view, name);
  const chunks = findChunks(view, format, name);
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  refuseSecondData((at) => bytes.subarray(at, at + 8), view.byteLength, chunks.data, name);
  const fmt = parseFmt(view, chunks.fmt, name);
  const frameBytes = fmt.channelCount * fmt.sampleBytes;
  const dataBytes = dataLength(view.byteLength, chunks.data, frameBytes * fmt.sampleRate, name);
  return { format, chunks, fmt, frameBytes, frames: Math.floor(dataBytes / frameBytes) };
}

/**
 * The layout of a WAV file's frames, from its first bytes (`head`, through the start of the
 * audio), its size and a reader of chunk headers after the audio (`headerAt`), checked as
 * `decodeWav` checks the whole file (same errors), for reading them from disk a block at a time;
 * null when the head ends before the format chunk. Float samples come out as stored: the
 * decoders' damage rule for float (decode.ts) is the reader's to apply.
 */
export function wavSampleLayout(head: Uint8Array, fileBytes: number, headerAt: HeaderAt, name = '<unnamed>'): SampleLayout | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const format = containerFormat(view, name);
  let chunks: { fmt: Span; data: DataSpan };
  try {
    chunks = findChunks(view, format, name);
  } catch {
    return null;
  }
  refuseSecondData(headerAt, fileBytes, chunks.data, name);
  const fmt = parseFmt(view, chunks.fmt, name);
  const frameBytes = fmt.channelCount * fmt.sampleBytes;
  const dataBytes = dataLength(fileBytes, chunks.data, frameBytes * fmt.sampleRate, name);
  return {
    sampleRate: fmt.sampleRate,
    channelCount: fmt.channelCount,
    dataStart: chunks.data.start,
    frames: Math.floor(dataBytes / frameBytes),
    frameBytes,
    encoding: fmt.encoding === 'float' ? 'float' : 'pcm',
    stereo24le: fmt.kind === 's24' && fmt.channelCount === 2,
    readInto: (bytes, channel, frames, out, at) => {
      const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      readChannelInto(data, channel * fmt.sampleBytes, frameBytes, frames, fmt.kind, out, at);
    },
  };
}

/** Marks a size that lives elsewhere: in the ds64 chunk (RF64), or nowhere (a streaming writer). */
const UNKNOWN_SIZE = 0xffffffff;

interface Span {
  readonly start: number;
  readonly size: number;
}

/** `size` undefined: the writer never filled it in, so the audio runs to the end of the file. */
interface DataSpan {
  readonly start: number;
  readonly size: number | undefined;
}

interface Ds64 {
  readonly dataSize: number;
  readonly sizes: ReadonlyMap<string, number>;
}

function containerFormat(view: DataView, name: string): AudioFormat {
  const magic = view.byteLength >= 12 ? fourcc(view, 0) : '';
  const wave = magic !== '' && fourcc(view, 8) === 'WAVE';
  if (magic === 'RIFF' && wave) return 'wav';
  if ((magic === 'RF64' || magic === 'BW64') && wave) return 'rf64';
  if (magic === 'RIFX' && wave) throw unreadable(name, 'is a big-endian (RIFX) WAV file');
  throw new GlowroomError('bad-format', `not a WAV file: ${name}`);
}

/**
 * Walks the chunk list for 'fmt ' and 'data', skipping everything else (ds64 included; odd sizes
 * are padded to even). The RIFF size field is ignored because writers often get it wrong; the
 * file's real length bounds the walk. Damage after both chunks are found does not matter (a
 * second 'data' chunk does: `refuseSecondData`).
 */
function findChunks(view: DataView, format: AudioFormat, name: string): { fmt: Span; data: DataSpan } {
  const ds64 = format === 'rf64' ? parseDs64(view, name) : undefined;
  let fmt: Span | undefined;
  let data: DataSpan | undefined;
  for (let pos = 12; pos + 8 <= view.byteLength && !(fmt && data); ) {
    const id = fourcc(view, pos);
    const size32 = view.getUint32(pos + 4, true);
    const start = pos + 8;
    const size = id === 'data' ? dataSize(size32, ds64) : chunkSize(id, size32, ds64, name);
    if (id === 'data') data ??= { start, size };
    // Audio of unknown length runs to the end: nothing can follow it.
    if (size === undefined) break;
    if (start + size > view.byteLength) {
      // A short data chunk is reported by dataLength, which can say how much audio is missing.
      if (data) break;
      throw new GlowroomError('bad-format', `truncated WAV file: ${name} ends inside its '${id.trim()}' chunk`);
    }
    if (id === 'fmt ') fmt ??= { start, size };
    pos = start + size + (size % 2);
  }
  if (!fmt) throw damaged(name, "it has no format ('fmt ') chunk");
  if (!data) throw damaged(name, "it has no audio ('data') chunk");
  return { fmt, data };
}

/**
 * Refuses a file that holds a second 'data' chunk after the first. A RIFF WAVE file has one;
 * with two, which is the sound is unclear: the second may be more of the take (cut off without a
 * word if only the first were read), or the tail of the first may be bytes spliced in from
 * elsewhere in the file (a copied chunk lands right where the first chunk's declared size ends;
 * fuzz case 18070). Nothing inside PCM audio can tell sound from spliced bytes, so the chunk list
 * is the only witness. Audio of unknown length runs to the end of the file: nothing follows it.
 */
function refuseSecondData(headerAt: HeaderAt, fileBytes: number, data: DataSpan, name: string): void {
  if (data.size === undefined) return;
  if (chunkFollows(headerAt, fileBytes, data.start + data.size + (data.size % 2), 'data', true)) {
    throw damaged(name, "it holds two audio ('data') chunks, so which one is the sound is unclear; export it again from the program that made it");
  }
}

/** RF64 keeps 64-bit sizes in a ds64 chunk that must come first; 32-bit fields say UNKNOWN_SIZE. */
function parseDs64(view: DataView, name: string): Ds64 {
  const size = view.byteLength >= 20 && fourcc(view, 12) === 'ds64' ? view.getUint32(16, true) : 0;
  if (size < 28 || 20 + size > view.byteLength) {
    throw damaged(name, "an RF64 file must start with a complete 'ds64' chunk");
  }
  const tableLength = view.getUint32(44, true);
  if (28 + tableLength * 12 > size) throw damaged(name, "its 'ds64' chunk table runs past the chunk");
  const sizes = new Map<string, number>();
  for (let i = 0, at = 48; i < tableLength; i++, at += 12) {
    sizes.set(fourcc(view, at), readUint64(view, at + 4));
  }
  return { dataSize: readUint64(view, 28), sizes };
}

function dataSize(size32: number, ds64: Ds64 | undefined): number | undefined {
  const size = ds64 && size32 === UNKNOWN_SIZE ? ds64.dataSize : size32;
  return size === 0 || size === UNKNOWN_SIZE ? undefined : size;
}

function chunkSize(id: string, size32: number, ds64: Ds64 | undefined, name: string): number {
  if (!ds64 || size32 !== UNKNOWN_SIZE) return size32;
  const size = ds64.sizes.get(id);
  if (size === undefined) {
    throw damaged(name, `the size of its '${id.trim()}' chunk is missing from the 'ds64' table`);
  }
  return size;
}

/** Bytes of audio to decode; a declared size beyond the end of the file is a truncated file. */
function dataLength(fileBytes: number, data: DataSpan, bytesPerSecond: number, name: string): number {
  const available = fileBytes - data.start;
  if (data.size === undefined) return available;
  if (data.size > available) {
    const declared = formatSeconds(data.size / bytesPerSecond);
    const held = formatSeconds(available / bytesPerSecond);
    throw new GlowroomError(
      'bad-format',
      `truncated WAV file: ${name} declares ${declared} s of audio but holds ${held} s`,
    );
  }
  return data.size;
}

interface Fmt {
  readonly encoding: SampleEncoding;
  readonly channelCount: number;
  readonly sampleRate: number;
  /** Container width; narrower PCM (e.g. 20-bit) is stored left-justified in it. */
  readonly sampleBytes: number;
  readonly kind: SampleKind;
}

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID that wraps a classic format tag. */
const SUBTYPE_SUFFIX = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];

/** Names for the tags people actually meet, so the error tells them what they have. */
const knownTags: ReadonlyMap<number, string> = new Map([
  [0x0002, 'Microsoft ADPCM'],
  [0x0006, 'A-law'],
  [0x0007, 'µ-law'],
  [0x0011, 'IMA ADPCM'],
  [0x0031, 'GSM 6.10'],
  [0x0050, 'MPEG'],
  [0x0055, 'MPEG Layer 3'],
]);

function parseFmt(view: DataView, fmt: Span, name: string): Fmt {
  if (fmt.size < 16) throw damaged(name, 'its format chunk is too short');
  let tag = view.getUint16(fmt.start, true);
  const channelCount = view.getUint16(fmt.start + 2, true);
  const sampleRate = view.getUint32(fmt.start + 4, true);
  const blockAlign = view.getUint16(fmt.start + 12, true);
  const bits = view.getUint16(fmt.start + 14, true);
  if (tag === WAVE_FORMAT_EXTENSIBLE) tag = extensibleSubtype(view, fmt, name);
  if (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_IEEE_FLOAT) {
    const known = knownTags.get(tag);
    const hex = `0x${tag.toString(16).padStart(4, '0')}`;
    throw unreadable(name, `uses WAV format tag ${hex}${known ? ` (${known})` : ''}`);
  }
  const sampleBytes = Math.ceil(bits / 8);
  if (channelCount === 0 || sampleRate === 0 || bits === 0 || blockAlign !== channelCount * sampleBytes) {
    const fields = `${channelCount} channels, ${sampleRate} Hz, ${bits} bits, ${blockAlign} bytes per frame`;
    throw damaged(name, `its format chunk is inconsistent (${fields})`);
  }
  checkShape(sampleRate, channelCount, name);
  const encoding: SampleEncoding = tag === WAVE_FORMAT_PCM ? 'pcm' : 'float';
  if (encoding === 'pcm' ? bits > 32 : bits !== 32 && bits !== 64) {
    throw unreadable(name, `stores ${bits}-bit ${encoding === 'pcm' ? 'integer' : 'float'} samples`);
  }
  const kind: SampleKind =
    encoding === 'float'
      ? sampleBytes === 4 ? 'f32' : 'f64'
      : sampleBytes === 1 ? 'u8' : sampleBytes === 2 ? 's16' : sampleBytes === 3 ? 's24' : 's32';
  return { encoding, channelCount, sampleRate, sampleBytes, kind };
}

/** The classic format tag inside a WAVE_FORMAT_EXTENSIBLE subformat GUID. */
function extensibleSubtype(view: DataView, fmt: Span, name: string): number {
  if (fmt.size < 40) throw damaged(name, 'its extensible format chunk is too short');
  const guid = fmt.start + 24;
  if (SUBTYPE_SUFFIX.some((byte, i) => view.getUint8(guid + 2 + i) !== byte)) {
    throw unreadable(name, 'uses an extensible WAV subformat such as ambisonic B-format');
  }
  return view.getUint16(guid, true);
}

/** How one stored sample is read: 8-bit PCM is unsigned, wider PCM is signed. */
type SampleKind = PcmKind | 'f32' | 'f64';
type PcmKind = 'u8' | 's16' | 's24' | 's32';


/**
 * One channel out of interleaved frames. One tight loop per sample kind, each monomorphic,
 * because this is where decode time goes.
 */
function readChannel(view: DataView, first: number, stride: number, frames: number, kind: SampleKind): Float32Array {
  const out = new Float32Array(frames);
  readChannelInto(view, first, stride, frames, kind, out, 0);
  return out;
}

function readChannelInto(view: DataView, first: number, stride: number, frames: number, kind: SampleKind, out: Float32Array, at: number): void {
  let p = first;
  const end = at + frames;
  switch (kind) {
    case 'u8':
      for (let i = at; i < end; i++, p += stride) out[i] = (view.getUint8(p) - 128) * 2 ** -7;
      break;
    case 's16':
      for (let i = at; i < end; i++, p += stride) out[i] = view.getInt16(p, true) * 2 ** -15;
      break;
    case 's24': {
      const paired = stride === 6 ? readStereo24(view, first, frames, out, at) : 0;
      p += paired * stride;
      for (let i = at + paired; i < end; i++, p += stride) {
        out[i] = (view.getUint16(p, true) + view.getInt8(p + 2) * 65536) * 2 ** -23;
      }
      break;
    }
    case 's32':
      for (let i = at; i < end; i++, p += stride) out[i] = view.getInt32(p, true) * 2 ** -31;
      break;
    case 'f32':
      for (let i = at; i < end; i++, p += stride) out[i] = view.getFloat32(p, true);
      break;
    case 'f64':
      for (let i = at; i < end; i++, p += stride) out[i] = view.getFloat64(p, true);
      break;
  }
}

/** Whether this machine stores numbers little-endian, as WAV does (every platform Glowroom ships on). */
const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * One channel of stereo 24-bit frames a pair of frames (12 bytes: three 32-bit words) at a time,
 * the same integers as byte by byte (each sample's three bytes shifted into a 32-bit word and
 * sign-extended): about a third less CPU than `DataView` reads in a render's source streaming.
 * The left channel's sample begins a word, the right's the word's last byte; reads the whole
 * pairs and returns how many frames it read (0 when the bytes do not sit on a word boundary).
 */
function readStereo24(view: DataView, first: number, frames: number, out: Float32Array, at: number): number {
  const lead = (view.byteOffset + first) & 3;
  if (!littleEndian || (lead !== 0 && lead !== 3)) return 0;
  const pairs = frames >> 1;
  const words = new Int32Array(view.buffer, view.byteOffset + first - lead, pairs * 3);
  const scale = 2 ** -23;
  if (lead === 0) {
    for (let k = 0, w = 0, i = at; k < pairs; k++, w += 3, i += 2) {
      out[i] = (((words[w] as number) << 8) >> 8) * scale;
      out[i + 1] = ((((words[w + 2] as number) << 24) >> 8) | ((words[w + 1] as number) >>> 16)) * scale;
    }
  } else {
    for (let k = 0, w = 0, i = at; k < pairs; k++, w += 3, i += 2) {
      out[i] = ((((words[w + 1] as number) << 16) >> 8) | ((words[w] as number) >>> 24)) * scale;
      out[i + 1] = ((words[w + 2] as number) >> 8) * scale;
    }
  }
  return 2 * pairs;
}

function damaged(name: string, what: string): GlowroomError {
  return new GlowroomError('bad-format', `${name} is damaged: ${what}`);
}

/** A variant we recognise but do not decode; the way out is always a plain PCM WAV. */
function unreadable(name: string, what: string): GlowroomError {
  return new GlowroomError(
    'unsupported',
    `${name} ${what}, which Glowroom does not read; convert it to PCM WAV (16- or 24-bit)`,
  );
}

/** Exact below 2^53; anything larger is far beyond any file and fails the length checks anyway. */
function readUint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/** Two significant digits below a second, one decimal above: "0.017", "1.8". */
function formatSeconds(value: number): string {
  return value < 1 ? String(Number(value.toPrecision(2))) : value.toFixed(1);
}

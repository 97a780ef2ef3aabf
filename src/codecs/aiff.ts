import type { AudioFacts, AudioFormat, DecodedAudio, SampleEncoding } from './decoded-audio';
import { GlowroomError } from '../std/errors';
import { hertz } from '../std/units';
import { checkShape } from './limits';
import type { SampleLayout } from './pcm-stream';
import { chunkFollows, fourcc, type HeaderAt } from './chunk-walk';

/**
 * AIFF decoder: FORM/AIFF (big-endian integer PCM, 8-bit signed, 16/24/32-bit, narrower widths
 * left-justified in those containers) and FORM/AIFC with the compression types 'NONE',
 * 'sowt' (little-endian integer PCM), 'fl32'/'FL32' and 'fl64'/'FL64' (big-endian IEEE float).
 * Integers scale by 1 / 2^(container bits - 1), so full scale is [-1, 1), as in the WAV decoder.
 * `name` only appears in error messages.
 *
 * Every length read from the file is checked against the bytes before it is used: hostile input
 * yields a GlowroomError ('bad-format' or 'unsupported'), never a RangeError.
 */
export function decodeAiff(bytes: Uint8Array, name = '<unnamed>'): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { format, comm, frameBytes, start } = readHeaders(view, name);
  const frames = comm.frameCount;
  const channels = Array.from({ length: comm.channelCount }, (_, c) =>
    readChannel(view, start + c * comm.sampleBytes, frameBytes, frames, comm.kind),
  );
  return {
    format,
    encoding: comm.encoding,
    bitDepth: comm.bitDepth,
    sampleRate: hertz(comm.sampleRate),
    channels,
  };
}

/** What the headers of a whole AIFF file say, checked as `decodeAiff` checks them (same errors). */
export function aiffFacts(bytes: Uint8Array, name = '<unnamed>'): AudioFacts {
  const { format, comm } = readHeaders(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  return { format, bitDepth: comm.bitDepth, sampleRate: hertz(comm.sampleRate), channelCount: comm.channelCount, frames: comm.frameCount };
}

/**
 * The layout of an AIFF file's frames, from its first bytes (`head`, through the start of the
 * audio), its size and a reader of chunk headers past the head (`headerAt`), checked as
 * `decodeAiff` checks the whole file (same errors), for reading them from disk a block at a
 * time; null when the head does not hold the COMM chunk and the start of the sound data. Float
 * samples come out as stored (see `wavSampleLayout`).
 */
export function aiffSampleLayout(head: Uint8Array, fileBytes: number, headerAt: HeaderAt, name = '<unnamed>'): SampleLayout | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const format = containerFormat(view, name);
  let chunks: Chunks;
  try {
    chunks = findChunks(view, name);
  } catch {
    return null;
  }
  refuseSecondSound(headerAt, fileBytes, chunks.next, name);
  const { comm: commSpan, ssnd } = chunks;
  if (!commSpan || !ssnd || ssnd.size < 8) return null;
  const comm = parseComm(view, commSpan, format, name);
  if (comm.frameCount === 0) return null;
  // The head may end inside the sound chunk: its size is what it declares, as far as the file goes.
  const declared = view.getUint32(ssnd.start - 4, false);
  const sound = { start: ssnd.start, size: Math.min(declared, fileBytes - ssnd.start) };
  const frameBytes = comm.channelCount * comm.sampleBytes;
  const start = soundStart(view, sound, comm.frameCount * frameBytes, frameBytes * comm.sampleRate, name);
  return {
    sampleRate: comm.sampleRate,
    channelCount: comm.channelCount,
    dataStart: start,
    frames: comm.frameCount,
    frameBytes,
    encoding: comm.encoding === 'float' ? 'float' : 'pcm',
    readInto: (bytes, channel, frames, out, at) => {
      const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      readChannelInto(data, channel * comm.sampleBytes, frameBytes, frames, comm.kind, out, at);
    },
  };
}

/** The form, its COMM chunk, and where the first frame starts. */
function readHeaders(view: DataView, name: string): { format: AudioFormat; comm: Comm; frameBytes: number; start: number } {
  const format = containerFormat(view, name);
  const chunks = findChunks(view, name);
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  refuseSecondSound((at) => bytes.subarray(at, at + 8), view.byteLength, chunks.next, name);
  const comm = parseComm(view, chunks.comm, format, name);
  const frameBytes = comm.channelCount * comm.sampleBytes;
  // A file with no frames may leave out its sound chunk altogether.
  const start = comm.frameCount === 0 ? 0 : soundStart(view, chunks.ssnd, comm.frameCount * frameBytes, frameBytes * comm.sampleRate, name);
  return { format, comm, frameBytes, start };
}

interface Span {
  readonly start: number;
  /** Bytes of the chunk body actually present in the file (a truncated last chunk is shorter). */
  readonly size: number;
}

function containerFormat(view: DataView, name: string): AudioFormat {
  const form = view.byteLength >= 12 && fourcc(view, 0) === 'FORM' ? fourcc(view, 8) : '';
  if (form === 'AIFF') return 'aiff';
  if (form === 'AIFC') return 'aifc';
  throw new GlowroomError('bad-format', `not an AIFF file: ${name}`);
}

interface Chunks {
  readonly comm: Span | undefined;
  readonly ssnd: Span | undefined;
  /** Where the walk stopped: the chunk header after the last chunk it took (maybe past the bytes in hand), or a second 'SSND'. */
  readonly next: number;
}

/**
 * Walks the chunk list for 'COMM' and 'SSND' (in either order), skipping everything else; odd
 * sizes are padded to even. The FORM size field is ignored because writers often get it wrong;
 * the file's real length bounds the walk. Damage after both chunks are found does not matter (a
 * second 'SSND' chunk does: `refuseSecondSound`, from `next`).
 */
function findChunks(view: DataView, name: string): Chunks {
  let comm: Span | undefined;
  let ssnd: Span | undefined;
  let pos = 12;
  while (pos + 8 <= view.byteLength && !(comm && ssnd)) {
    const id = fourcc(view, pos);
    if (id === 'SSND' && ssnd) break;
    const size = view.getUint32(pos + 4, false);
    const start = pos + 8;
    pos = start + size + (size % 2);
    if (start + size > view.byteLength) {
      // A short sound chunk is reported by soundStart, which can say how much audio is missing.
      if (id === 'SSND') {
        ssnd = { start, size: view.byteLength - start };
        break;
      }
      throw new GlowroomError('bad-format', `truncated AIFF file: ${name} ends inside its '${id.trim()}' chunk`);
    }
    if (id === 'COMM') comm ??= { start, size };
    if (id === 'SSND') ssnd = { start, size };
  }
  return { comm, ssnd, next: pos };
}

/**
 * Refuses a file that holds a second sound ('SSND') chunk, for the reason a WAV file with two
 * 'data' chunks is refused (wav.ts `refuseSecondData`): an AIFF file has one, and with two,
 * which is the sound is unclear. Looks from `next`, where `findChunks` stopped.
 */
function refuseSecondSound(headerAt: HeaderAt, fileBytes: number, next: number, name: string): void {
  if (chunkFollows(headerAt, fileBytes, next, 'SSND', false)) {
    throw damaged(name, "it holds two sound data ('SSND') chunks, so which one is the sound is unclear; export it again from the program that made it");
  }
}

interface Comm {
  readonly encoding: SampleEncoding;
  readonly channelCount: number;
  readonly frameCount: number;
  readonly sampleRate: number;
  /** The stored sample width in bits: the COMM field for integers, 32 or 64 for floats. */
  readonly bitDepth: number;
  /** Container width; narrower PCM (e.g. 20-bit) is stored left-justified in it. */
  readonly sampleBytes: number;
  readonly kind: SampleKind;
}

/** Names for the AIFF-C compression types people actually meet, so the error says what they have. */
const knownCompressions: ReadonlyMap<string, string> = new Map([
  ['ulaw', 'µ-law'],
  ['ULAW', 'µ-law'],
  ['alaw', 'A-law'],
  ['ALAW', 'A-law'],
  ['ima4', 'IMA ADPCM'],
  ['MAC3', 'MACE 3:1'],
  ['MAC6', 'MACE 6:1'],
  ['GSM ', 'GSM 6.10'],
  ['Qclp', 'QUALCOMM PureVoice'],
  ['QDMC', 'QDesign Music'],
  ['QDM2', 'QDesign Music 2'],
]);

function parseComm(view: DataView, comm: Span | undefined, format: AudioFormat, name: string): Comm {
  if (!comm) throw damaged(name, "it has no common ('COMM') chunk");
  const needed = format === 'aifc' ? 22 : 18;
  if (comm.size < needed) throw damaged(name, 'its common chunk is too short');
  const channelCount = view.getInt16(comm.start, false);
  const frameCount = view.getUint32(comm.start + 2, false);
  const bits = view.getInt16(comm.start + 6, false);
  const sampleRate = readExtended(view, comm.start + 8);
  const compression = format === 'aifc' ? fourcc(view, comm.start + 18) : 'NONE';
  checkShape(sampleRate, channelCount, name);
  switch (compression) {
    case 'NONE':
    case 'sowt': {
      if (bits < 1 || bits > 32) throw damaged(name, `its common chunk is inconsistent (${bits} bits per sample)`);
      const sampleBytes = Math.ceil(bits / 8);
      const little = compression === 'sowt';
      const kind = integerKinds[sampleBytes - 1]?.[little ? 1 : 0] ?? 's8';
      return { encoding: 'pcm', channelCount, frameCount, sampleRate, bitDepth: sampleBytes * 8, sampleBytes, kind };
    }
    case 'fl32':
    case 'FL32':
      return { encoding: 'float', channelCount, frameCount, sampleRate, bitDepth: 32, sampleBytes: 4, kind: 'f32' };
    case 'fl64':
    case 'FL64':
      return { encoding: 'float', channelCount, frameCount, sampleRate, bitDepth: 64, sampleBytes: 8, kind: 'f64' };
    default: {
      const known = knownCompressions.get(compression);
      const printable = /^[\x20-\x7e]{4}$/.test(compression) ? `'${compression}'` : 'an unknown type';
      throw new GlowroomError(
        'unsupported',
        `${name} uses AIFF-C compression ${printable}${known ? ` (${known})` : ''}, which Glowroom does not read; convert it to PCM WAV or AIFF (16- or 24-bit)`,
      );
    }
  }
}

/** By container bytes: [big-endian, little-endian ('sowt')]. 8-bit AIFF is signed. */
const integerKinds: readonly (readonly [SampleKind, SampleKind])[] = [
  ['s8', 's8'],
  ['s16be', 's16le'],
  ['s24be', 's24le'],
  ['s32be', 's32le'],
];

/**
 * Where the first frame is: SSND starts with an 8-byte header (offset, blockSize) and the audio
 * begins `offset` bytes after it. A COMM frame count beyond the bytes present is a truncated file.
 */
function soundStart(view: DataView, ssnd: Span | undefined, needed: number, bytesPerSecond: number, name: string): number {
  if (!ssnd) throw damaged(name, "it has no sound data ('SSND') chunk");
  if (ssnd.size < 8) throw damaged(name, 'its sound data chunk is too short');
  const offset = view.getUint32(ssnd.start, false);
  const start = ssnd.start + 8 + offset;
  const held = Math.max(0, ssnd.start + ssnd.size - start);
  if (needed > held) {
    throw new GlowroomError(
      'bad-format',
      `truncated AIFF file: ${name} declares ${formatSeconds(needed / bytesPerSecond)} s of audio but holds ${formatSeconds(held / bytesPerSecond)} s`,
    );
  }
  return start;
}

/**
 * The 80-bit IEEE 754 extended float of the COMM sample rate: sign, 15-bit exponent (bias 16383),
 * 64-bit mantissa with an explicit integer bit. Infinities and NaNs come back as such.
 */
function readExtended(view: DataView, at: number): number {
  const signExponent = view.getUint16(at, false);
  const high = view.getUint32(at + 2, false);
  const low = view.getUint32(at + 6, false);
  const sign = signExponent & 0x8000 ? -1 : 1;
  const exponent = signExponent & 0x7fff;
  if (exponent === 0x7fff) return high === 0 && low === 0 ? sign * Infinity : NaN;
  if (exponent === 0 && high === 0 && low === 0) return 0;
  const mantissa = high * 2 ** 32 + low;
  return sign * mantissa * 2 ** (exponent - 16383 - 63);
}

/** How one stored sample is read: AIFF integers are signed at every width. */
type SampleKind = 's8' | 's16be' | 's16le' | 's24be' | 's24le' | 's32be' | 's32le' | 'f32' | 'f64';

/**
 * One channel out of interleaved frames. One tight loop per sample kind, each monomorphic,
 * because this is where decode time goes.
 */
function readChannel(view: DataView, first: number, stride: number, frames: number, kind: SampleKind): Float32Array {
  const out = new Float32Array(frames);
  readChannelInto(view, first, stride, frames, kind, out, 0);
  return out;
}

function readChannelInto(view: DataView, first: number, stride: number, count: number, kind: SampleKind, out: Float32Array, at: number): void {
  let p = first;
  const frames = at + count;
  switch (kind) {
    case 's8':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getInt8(p) * 2 ** -7;
      break;
    case 's16be':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getInt16(p, false) * 2 ** -15;
      break;
    case 's16le':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getInt16(p, true) * 2 ** -15;
      break;
    case 's24be':
      for (let i = at; i < frames; i++, p += stride) {
        out[i] = (view.getInt8(p) * 65536 + view.getUint16(p + 1, false)) * 2 ** -23;
      }
      break;
    case 's24le':
      for (let i = at; i < frames; i++, p += stride) {
        out[i] = (view.getUint16(p, true) + view.getInt8(p + 2) * 65536) * 2 ** -23;
      }
      break;
    case 's32be':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getInt32(p, false) * 2 ** -31;
      break;
    case 's32le':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getInt32(p, true) * 2 ** -31;
      break;
    case 'f32':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getFloat32(p, false);
      break;
    case 'f64':
      for (let i = at; i < frames; i++, p += stride) out[i] = view.getFloat64(p, false);
      break;
  }
}

function damaged(name: string, what: string): GlowroomError {
  return new GlowroomError('bad-format', `${name} is damaged: ${what}`);
}

/** Two significant digits below a second, one decimal above: "0.017", "1.8". */
function formatSeconds(value: number): string {
  return value < 1 ? String(Number(value.toPrecision(2))) : value.toFixed(1);
}

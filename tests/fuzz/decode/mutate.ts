import { fixOggChecksums, readField, writeField, type Container, type Expectation, type Field, type Layout } from './layout';
import type { Random } from './random';

/**
 * The mutations: bit flips, truncation, header field values, unit duplication, huge declared
 * sizes and inserted junk. Each returns the mutated bytes, a line saying what it did (to replay a
 * failure by eye) and what a correct decoder may then return (see `Expectation`).
 */
export interface Mutation {
  readonly bytes: Uint8Array;
  readonly description: string;
  readonly expect: Expectation;
  /** Where this step inserted bytes: from there on, the layout's offsets are the intact fixture's no longer. */
  readonly insertedAt?: number;
}

export interface MutationTarget {
  readonly container: Container;
  readonly bytes: Uint8Array;
  readonly layout: Layout;
  /**
   * The first offset an earlier step moved by inserting bytes (Infinity: none). A step aimed by
   * the layout at or past it lands off target (a "repeated unit" splices bytes into the middle of
   * another, a "field" is written into audio), so in a container without checksums nothing can
   * tell the result from sound: the step then expects 'any'.
   */
  readonly movedFrom?: number;
}

/** `expect`, or 'any' when the step landed off target (`offTarget`) in a container without checksums. */
function aimed(container: Container, expect: Expectation, offTarget: boolean): Expectation {
  return offTarget && !guarded(container) ? 'any' : expect;
}

const strictness: readonly Expectation[] = ['same', 'not-shorter', 'any'];
/** The looser of two expectations: one 'any' mutation frees the whole case. */
export function looser(a: Expectation, b: Expectation): Expectation {
  return strictness.indexOf(a) >= strictness.indexOf(b) ? a : b;
}

/**
 * Containers whose every byte of audio is guarded by a checksum (FLAC frames, Ogg pages), so
 * unguided damage to them must be caught: the decoder returns the fixture's sound or refuses.
 */
const guarded = (container: Container): boolean => container === 'flac' || container === 'ogg';

type Mutator = (target: MutationTarget, random: Random) => Mutation;

const flipBits: Mutator = ({ container, bytes }, random) => {
  const out = bytes.slice();
  const flips = random.between(1, 8);
  const inHeader = random.chance(0.5);
  const positions: number[] = [];
  for (let i = 0; i < flips; i++) {
    const at = inHeader ? random.below(Math.min(out.length, 512)) : random.below(out.length);
    out[at] = (out[at] ?? 0) ^ (1 << random.below(8));
    positions.push(at);
  }
  return { bytes: out, description: `flip ${flips} bits at ${positions.join(', ')}`, expect: guarded(container) ? 'same' : 'any' };
};

const truncate: Mutator = ({ container, bytes }, random) => {
  const where = random.below(3);
  const length = where === 0 ? random.below(bytes.length) : where === 1 ? random.below(Math.min(bytes.length, 256)) : Math.max(0, bytes.length - random.between(1, 2048));
  return { bytes: bytes.slice(0, length), description: `truncate to ${length} of ${bytes.length} bytes`, expect: guarded(container) ? 'same' : 'any' };
};

/** Values that break parsers: zero, one, powers of two and their neighbours, all ones, absurd and plausible-but-wrong values. */
function interestingValue(field: Field, original: number, fileLength: number, random: Random): number {
  const max = 2 ** Math.min(field.width, 53) - 1;
  const common = [0, 1, max, max - 1, 2 ** (Math.min(field.width, 53) - 1), original + 1, original - 1, original * 2, Math.floor(original / 2)];
  const byKind: Record<Field['kind'], readonly number[]> = {
    size: [fileLength, fileLength * 4, fileLength - 1, 0xffffffff, 0x7fffffff, 0xfffffff0, 3],
    count: [0xffffffff, 0x7fffffff, 1000, 65_535, 65_536],
    rate: [1, 7999, 8000, 11_025, 22_050, 48_000, 96_000, 384_000, 384_001, 1_000_000, 0xffffffff, 44_100.5],
    channels: [0, 1, 2, 3, 6, 8, 9, 32, 33, 255, 65_535],
    bits: [0, 1, 4, 7, 8, 12, 16, 17, 20, 24, 31, 32, 33, 48, 64, 255],
    code: [random.below(max + 1), random.below(max + 1), 0xfffe, 3, 2, 0x55],
  };
  return random.pick([...common, ...byKind[field.kind]]);
}

/** Whether `field` lies at or past `movedFrom`, so writing it by the intact layout lands off target. */
const fieldMoved = (field: Field, movedFrom = Infinity): boolean => field.at + Math.ceil((field.bitOffset + field.width) / 8) > movedFrom;

const setField: Mutator = ({ container, bytes, layout, movedFrom }, random) => {
  if (layout.fields.length === 0) return flipBits({ container: 'wav', bytes, layout }, random);
  const field = random.pick(layout.fields);
  const out = bytes.slice();
  const original = readField(bytes, field);
  const value = interestingValue(field, original, bytes.length, random);
  writeField(out, field, value);
  return { bytes: out, description: `set ${field.name} from ${original} to ${value}`, expect: aimed(container, field.expect, fieldMoved(field, movedFrom)) };
};

const hugeSize: Mutator = ({ container, bytes, layout, movedFrom }, random) => {
  const sizes = layout.fields.filter((field) => field.kind === 'size' || field.kind === 'count');
  if (sizes.length === 0) return truncate({ container: 'wav', bytes, layout }, random);
  const field = random.pick(sizes);
  const out = bytes.slice();
  const value = random.pick([2 ** field.width - 1, 2 ** (field.width - 1), bytes.length * 1000, 2 ** Math.min(field.width, 53) - 16]);
  writeField(out, field, value);
  return { bytes: out, description: `declare ${field.name} as ${value}`, expect: aimed(container, field.expect, fieldMoved(field, movedFrom)) };
};

const duplicate: Mutator = ({ container, bytes, layout, movedFrom = Infinity }, random) => {
  if (layout.regions.length === 0) return flipBits({ container: 'wav', bytes, layout }, random);
  const region = random.pick(layout.regions);
  // Offsets are the intact fixture's; an earlier truncation may have cut the unit short.
  const copy = bytes.subarray(Math.min(region.start, bytes.length), Math.min(region.end, bytes.length));
  const at = random.chance(0.7) ? Math.min(region.end, bytes.length) : bytes.length;
  const out = new Uint8Array(bytes.length + copy.length);
  out.set(bytes.subarray(0, at));
  out.set(copy, at);
  out.set(bytes.subarray(at), at + copy.length);
  // Bytes moved before the unit's end: the copy is not the unit, nor `at` where a unit ends.
  return { bytes: out, description: `repeat ${region.name} (${copy.length} bytes) at ${at}`, expect: aimed(container, region.expect, region.end > movedFrom), insertedAt: at };
};

/** Junk, half the time starting like a frame of the container (a sync word) so a decoder may lock onto it. */
const insertJunk: Mutator = ({ container, bytes, layout, movedFrom = Infinity }, random) => {
  const atBoundary = random.chance(0.6) && layout.boundaries.length > 0;
  const at = Math.min(bytes.length, atBoundary ? random.pick(layout.boundaries) : random.below(bytes.length + 1));
  const junk = random.bytes(random.between(1, 4096));
  const syncFirst = random.chance(0.5) && junk.length >= 4;
  if (syncFirst) {
    junk.set(container === 'flac' ? [0xff, 0xf8, random.below(256), random.below(256)] : [0xff, random.pick([0xfb, 0xf3, 0xe3, 0xfd]), random.below(256), random.below(256)]);
  }
  const out = new Uint8Array(bytes.length + junk.length);
  out.set(bytes.subarray(0, at));
  out.set(junk, at);
  out.set(bytes.subarray(at), at + junk.length);
  // Between MP3 frames junk replaces nothing: skipping it restores the exact stream, unless it
  // starts with a frame header where a frame ends, which no decoder can tell from a frame.
  const expect: Expectation = guarded(container) || (container === 'mp3' && atBoundary && at <= movedFrom && !syncFirst) ? 'same' : 'any';
  return { bytes: out, description: `insert ${junk.length} junk bytes at ${at}${atBoundary ? ' (between units)' : ''}`, expect, insertedAt: at };
};

const mutators: readonly (readonly [Mutator, number])[] = [
  [flipBits, 30],
  [truncate, 12],
  [setField, 30],
  [hugeSize, 8],
  [duplicate, 10],
  [insertJunk, 10],
];
const totalWeight = mutators.reduce((sum, [, weight]) => sum + weight, 0);

function pickMutator(random: Random): Mutator {
  let roll = random.below(totalWeight);
  for (const [mutator, weight] of mutators) {
    if (roll < weight) return mutator;
    roll -= weight;
  }
  return flipBits;
}

/**
 * One to three mutations in a row, each applied to the previous result (offsets are those of the
 * intact fixture, so later ones may land off target, which is fine for a fuzzer as long as their
 * expectation says so: see `MutationTarget.movedFrom`). Ogg pages get their checksums recomputed
 * two times in three, so the damage reaches the Vorbis decoder.
 */
export function mutate(target: MutationTarget, random: Random): Mutation {
  const count = random.chance(0.7) ? 1 : random.chance(0.67) ? 2 : 3;
  let bytes = target.bytes;
  let expect: Expectation = 'same';
  let movedFrom = Infinity;
  const steps: string[] = [];
  for (let i = 0; i < count; i++) {
    const step = pickMutator(random)({ ...target, bytes, movedFrom }, random);
    movedFrom = Math.min(movedFrom, step.insertedAt ?? Infinity);
    bytes = step.bytes;
    expect = looser(expect, step.expect);
    steps.push(step.description);
  }
  if (target.container === 'ogg' && random.chance(0.67)) {
    fixOggChecksums(bytes);
    steps.push('fix page checksums');
    if (!steps.every((step) => step.startsWith('repeat') || step.startsWith('fix'))) expect = 'any';
  }
  return { bytes, description: steps.join('; '), expect };
}

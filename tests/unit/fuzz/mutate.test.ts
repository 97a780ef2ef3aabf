/**
 * The decoder fuzzer's oracle (tests/fuzz/decode/mutate.ts): a mutation aimed by the intact
 * fixture's layout keeps its expectation only while it hits what it aims at. Once an earlier step
 * inserted bytes before its target, a repeated unit is spliced into the middle of another (case
 * 18070 of seed 1378379573 put a copy of the 'fmt ' chunk into the last 24 bytes of a WAV's audio),
 * which nothing in PCM can tell from sound: the case may then decode to anything ('any'), and only
 * checksummed containers (FLAC, Ogg) still owe the fixture's sound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixture } from '../../fuzz/decode/campaign';
import { mutate, type Mutation } from '../../fuzz/decode/mutate';
import { Random, caseSeed } from '../../fuzz/decode/random';

const seed = 1_378_379_573;
let fixtures: Fixture[];

beforeAll(async () => {
  fixtures = await loadFixtures();
}, 60_000);

/** Case `index` of `seed`, as the campaign makes it. */
function mutant(index: number): Mutation & { container: Fixture['container'] } {
  const fixture = fixtures[index % fixtures.length] as Fixture;
  return { ...mutate(fixture, new Random(caseSeed(seed, index))), container: fixture.container };
}

/** The first cases of `seed` (from 0) whose mutant passes `test`. */
function casesWhere(test: (mutation: ReturnType<typeof mutant>) => boolean, wanted: number): ReturnType<typeof mutant>[] {
  const found: ReturnType<typeof mutant>[] = [];
  for (let index = 0; found.length < wanted && index < 20_000; index++) {
    const mutation = mutant(index);
    if (test(mutation)) found.push(mutation);
  }
  return found;
}

describe('the decoder fuzzer oracle', () => {
  it('expects anything of a WAV whose repeated chunk landed inside its audio after an earlier insertion (case 18070)', () => {
    const spliced = mutant(18_070);
    expect(spliced.description).toBe("repeat 'fmt ' chunk (24 bytes) at 36; repeat 'data' chunk (18260 bytes) at 18296");
    expect(spliced.container).toBe('wav');
    expect(spliced.expect).toBe('any');
  });

  it('still expects the fixture\'s sound of a chunk repeated whole at a chunk boundary', () => {
    const whole = casesWhere((m) => m.container === 'wav' && /^repeat '(fmt |data)' chunk \(\d+ bytes\) at \d+$/.test(m.description), 3);
    expect(whole).toHaveLength(3);
    for (const mutation of whole) expect(mutation.expect).toBe('same');
  });

  it('still expects the fixture\'s sound of checksummed containers whatever lands off target', () => {
    const offTarget = casesWhere((m) => m.container === 'flac' && /^repeat .*; (repeat|set|declare) /.test(m.description), 3);
    expect(offTarget).toHaveLength(3);
    for (const mutation of offTarget) expect(mutation.expect).toBe('same');
  });
});

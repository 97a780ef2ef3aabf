import { describe, expect, it } from 'vitest';
import { formatTally, runCampaign } from '../fuzz/decode/campaign';
import { caseTimeLimitMs } from '../fuzz/decode/judge';

/**
 * The bounded decoder fuzz run (2,000 seeded mutants of the pack's WAV 8/16/24/32f, AIFF, FLAC,
 * MP3 and Ogg Vorbis files; about 15 s here). Every case must be refused with a clear decode
 * error or decoded to a sound that keeps the judge's invariants (tests/fuzz/decode/judge.ts),
 * within 2 s. `npm run fuzz -- --minutes N` runs the same cases for longer with new seeds.
 */
const seed = 20_260_414;
const cases = 2000;
/** Whole-process RSS ceiling for the run: fixtures, references and one mutant's PCM at a time. */
const maxRssBytes = 1024 ** 3;

describe('decoders under 2,000 seeded mutants', () => {
  it('refuse clearly or decode right, never crash, hang or return a wrong sound', { timeout: 180_000 }, async () => {
    const result = await runCampaign({ seed, cases });
    const failures = result.failures.map((failure) => `#${failure.index} ${failure.file}: ${failure.mutation} → ${failure.verdict.outcome}: ${failure.verdict.reason}`);
    expect(failures, formatTally(result.tally)).toEqual([]);
    expect(result.tally.tried).toBe(cases);
    // The mutants exercise both sides: many are refused, many still decode (some with a note).
    expect(result.tally.refused).toBeGreaterThan(cases / 4);
    expect(result.tally.correct).toBeGreaterThan(cases / 4);
    expect(result.tally.noted).toBeGreaterThan(0);
    expect(result.slowestMs).toBeLessThan(caseTimeLimitMs);
    expect(result.peakRssBytes).toBeLessThan(maxRssBytes);
  });
});

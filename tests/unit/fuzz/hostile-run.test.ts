import { describe, expect, it } from 'vitest';
import { hostileRun } from '../../fuzz/outcomes';

const fixed = { seed: 0x5eed_0014, mutants: 300, timeoutMs: 90_000 };

describe('hostileRun', () => {
  it('is the fixed run without FUZZ_SEED and FUZZ_MUTANTS', () => {
    expect(hostileRun(fixed, {})).toEqual(fixed);
  });

  it('takes another seed and more mutants for a long run, with a timeout that grows with them', () => {
    expect(hostileRun(fixed, { FUZZ_SEED: '12345', FUZZ_MUTANTS: '3000' })).toEqual({ seed: 12_345, mutants: 3000, timeoutMs: 900_000 });
    expect(hostileRun(fixed, { FUZZ_MUTANTS: '10' })).toEqual({ ...fixed, mutants: 10 });
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => hostileRun(fixed, { FUZZ_SEED: 'abc' })).toThrow('FUZZ_SEED must be a whole number ≥ 0, not abc');
  });
});

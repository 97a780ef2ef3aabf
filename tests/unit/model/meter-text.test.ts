import { describe, expect, it } from 'vitest';
import { readTimeSignature } from '../../../src/model/meter-text';

describe('a typed time signature', () => {
  it('reads n/d with any spaces', () => {
    expect(readTimeSignature('6/8')).toEqual({ timeSignature: [6, 8] });
    expect(readTimeSignature(' 7 / 8 ')).toEqual({ timeSignature: [7, 8] });
    expect(readTimeSignature('32/32')).toEqual({ timeSignature: [32, 32] });
    expect(readTimeSignature('1/1')).toEqual({ timeSignature: [1, 1] });
  });

  it('refuses what the format cannot hold, saying what is allowed', () => {
    expect(readTimeSignature('')).toEqual({ problem: 'Type a time signature as two numbers with a slash, such as 6/8.' });
    expect(readTimeSignature('6')).toEqual({ problem: 'Type a time signature as two numbers with a slash, such as 6/8.' });
    expect(readTimeSignature('0/4')).toEqual({ problem: 'The top number must be a whole number from 1 to 32.' });
    expect(readTimeSignature('33/4')).toEqual({ problem: 'The top number must be a whole number from 1 to 32.' });
    expect(readTimeSignature('2.5/4')).toEqual({ problem: 'The top number must be a whole number from 1 to 32.' });
    expect(readTimeSignature('5/3')).toEqual({ problem: 'The bottom number must be 1, 2, 4, 8, 16 or 32.' });
    expect(readTimeSignature('5/64')).toEqual({ problem: 'The bottom number must be 1, 2, 4, 8, 16 or 32.' });
  });
});

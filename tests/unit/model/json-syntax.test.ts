import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from '../../../src/model/json-syntax';
import { exampleText } from './fixtures';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('accepts well-formed JSON of every kind', () => {
    for (const text of [exampleText, '0', '-0.5e+10', '"\\u00e9\\n\\"\\\\\\/"', 'true', ' null ', '[]', '{}', '[[], {}, [1, [2, [3]]]]', '{"a":{"b":[1E3,-2e-2,"x"]}}', '"🎧 é"']) {
      expect(findJsonSyntaxError(text), text).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on thousands of mutated texts', () => {
    const next = random(1234);
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\t', '0', '1', '9', '-', '+', '.', 'e', 'E', 'u', 'a', 'f', 't', 'n', 'x', '\u0001', '\u00e9', "'", '/'];
    const pick = (): string => alphabet[Math.floor(next() * alphabet.length)] ?? ' ';
    const bases = [exampleText, '{"a":[1,-2.5e3,"x\\u0041"],"b":{"c":true,"d":null}}', '[0,{"k":"v"},[],{}]'];
    let agreed = 0;
    for (let round = 0; round < 4000; round++) {
      let text = bases[round % bases.length] ?? '';
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (text.length + 1));
        const kind = next();
        if (kind < 0.34) text = text.slice(0, at) + text.slice(at + 1);
        else if (kind < 0.67) text = text.slice(0, at) + pick() + text.slice(at);
        else text = text.slice(0, at) + pick() + text.slice(at + 1);
      }
      const error = findJsonSyntaxError(text);
      expect(error === undefined, JSON.stringify(text)).toBe(parses(text));
      if (error) expect(error.index).toBeLessThanOrEqual(text.length);
      agreed++;
    }
    expect(agreed).toBe(4000);
  });

  it('reports every proper prefix of a document as truncated, at its end', () => {
    const text = '{"a":[1,-2.5e3,"x\\u0041",true,null],"b":{"c":false}}';
    for (let cut = 1; cut < text.length; cut++) {
      const error = findJsonSyntaxError(text.slice(0, cut));
      expect(error, text.slice(0, cut)).toMatchObject({ index: cut, truncated: true });
    }
  });

  it('points at the offending character', () => {
    expect(findJsonSyntaxError('[1, 2 3]')).toEqual({ index: 6, problem: 'expected "," or "]" after an array item, found "3"', truncated: false });
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({ index: 5, problem: 'expected ":" after the property name, found "1"', truncated: false });
    expect(findJsonSyntaxError('[1,]')).toMatchObject({ index: 3, truncated: false });
    expect(findJsonSyntaxError('"\\u12G4"')).toMatchObject({ index: 5, problem: '"\\u" must be followed by four hex digits, found "G4"' });
    expect(findJsonSyntaxError('-x')).toMatchObject({ index: 1, problem: 'expected a digit after "-", found "x"' });
    expect(findJsonSyntaxError('1.e3')).toMatchObject({ index: 2, problem: 'expected a digit after the decimal point, found "e3"' });
    expect(findJsonSyntaxError('"a\u0007"')).toMatchObject({ index: 2, problem: expect.stringContaining('the control character U+0007 inside a string') });
  });

  it('does not overflow on deep nesting', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toMatchObject({ index: 200_000, truncated: true });
    expect(findJsonSyntaxError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined();
  });
});

describe('lineAndColumn', () => {
  it('counts LF, CRLF and CR line ends, and columns in characters', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('abc', 3)).toEqual({ line: 1, column: 4 });
    expect(lineAndColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('a\rb\rc', 4)).toEqual({ line: 3, column: 1 });
    expect(lineAndColumn('🎧🎧x', 4)).toEqual({ line: 1, column: 3 });
  });
});

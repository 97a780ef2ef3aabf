import { describe, expect, it } from 'vitest';
import { compatibleTitle, readKeyFilter, readTempoFilter } from '../../../renderer/ui/library/filter-fields';

describe('the tempo filter field', () => {
  it('reads a tempo, a range either way round, and an open range', () => {
    expect(readTempoFilter('')).toEqual({ kind: 'none' });
    expect(readTempoFilter(' 120 ')).toEqual({ kind: 'range', min: 120, max: 120, note: null });
    expect(readTempoFilter('100-90')).toEqual({ kind: 'range', min: 90, max: 100, note: null });
    expect(readTempoFilter('97.5–100')).toEqual({ kind: 'range', min: 97.5, max: 100, note: null });
    expect(readTempoFilter('90-')).toEqual({ kind: 'range', min: 90, max: undefined, note: null });
  });

  it('clamps to the searchable tempos and says so', () => {
    expect(readTempoFilter('99999')).toEqual({ kind: 'range', min: 999, max: 999, note: { text: 'Tempos go from 1 to 999 BPM: searching 99999 → 999.', warn: true } });
    expect(readTempoFilter('0-1200')).toMatchObject({ min: 1, max: 999, note: { text: 'Tempos go from 1 to 999 BPM: searching 0 → 1, 1200 → 999.' } });
  });

  it('turns the filter off for what is not a tempo, and says how to write one', () => {
    expect(readTempoFilter('fast')).toEqual({ kind: 'invalid', note: { text: expect.stringMatching(/^Type a tempo like 120/), warn: true } });
  });
});

describe('the key filter field', () => {
  it('names every key it finds: the relative always, the Camelot neighbours with Compatible', () => {
    expect(readKeyFilter('E♭', false)).toEqual({ kind: 'key', key: 'Eb major', note: { text: 'Finds E♭ major and its relative C minor (the same notes).', warn: false } });
    expect(readKeyFilter('cm', true)).toMatchObject({
      key: 'C minor',
      note: { text: 'Finds C minor and its relative E♭ major (the same notes), plus G minor, B♭ major, F minor and A♭ major.' },
    });
    expect(readKeyFilter('C mi', false)).toMatchObject({ kind: 'invalid', note: { warn: true } });
    expect(readKeyFilter(' ', false)).toEqual({ kind: 'none' });
  });

  it('titles the Compatible chip with what it adds', () => {
    expect(compatibleTitle('Am')).toBe(
      'Also finds E minor, G major, D minor and F major: the keys a fifth up and a fifth down, each with its relative (the Camelot neighbours; each differs by one note).',
    );
    expect(compatibleTitle('')).toMatch(/^Also finds the keys a fifth up and a fifth down/);
  });
});

import { describe, expect, it } from 'vitest';
import { setSongSwing } from '../../../../src/model/beats/song-swing';
import { createEmptyProject } from '../../../../src/model/new-project';

describe("the song's swing", () => {
  it('is set within 50–75 %, and an unchanged or non-finite value changes nothing', () => {
    const p = createEmptyProject('Swing');
    expect(setSongSwing(p, 62).swing).toBe(62);
    expect(setSongSwing(p, 90).swing).toBe(75);
    expect(setSongSwing(p, 10).swing).toBe(50);
    expect(setSongSwing(p, 50)).toBe(p);
    expect(setSongSwing(p, Number.NaN)).toBe(p);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/devices/catalog';
import { parseProjectWithNotes } from '../../../src/model/parse-project';
import { GlowroomError } from '../../../src/std/errors';
import { exampleDoc, exampleFile } from './fixtures';

/** The example project with `inserts` on its track and `masterInserts` on the master, as file text. */
function withInserts(inserts: unknown[], masterInserts: unknown[] = []): string {
  const doc = exampleDoc() as unknown as { tracks: { channel: { inserts: unknown[] } }[]; master: { inserts: unknown[] } };
  (doc.tracks[0] as { channel: { inserts: unknown[] } }).channel.inserts = inserts;
  doc.master.inserts = masterInserts;
  return JSON.stringify(doc);
}

describe('device parameters out of range in a file', () => {
  it('are clamped to the nearest value they can hold, and each is reported once, naming the channel, device and control', () => {
    const eq = { id: 'd1', type: 'eq', bypass: false, params: { ...defaultParams('eq'), p2GainDb: 40, hpSlope: 7 } };
    const limiter = { id: 'd2', type: 'limiter', bypass: false, params: { ceilingDb: 3, releaseMs: 50 } };
    const { project, notes } = parseProjectWithNotes(withInserts([eq], [limiter]), exampleFile);
    expect(project.tracks[0]?.channel.inserts[0]?.params).toMatchObject({ p2GainDb: 24, hpSlope: 2 });
    expect(project.master.inserts[0]?.params['ceilingDb']).toBe(0);
    expect(notes).toEqual([
      'Track "Drums": EQ High-pass slope was 7, which it cannot be; it is now 48 dB/oct.',
      'Track "Drums": EQ Band 2 gain was +40.0 dB, which it cannot be; it is now +24.0 dB.',
      'Master: Limiter Ceiling was +3.0 dB, which it cannot be; it is now 0.0 dB.',
    ]);
  });

  it('rounds a switch that is not 0 or 1 and says what the file held', () => {
    const utility = { id: 'd1', type: 'utility', bypass: false, params: { ...defaultParams('utility'), mono: 0.7 } };
    const { project, notes } = parseProjectWithNotes(withInserts([utility]), exampleFile);
    expect(project.tracks[0]?.channel.inserts[0]?.params['mono']).toBe(1);
    expect(notes).toEqual(['Track "Drums": Utility Mono was 0.7, which it cannot be; it is now On.']);
  });

  it('leave a file in range untouched, with no notes', () => {
    expect(parseProjectWithNotes(withInserts([{ id: 'd1', type: 'eq', bypass: false, params: defaultParams('eq') }]), exampleFile).notes).toEqual([]);
  });

  it('never mend what is not a number: that file is still refused', () => {
    const broken = { id: 'd1', type: 'limiter', bypass: false, params: { ceilingDb: 'loud', releaseMs: 50 } };
    expect(() => parseProjectWithNotes(withInserts([broken]), exampleFile)).toThrow(GlowroomError);
  });
});

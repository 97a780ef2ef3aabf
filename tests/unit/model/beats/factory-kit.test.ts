import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factoryKit } from '../../../../src/model/beats/factory-kit';

const pack = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/sample-pack');

describe('the factory kit', () => {
  it('fills all sixteen pads from files that are in the CC0 pack', () => {
    expect(factoryKit).toHaveLength(16);
    for (const pad of factoryKit) expect(existsSync(path.join(pack, pad.file)), pad.file).toBe(true);
  });

  it('follows General MIDI where it can: a kick on pad 0 (36), snare 38, hats 42 and 46 choking each other', () => {
    expect(factoryKit[0]!.name).toBe('Kick');
    expect(factoryKit[2]!.name).toBe('Snare');
    expect(factoryKit[6]!.name).toBe('Closed Hat');
    expect(factoryKit[10]!.name).toBe('Open Hat');
    expect(factoryKit[6]!.params.choke).toBe(factoryKit[10]!.params.choke);
    expect(factoryKit[0]!.params.choke ?? 0).toBe(0);
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { defaultParams } from '../../../src/devices/catalog';
import type { Preset } from '../../../src/model/preset-file';
import type { PresetList } from '../../../src/protocol/ipc';

type PresetListing = z.infer<typeof PresetList>;
import { tempDir } from '../../support/temp-dir';

const hall: Preset = { format: 'glowroom-preset', version: 1, name: 'My hall', kind: 'device', devices: [{ type: 'reverb', bypass: false, params: { ...defaultParams('reverb'), decayS: 4.5 } }] };
const chain: Preset = {
  format: 'glowroom-preset',
  version: 1,
  name: 'Vocal chain',
  kind: 'chain',
  devices: [
    { type: 'eq', bypass: false, params: { hpOn: 1, hpHz: 90 } },
    { type: 'compressor', bypass: true, params: { ratio: 3 } },
  ],
};

describe('user presets through the ipc contract', () => {
  it('saves a device preset and a chain preset in the data folder, lists and loads them', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { home, libraryPath: ':memory:' });
    const saved = await dispatcher.call('presets.save', { preset: hall });
    expect(saved).toEqual({ ok: true, value: { file: 'reverb - My hall.glowroom-preset' } });
    await dispatcher.call('presets.save', { preset: chain });
    expect(await dispatcher.call('presets.list', {})).toEqual({
      ok: true,
      value: {
        presets: [
          { file: 'chain - Vocal chain.glowroom-preset', name: 'Vocal chain', kind: 'chain', deviceType: null },
          { file: 'reverb - My hall.glowroom-preset', name: 'My hall', kind: 'device', deviceType: 'reverb' },
        ],
        unreadable: [],
      },
    });
    expect(await dispatcher.call('presets.load', { file: 'reverb - My hall.glowroom-preset' })).toEqual({ ok: true, value: hall });
    expect(await dispatcher.call('presets.load', { file: 'chain - Vocal chain.glowroom-preset' })).toEqual({ ok: true, value: chain });
  });

  it('refuses a damaged preset, one from a newer Glowroom and one with a value out of range, saying why', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { home, libraryPath: ':memory:' });
    await dispatcher.call('presets.save', { preset: hall });
    const folder = path.join(home, 'presets');
    writeFileSync(path.join(folder, 'torn.glowroom-preset'), '{"format": "glowroom-preset", "version": 1, "name": "To');
    writeFileSync(path.join(folder, 'future.glowroom-preset'), JSON.stringify({ ...hall, version: 7, name: 'Future' }));
    writeFileSync(path.join(folder, 'loud.glowroom-preset'), JSON.stringify({ ...hall, devices: [{ type: 'reverb', bypass: false, params: { mix: 400 } }] }));
    expect(await dispatcher.call('presets.load', { file: 'torn.glowroom-preset' })).toMatchObject({ ok: false, error: { code: 'bad-format', message: expect.stringMatching(/damaged .*not valid JSON.*nothing was changed/) } });
    expect(await dispatcher.call('presets.load', { file: 'future.glowroom-preset' })).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/newer Glowroom \(preset version 7\); update Glowroom/) } });
    expect(await dispatcher.call('presets.load', { file: 'loud.glowroom-preset' })).toMatchObject({ ok: false, error: { code: 'bad-format', message: expect.stringMatching(/params\.mix: must be between 0 and 100 % \(got 400\)/) } });
    expect(await dispatcher.call('presets.load', { file: '../settings.json' })).toMatchObject({ ok: false });
    const list = (await dispatcher.call('presets.list', {})) as { ok: true; value: PresetListing };
    expect(list.value.presets.map((preset) => preset.name)).toEqual(['My hall']);
    expect(list.value.unreadable.map((entry) => entry.file)).toEqual(['future.glowroom-preset', 'loud.glowroom-preset', 'torn.glowroom-preset']);
  });
});

import { useEffect, useState } from 'react';
import { deviceCatalog } from '../../../src/devices/catalog';
import { factoryPresets } from '../../../src/devices/factory-presets';
import { replaceInsertChain, setDeviceParams } from '../../../src/model/edits/insert-edits';
import { loadPresetLabel } from '../../../src/model/edits/labels';
import { currentPresetVersion, type Preset } from '../../../src/model/preset-file';
import type { Device } from '../../../src/model/project-schema';
import type { z } from 'zod';
import type { PresetList } from '../../../src/protocol/ipc';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';
import { InlineNameInput } from '../InlineNameInput';

type Listing = z.infer<typeof PresetList>['presets'][number];

/** The presets this menu saves and loads: one device, or the channel's chain (kits belong to the drum machine). */
type DevicePresetKind = Exclude<Preset['kind'], 'kit'>;

/**
 * The editor's presets: the device's factory presets and the user's own (saved in the data
 * folder), loaded as one undo step; "Save preset" keeps the device's settings, "Save chain" and
 * "Load chain" the whole insert chain of its channel. A preset file that is damaged or from a
 * newer Glowroom is refused with the reason in the status bar, and nothing changes.
 */
export function PresetMenu({ device, ownerId, chain }: { device: Device; ownerId: string; chain: readonly Device[] }) {
  const edit = useProject((s) => s.edit);
  const [mine, setMine] = useState<readonly Listing[]>([]);
  const [naming, setNaming] = useState<DevicePresetKind | null>(null);
  const refresh = () => {
    runtime()
      .bridge.call('presets.list', {})
      .then((list) => setMine(list.presets), reportError);
  };
  useEffect(refresh, []);
  const name = deviceCatalog[device.type].name;
  const factory = factoryPresets[device.type] as readonly { name: string; params: Readonly<Record<string, number>> }[];
  const own = mine.filter((listing) => listing.kind === 'device' && listing.deviceType === device.type);
  const chains = mine.filter((listing) => listing.kind === 'chain');
  const loadFile = async (file: string) => {
    try {
      const preset = await runtime().bridge.call('presets.load', { file });
      if (preset.kind === 'chain') edit(loadPresetLabel(preset.name), (p) => replaceInsertChain(p, ownerId, preset.devices));
      const first = preset.kind === 'device' ? preset.devices[0] : undefined;
      if (first?.type === device.type) edit(loadPresetLabel(preset.name), (p) => setDeviceParams(p, device.id, first.params));
    } catch (error) {
      reportError(error);
    }
  };
  const save = async (kind: DevicePresetKind, presetName: string) => {
    const devices = (kind === 'device' ? [device] : chain).map(({ type, bypass, params }) => ({ type, bypass: kind === 'device' ? false : bypass, params }));
    try {
      await runtime().bridge.call('presets.save', { preset: { format: 'glowroom-preset', version: currentPresetVersion, name: presetName, kind, devices } });
      useSession.getState().notify('info', `Saved the ${kind === 'device' ? `${name} preset` : 'chain'} “${presetName}”.`);
      refresh();
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <div className="device-presets-group">
      <select
        className="device-presets"
        aria-label={`Presets of ${name}`}
        value=""
        onChange={(event) => {
          const value = event.target.value;
          const preset = factory.find((candidate) => `factory:${candidate.name}` === value);
          if (preset) edit(loadPresetLabel(preset.name), (p) => setDeviceParams(p, device.id, preset.params));
          else if (value.startsWith('file:')) void loadFile(value.slice('file:'.length));
        }}
      >
        <option value="">Presets…</option>
        <optgroup label="Factory">
          {factory.map((preset) => (
            <option key={preset.name} value={`factory:${preset.name}`}>
              {preset.name}
            </option>
          ))}
        </optgroup>
        {own.length > 0 && (
          <optgroup label="Yours">
            {own.map((listing) => (
              <option key={listing.file} value={`file:${listing.file}`}>
                {listing.name}
              </option>
            ))}
          </optgroup>
        )}
        {chains.length > 0 && (
          <optgroup label="Chains (replace this channel’s inserts)">
            {chains.map((listing) => (
              <option key={listing.file} value={`file:${listing.file}`}>
                {listing.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {naming === null ? (
        <>
          <button type="button" onClick={() => setNaming('device')} title={`Save these ${name} settings as a preset`}>
            Save preset
          </button>
          <button type="button" onClick={() => setNaming('chain')} title="Save every insert of this channel as a chain preset">
            Save chain
          </button>
        </>
      ) : (
        <InlineNameInput
          label={naming === 'device' ? `Name of the new ${name} preset` : 'Name of the new chain preset'}
          className="device-preset-name"
          initial=""
          onDone={(presetName) => {
            const kind = naming;
            setNaming(null);
            if (presetName?.trim()) void save(kind, presetName.trim());
          }}
        />
      )}
    </div>
  );
}

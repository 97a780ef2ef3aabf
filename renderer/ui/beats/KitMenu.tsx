import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { PresetList } from '../../../src/protocol/ipc';
import { runtime } from '../../state/runtime';
import { reportError } from '../../state/session-store';
import { InlineNameInput } from '../InlineNameInput';
import { loadKitPreset, saveKitPreset } from './pad-files';

type Listing = z.infer<typeof PresetList>['presets'][number];

/** The user's kits: a list to load one (one undo step) and "Save kit", which names the drum track's kit. */
export function KitMenu({ trackId }: { trackId: string }) {
  const [kits, setKits] = useState<readonly Listing[]>([]);
  const [naming, setNaming] = useState(false);
  const refresh = () => {
    runtime()
      .bridge.call('presets.list', {})
      .then((list) => setKits(list.presets.filter((listing) => listing.kind === 'kit')), reportError);
  };
  useEffect(refresh, []);
  return (
    <>
      <select
        aria-label="Load kit"
        value=""
        onChange={(event) => {
          if (event.target.value) void loadKitPreset(trackId, event.target.value);
        }}
      >
        <option value="">{kits.length > 0 ? 'Load kit…' : 'No saved kits'}</option>
        {kits.map((kit) => (
          <option key={kit.file} value={kit.file}>
            {kit.name}
          </option>
        ))}
      </select>
      {naming ? (
        <InlineNameInput
          label="Name of the new kit"
          className="kit-name"
          initial=""
          onDone={(name) => {
            setNaming(false);
            if (name) void saveKitPreset(trackId, name).then((saved) => saved && refresh());
          }}
        />
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          Save kit…
        </button>
      )}
    </>
  );
}

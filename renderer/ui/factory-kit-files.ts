/**
 * The factory kit's samples, from the bundled content (`AppInfo.factoryDir`): for the Pads tab's
 * Factory kit button and for a new drum machine, which comes with the kit loaded (empty pads would
 * make a new user's first steps silent). The pads take the files by path at once; the engine sync
 * decodes them into the sample pool as for any source, so adding a drum machine never waits on
 * sixteen decodes. And `loadedSample`, which decodes one file first (a sample dropped or chosen).
 */
import { factoryKit } from '../../src/model/beats/factory-kit';
import type { KitPadSetting, PadFile } from '../../src/model/beats/pad-edits';
import { runtime } from '../state/runtime';
import type { SampleInfo } from '../state/samples-store';
import { useSession } from '../state/session-store';

/** A file decoded into the sample pool, with what its pad or source records. */
export async function loadedSample(path: string): Promise<PadFile & { readonly info: SampleInfo }> {
  const info = await runtime().samples.ensure(path);
  return { path: info.path, sha256: info.sha256, info };
}

/** The sixteen pads of the factory kit; throws when this installation has no bundled content. */
export function factoryKitPads(): KitPadSetting[] {
  const folder = useSession.getState().info?.factoryDir ?? null;
  if (!folder) throw new Error('The factory kit’s samples are missing from this installation of Glowroom; reinstall it, or drop your own samples on the pads.');
  return factoryKit.map((pad) => ({ name: pad.name, file: { path: `${folder}/${pad.file}` }, params: pad.params }));
}

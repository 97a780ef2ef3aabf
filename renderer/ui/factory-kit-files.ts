/**
 * The factory kit's samples, from the bundled content (`AppInfo.factoryDir`), decoded into the
 * sample pool so the pads play at once: for the Pads tab's Factory kit button and for a new drum
 * machine, which comes with the kit loaded (empty pads would make a new user's first steps silent).
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

/** The sixteen pads of the factory kit with their samples loaded; throws when the bundled content is missing or a file cannot be read. */
export async function factoryKitPads(): Promise<KitPadSetting[]> {
  const folder = useSession.getState().info?.factoryDir ?? null;
  if (!folder) throw new Error('The factory kit’s samples are missing from this installation of Glowroom; reinstall it, or drop your own samples on the pads.');
  const files = await Promise.all(factoryKit.map((pad) => loadedSample(`${folder}/${pad.file}`)));
  return factoryKit.map((pad, i) => ({ name: pad.name, file: files[i] ?? null, params: pad.params }));
}

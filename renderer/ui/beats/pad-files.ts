/**
 * Getting sounds onto pads: a sample from the library, the operating system or the file picker
 * goes onto one pad; a drum loop is chopped onto all of them; the factory kit comes from the
 * bundled CC0 content; kits are saved and loaded as user presets. Each file is decoded into the sample pool first (so it plays at once and the source
 * records its hash), then the document changes in one undo step.
 */
import { filenameTempo } from '../../../src/analysis/filename-tempo';
import { onsetsFromPeaks } from '../../../src/analysis/onsets';
import { factoryKitName } from '../../../src/model/beats/factory-kit';
import { gridCuts, loopTempo } from '../../../src/model/beats/loop-to-pads';
import { kitPresetOf, kitSettingsOf } from '../../../src/model/beats/kit-preset';
import { chopLoopOntoPads, loadKit, sampleName, setPadSample, type PadFile } from '../../../src/model/beats/pad-edits';
import { useProject } from '../../state/project-store';
import { factoryKitPads, loadedSample } from '../factory-kit-files';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';


export async function putSampleOnPad(trackId: string, pad: number, path: string): Promise<void> {
  try {
    const file = await loadedSample(path);
    useProject.getState().edit(`Load ${file.info.name} on Pad ${pad + 1}`, (p) => setPadSample(p, trackId, pad, file));
  } catch (error) {
    reportError(error);
  }
}

/** How a loop is cut: at its transients, or every 1/8 or 1/16 of its tempo. */
export type ChopMode = 'transients' | '1/8' | '1/16';

export async function chopLoopOnPads(trackId: string, patternId: string, path: string, mode: ChopMode): Promise<void> {
  try {
    const file = await loadedSample(path);
    const duration = file.info.frames / file.info.sampleRate;
    const loopBpm = loopTempo(filenameTempo(file.info.name), duration, useProject.getState().project.tempo);
    const cuts = mode === 'transients' ? onsetsFromPeaks(file.info.peaks, duration) : gridCuts(duration, loopBpm, mode === '1/8' ? 0.5 : 0.25);
    useProject.getState().edit(`Chop ${file.info.name} onto Pads`, (p) => chopLoopOntoPads(p, trackId, patternId, { ...file, durationSeconds: duration, loopBpm, cuts }));
    useSession.getState().notify('info', `Chopped ${sampleName(path)} at ${Math.round(loopBpm * 10) / 10} BPM onto the pads; the pattern replays it.`);
  } catch (error) {
    reportError(error);
  }
}

/** Loads the factory kit from the bundled CC0 content. */
export function loadFactoryKit(trackId: string): void {
  try {
    const pads = factoryKitPads();
    useProject.getState().edit(`Load ${factoryKitName}`, (p) => loadKit(p, trackId, pads));
  } catch (error) {
    reportError(error);
  }
}

/** Saves the drum track's kit as a user preset (`presets/` in the data folder). */
export async function saveKitPreset(trackId: string, name: string): Promise<boolean> {
  const preset = kitPresetOf(useProject.getState().project, trackId, name);
  if (!preset) return false;
  try {
    await runtime().bridge.call('presets.save', { preset });
    useSession.getState().notify('info', `Saved the kit “${name}”.`);
    return true;
  } catch (error) {
    reportError(error);
    return false;
  }
}

/**
 * Loads a kit preset onto the drum track, one undo step. Samples that cannot be found or read
 * leave their pads empty, and the status line lists them.
 */
export async function loadKitPreset(trackId: string, file: string): Promise<void> {
  try {
    const preset = await runtime().bridge.call('presets.load', { file });
    if (preset.kind !== 'kit') return;
    const files = new Map<string, PadFile>();
    const missing: string[] = [];
    for (const path of new Set(preset.pads.flatMap((pad) => (pad.file ? [pad.file] : [])))) {
      try {
        files.set(path, await loadedSample(path));
      } catch {
        missing.push(path);
      }
    }
    useProject.getState().edit(`Load Kit “${preset.name}”`, (p) => loadKit(p, trackId, kitSettingsOf(preset, files)));
    if (missing.length > 0) useSession.getState().notify('error', `Loaded the kit “${preset.name}”; ${missing.length} of its samples could not be read, so their pads are empty. Drop samples on them or choose new ones.`, missing);
  } catch (error) {
    reportError(error);
  }
}

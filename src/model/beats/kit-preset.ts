/**
 * A drum machine's kit as a preset file and back: each pad's name, settings and sample (by its
 * absolute path, so a kit saved in one song loads in another).
 */
import { drumPadParams } from '../../devices/instruments/catalog';
import { paramDefaults } from '../../devices/param-spec';
import { currentPresetVersion, type KitPreset } from '../preset-file';
import type { Project } from '../project-schema';
import type { KitPadSetting, PadFile } from './pad-edits';

/** The kit of the drum track `trackId` as a preset named `name`, or null when the track has no drum machine. */
export function kitPresetOf(project: Project, trackId: string, name: string): KitPreset | null {
  const instrument = project.tracks.find((track) => track.id === trackId)?.instrument;
  if (instrument?.type !== 'drums') return null;
  return {
    format: 'glowroom-preset',
    version: currentPresetVersion,
    name,
    kind: 'kit',
    pads: instrument.pads.map((pad) => ({
      name: pad.name,
      file: pad.source ? (project.sources[pad.source]?.path ?? null) : null,
      params: { ...paramDefaults(drumPadParams), ...pad.params },
    })),
  };
}

/**
 * What `loadKit` gives each pad from a kit preset; `files` maps a sample path to the file as it
 * was found (with its hash). A sample not found leaves its pad empty, with its name and settings.
 */
export function kitSettingsOf(preset: KitPreset, files: ReadonlyMap<string, PadFile>): KitPadSetting[] {
  return preset.pads.map((pad) => ({ name: pad.name, file: pad.file ? (files.get(pad.file) ?? null) : null, params: pad.params }));
}

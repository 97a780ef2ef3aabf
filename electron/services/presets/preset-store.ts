/**
 * The user's presets: one `*.glowroom-preset` file each in the data folder's `presets/`, written
 * atomically. Listing skips (and names) files it cannot read; loading refuses a damaged file or one
 * from a newer Glowroom with the reason, and the open project is left as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePreset, presetExtension, serializePreset, type Preset } from '../../../src/model/preset-file';
import { GlowroomError } from '../../../src/std/errors';
import { writeFileAtomic } from '../atomic-write';

export interface PresetListing {
  /** The file name inside the presets folder: what `load` takes. */
  readonly file: string;
  readonly name: string;
  readonly kind: Preset['kind'];
  /** The device type of a device preset; null for a chain or a kit. */
  readonly deviceType: string | null;
}

export class PresetStore {
  constructor(private readonly folder: string) {}

  async list(): Promise<{ presets: PresetListing[]; unreadable: { file: string; reason: string }[] }> {
    let names: string[];
    try {
      names = (await fs.readdir(this.folder)).filter((name) => name.endsWith(presetExtension)).sort();
    } catch {
      return { presets: [], unreadable: [] };
    }
    const presets: PresetListing[] = [];
    const unreadable: { file: string; reason: string }[] = [];
    for (const file of names) {
      try {
        const preset = parsePreset(await fs.readFile(path.join(this.folder, file), 'utf8'), file);
        presets.push({ file, name: preset.name, kind: preset.kind, deviceType: preset.kind === 'device' ? (preset.devices[0]?.type ?? null) : null });
      } catch (error) {
        unreadable.push({ file, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { presets, unreadable };
  }

  /** Saves `preset` under a file named after it (a preset of the same kind and name is replaced); answers the file name. */
  async save(preset: Preset): Promise<{ file: string }> {
    const stem = `${preset.kind === 'device' ? preset.devices[0]?.type : preset.kind} - ${preset.name}`.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120);
    const file = `${stem}${presetExtension}`;
    await fs.mkdir(this.folder, { recursive: true });
    await writeFileAtomic(path.join(this.folder, file), new TextEncoder().encode(serializePreset(preset)));
    return { file };
  }

  async load(file: string): Promise<Preset> {
    if (path.basename(file) !== file || !file.endsWith(presetExtension)) throw new GlowroomError('bad-format', `${file} is not a preset in the presets folder.`);
    let text: string;
    try {
      text = await fs.readFile(path.join(this.folder, file), 'utf8');
    } catch {
      throw new GlowroomError('not-found', `The preset ${file} is gone from the presets folder; nothing was changed.`);
    }
    return parsePreset(text, file);
  }
}

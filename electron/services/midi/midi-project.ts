import { existsSync } from 'node:fs';
import path from 'node:path';
import { factoryKit } from '../../../src/model/beats/factory-kit';
import { addImportedSong } from '../../../src/model/edits/note-import-edits';
import { idAllocator } from '../../../src/model/edits/ids';
import { createEmptyProject } from '../../../src/model/new-project';
import type { Project, Track } from '../../../src/model/project-schema';
import { midiFileFromWire } from '../../../src/protocol/midi';
import { songFromMidi } from '../../../src/protocol/midi-import';
import type { LoadedProject } from '../render/render-span';
import { readMidi } from './midi-files';

/**
 * A MIDI file as a project to render (`glowroom render song.mid`): its tracks on the default
 * synth, channel 10 on the drum machine with the factory kit from the sample pack at `packDir`
 * (empty pads when there is none), at the file's tempo and meter.
 */
export async function projectFromMidiFile(file: string, packDir: string | null): Promise<LoadedProject> {
  const read = await readMidi(file);
  const { song, notes } = songFromMidi(midiFileFromWire(read.file), read.name);
  const { project } = addImportedSong(createEmptyProject(read.name.replace(/\.midi?$/i, '')), song, 0);
  const kitFolder = packDir !== null && existsSync(packDir) ? packDir : null;
  const kitNotes = kitFolder || !project.tracks.some((t) => t.instrument?.type === 'drums') ? [] : ['The factory drum kit’s sample pack is not here, so the drum tracks are silent.'];
  return { project: kitFolder ? withFactoryKit(project, kitFolder) : project, folder: path.dirname(path.resolve(file)), notes: [...notes, ...kitNotes] };
}

/** Every drum machine of `project` loaded with the factory kit, its samples from `packDir`. */
function withFactoryKit(project: Project, packDir: string): Project {
  const newSource = idAllocator('s', Object.keys(project.sources));
  const sources = { ...project.sources };
  const kitSources = factoryKit.map((pad) => {
    const id = newSource();
    sources[id] = { path: path.join(packDir, pad.file) };
    return id;
  });
  const tracks = project.tracks.map((track): Track => {
    if (track.instrument?.type !== 'drums') return track;
    const pads = track.instrument.pads.map((pad, i) => {
      const kit = factoryKit[i];
      return kit ? { ...pad, name: kit.name, source: kitSources[i]!, params: { ...pad.params, ...kit.params } } : pad;
    });
    return { ...track, instrument: { ...track.instrument, pads } };
  });
  return { ...project, sources, tracks };
}

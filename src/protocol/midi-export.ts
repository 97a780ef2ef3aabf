/**
 * Note clips as a MIDI file: what plays, the way it plays. A clip's pattern is read from its
 * offset, repeated when it loops, cut at the clip's end; ratchets become their repeated notes and
 * playback swing moves the notes it moves (the format's rule), so the file sounds like the clip.
 * Probability is left to the player: every note is written. Drum tracks go on channel 10, the
 * rest on channel 1; velocities 0–1 become 1–127. Tempo ramps, which MIDI cannot hold, are
 * written as a step every sixteenth note at the ramp's tempo there.
 */
import { defaultTicksPerQuarter, drumChannel, type MidiMeter, type MidiNote, type MidiSong, type MidiTempo } from '../codecs/midi';
import type { NoteClip } from '../model/note-schema';
import type { Project, Track } from '../model/project-schema';
import { Clock } from '../std/clock';
import { beats } from '../std/units';
import { defaultSwingDivision, swungStart } from '../devices/instruments/note-grid';

const ppq = defaultTicksPerQuarter;
const rampStep = 0.25;
const toTicks = (beat: number) => Math.round(beat * ppq);

/** One note clip, from its own start (tick 0 = the clip's start). */
export function noteClipToMidi(project: Project, track: Track, clip: NoteClip): MidiSong {
  return {
    ticksPerQuarter: ppq,
    ...timingFrom(project, clip.start),
    tracks: [{ name: clip.name || track.name, notes: clipNotes(project, track, clip, 0) }],
  };
}

/** Every note clip of an instrument track at its place in the song. */
export function noteTrackToMidi(project: Project, track: Track): MidiSong {
  const notes = track.clips
    .filter((clip): clip is NoteClip => clip.kind === 'notes' && !clip.mute)
    .flatMap((clip) => clipNotes(project, track, clip, clip.start))
    .sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  return { ticksPerQuarter: ppq, ...timingFrom(project, 0), tracks: [{ name: track.name, notes }] };
}

function clipNotes(project: Project, track: Track, clip: NoteClip, at: number): MidiNote[] {
  const pattern = project.patterns[clip.pattern];
  if (!pattern) return [];
  const channel = track.instrument?.type === 'drums' ? drumChannel : 0;
  const swing = pattern.swing ?? project.swing;
  const division = pattern.stepGrid?.division ?? defaultSwingDivision;
  const notes: MidiNote[] = [];
  const passes = clip.loop ? Math.ceil((clip.offset + clip.length) / pattern.length) : 1;
  for (let pass = 0; pass < passes; pass++) {
    for (const note of pattern.notes) {
      const start = swungStart(note.start, division, swing) + pass * pattern.length - clip.offset;
      if (start < 0 || start >= clip.length) continue;
      const ratchet = note.ratchet ?? 1;
      const each = note.length / ratchet;
      for (let r = 0; r < ratchet; r++) {
        const hit = start + r * each;
        if (hit >= clip.length) break;
        const from = toTicks(at + hit);
        const to = toTicks(at + Math.min(hit + each, clip.length));
        notes.push({ channel, pitch: note.pitch, velocity: Math.min(127, Math.max(1, Math.round(note.velocity * 127))), start: from, duration: Math.max(1, to - from) });
      }
    }
  }
  return notes;
}

/** The tempo and meter maps from `from` (beats) on, shifted so `from` is tick 0. */
function timingFrom(project: Project, from: number): { tempos: MidiTempo[]; meters: MidiMeter[] } {
  const clock = Clock.of(project);
  const steps = tempoSteps(project, clock);
  const tempos: MidiTempo[] = [];
  for (const step of steps) {
    const tick = Math.max(0, toTicks(step.beat - from));
    const microsPerQuarter = Math.round(60_000_000 / step.bpm);
    if (tick === 0 && tempos.length > 0) tempos[0] = { tick, microsPerQuarter };
    else if (step.beat >= from || tempos.length === 0) tempos.push({ tick, microsPerQuarter });
  }
  const meters: MidiMeter[] = [];
  for (const line of meterLines(project, clock)) {
    const tick = Math.max(0, toTicks(line.beat - from));
    const meter = { tick, numerator: line.meter[0], denominator: line.meter[1] };
    if (tick === 0 && meters.length > 0) meters[0] = meter;
    else if (line.beat >= from || meters.length === 0) meters.push(meter);
  }
  return { tempos, meters };
}

/** The tempo as steps: each point, and a ramp as a step every `rampStep` beats at the tempo in the middle of the step. */
function tempoSteps(project: Project, clock: Clock): { beat: number; bpm: number }[] {
  const steps = [{ beat: 0, bpm: project.tempo }];
  let from = 0;
  for (const change of project.tempoChanges) {
    if (change.ramp) {
      steps.pop();
      for (let at = from; at < change.beat - 1e-9; at += rampStep) steps.push({ beat: at, bpm: clock.tempoAt(beats(Math.min(at + rampStep / 2, change.beat))) });
    }
    steps.push({ beat: change.beat, bpm: change.bpm });
    from = change.beat;
  }
  return steps;
}

/** Where each meter starts, in beats. */
function meterLines(project: Project, clock: Clock): { beat: number; meter: Project['timeSignature'] }[] {
  return [{ beat: 0, meter: project.timeSignature }, ...project.meterChanges.map((change) => ({ beat: clock.barStart(change.bar), meter: change.timeSignature }))];
}

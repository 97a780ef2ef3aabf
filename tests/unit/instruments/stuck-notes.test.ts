import { describe, expect, it } from 'vitest';
import { defaultInstrumentParams } from '../../../src/devices/instruments/catalog';
import { createTrack } from '../../../src/model/new-track';
import type { NoteClip, Project, Track } from '../../../src/model/project-schema';
import type { Engine } from '../../../src/engine/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { LiveNotes } from '../../../renderer/state/live-notes';
import { liveNoteCommand } from '../../../renderer/audio/live-note-command';
import { engineWith, projectOf, rate, render, timeline120 } from '../engine/engine-harness';
import { drumTrack, noteClip, pattern, samplerTrack, sourcesOf } from './instrument-tracks';

/** Two seconds that never fall silent by themselves within the test: a loud 220 Hz sine. */
const tone = { planes: [Float32Array.from({ length: 2 * rate }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 220 * i) / rate))] };
const kinds = ['synth', 'sampler', 'drums'] as const;
type Kind = (typeof kinds)[number];

/** A track `t1` of `kind` playing one long note (pitch 36, beats 0–16) from clip `n1`, with short releases. */
function instrumentTrack(kind: Kind, clips: NoteClip[] = [noteClip('n1', 'long', 0, 16)]): Track {
  if (kind === 'drums') return drumTrack('t1', { 0: 'tone' }, clips);
  if (kind === 'sampler') return samplerTrack('t1', { source: 'tone', rootNote: 36, start: 0, end: 2, loopStart: 0.5, loopEnd: 1.5, slices: [] }, clips, { loop: 1, ampReleaseMs: 10 });
  return { ...createTrack('t1', 't1', 0), instrument: { id: 't1-synth', type: 'synth', params: { ...defaultInstrumentParams('synth'), releaseMs: 20 } }, clips };
}

/** A project playing in an engine, edited as the app does it: the document diff sent as commands. */
class Session {
  readonly engine: Engine;
  private project: Project;

  constructor(tracks: Track[]) {
    const extra = { sources: sourcesOf('tone'), patterns: { long: pattern(16, [{ pitch: 36, start: 0, length: 16, velocity: 1 }]) } };
    this.project = projectOf(tracks, timeline120, extra);
    this.engine = engineWith({ tone }, tracks, timeline120, rate, extra);
  }

  edit(change: (project: Project) => Project): void {
    const next = change(this.project);
    const ids = (id: string) => id;
    for (const command of engineDocumentChanges(compileEngineDocument(this.project, ids), compileEngineDocument(next, ids))) this.engine.command(command);
    this.project = next;
  }

  /** The peak of the next `seconds`. */
  peak(seconds: number): number {
    const [left] = render(this.engine, Math.round(seconds * rate));
    return left.reduce((most, x) => Math.max(most, Math.abs(x)), 0);
  }

  /** Whether the output falls silent within 50 ms and stays so for the next second. */
  fallsSilent(): boolean {
    this.peak(0.05);
    return this.peak(1) === 0;
  }
}

const withTrack = (project: Project, change: (track: Track) => Track | null): Project => ({ ...project, tracks: project.tracks.flatMap((t) => (t.id === 't1' ? (change(t) ?? []) : [t])) });

describe.each(kinds)('no %s note can hang', (kind) => {
  const sounding = () => {
    const session = new Session([instrumentTrack(kind)]);
    expect(session.peak(0.5)).toBeGreaterThan(0.1);
    return session;
  };

  it('when the transport stops', () => {
    const session = sounding();
    session.engine.command({ type: 'stop' });
    expect(session.fallsSilent()).toBe(true);
  });

  it('when its track is deleted: at once', () => {
    const session = sounding();
    session.edit((project) => withTrack(project, () => null));
    expect(session.peak(1)).toBe(0);
  });

  it('when its instrument is swapped for another: at once', () => {
    const session = sounding();
    const other = kind === 'synth' ? 'sampler' : 'synth';
    session.edit((project) => withTrack(project, (track) => ({ ...instrumentTrack(other), clips: track.clips })));
    expect(session.peak(1)).toBe(0);
  });

  it('when its note clip is deleted while the note sounds', () => {
    const session = sounding();
    session.edit((project) => withTrack(project, (track) => ({ ...track, clips: [] })));
    expect(session.fallsSilent()).toBe(true);
  });

  it('when its note clip is moved away while the note sounds, and it plays again where it now starts', () => {
    const session = sounding();
    session.edit((project) => withTrack(project, (track) => ({ ...track, clips: track.clips.map((c) => ({ ...c, start: 4 })) })));
    // Moved to beat 4 (2 s); the playhead is at 0.5 s: silent until then, sounding after.
    expect(session.fallsSilent()).toBe(true);
    session.peak(0.4);
    expect(session.peak(0.5)).toBeGreaterThan(0.1);
  });

  it('when the note is taken out of its pattern while it sounds', () => {
    const session = sounding();
    session.edit((project) => ({ ...project, patterns: { long: pattern(16, []) } }));
    expect(session.fallsSilent()).toBe(true);
  });
});

describe.each(kinds)('a %s played live', (kind) => {
  /** The armed track t1 (no clips) played through LiveNotes into the engine, as the play store wires them. */
  const playing = () => {
    const session = new Session([instrumentTrack(kind, [])]);
    const live = new LiveNotes();
    live.listen((event) => {
      const command = liveNoteCommand(event.trackId, event.pitch, event.velocity);
      if (command) session.engine.command(command);
    });
    live.setTrack('t1');
    live.noteOn('midi-in', 36, 1);
    live.pedal('midi-in', true);
    expect(session.peak(0.3)).toBeGreaterThan(0.1);
    return { session, live };
  };

  it('stops when its MIDI device goes away with the key and the pedal down (a drum hit rings out to its end)', () => {
    const { session, live } = playing();
    live.releaseSource('midi-in');
    // The pad's 2 s sample has 1.7 s left to play: a one-shot takes no note-off.
    if (kind === 'drums') expect(session.peak(1.7)).toBeGreaterThan(0.1);
    expect(session.fallsSilent()).toBe(true);
  });

  it('stops when the transport stops, even with nothing telling the key it is up', () => {
    const { session } = playing();
    session.engine.command({ type: 'stop' });
    expect(session.fallsSilent()).toBe(true);
  });

  it('stops when its track is deleted or its instrument swapped', () => {
    const deleted = playing().session;
    deleted.edit((project) => withTrack(project, () => null));
    expect(deleted.peak(0.5)).toBe(0);
    const swapped = playing().session;
    swapped.edit((project) => withTrack(project, () => instrumentTrack(kind === 'synth' ? 'drums' : 'synth', [])));
    expect(swapped.peak(0.5)).toBe(0);
  });
});

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

  /** Frames rendered so far. */
  private frames = 0;

  /** The peak of the next `seconds`. */
  peak(seconds: number): number {
    const count = Math.round(seconds * rate);
    const [left] = render(this.engine, count);
    this.frames += count;
    return left.reduce((most, x) => Math.max(most, Math.abs(x)), 0);
  }

  /** Renders on to `seconds` from the start; returns the peak on the way. */
  until(seconds: number): number {
    return this.peak(seconds - this.frames / rate);
  }

  /** Whether the output falls silent within 50 ms and stays so for the next second. */
  fallsSilent(): boolean {
    this.peak(0.05);
    return this.peak(1) === 0;
  }

  /**
   * Whether what the clips started stops: a synth or sampler note is released (silent within 50
   * ms); a drum hit, a one-shot, rings out to its sample's end (2 s) first.
   */
  settles(kind: Kind): boolean {
    if (kind === 'drums' && this.until(2) < 0.1) return false;
    return this.fallsSilent();
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
    expect(session.settles(kind)).toBe(true);
  });

  it('when its note clip is moved away while the note sounds, and it plays again where it now starts', () => {
    const session = sounding();
    session.edit((project) => withTrack(project, (track) => ({ ...track, clips: track.clips.map((c) => ({ ...c, start: 8 })) })));
    // Moved to beat 8 (4 s); the playhead is at 0.5 s: silent until then, sounding after.
    expect(session.settles(kind)).toBe(true);
    expect(session.until(4)).toBe(0);
    expect(session.peak(0.5)).toBeGreaterThan(0.1);
  });

  it('when the note is taken out of its pattern while it sounds', () => {
    const session = sounding();
    session.edit((project) => ({ ...project, patterns: { long: pattern(16, []) } }));
    expect(session.settles(kind)).toBe(true);
  });

  it('when the loop range wraps while the note is held', () => {
    const session = sounding();
    // Looping beats 1–2 (0.5–1 s, the playhead is at 0.5 s) inside a note 16 beats long: at the wrap its off never comes.
    session.engine.command({ type: 'set-loop', loop: { start: 1, end: 2 } });
    expect(session.peak(0.5)).toBeGreaterThan(0.1);
    expect(session.settles(kind)).toBe(true);
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

  it('holds through a loop wrap and a seek: only the clips’ notes are released there', () => {
    const { session } = playing();
    session.engine.command({ type: 'set-loop', loop: { start: 0, end: 0.5 } });
    session.engine.command({ type: 'seek', frame: rate / 10 });
    // Five wraps of a quarter-second loop: the key is still down (and a drum hit rings on).
    session.peak(1.2);
    expect(session.peak(0.2)).toBeGreaterThan(0.1);
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

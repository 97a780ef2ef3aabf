/**
 * Playing in: which instrument track is armed, the MIDI inputs, and recording notes into a clip.
 * Live notes go through `LiveNotes`; the engine (`playLiveNote`, the armed track's instrument), a
 * take and the on-screen keys listen to them. Stuck notes cannot happen: all notes off on transport stop, when the
 * armed track goes away or changes instrument, and for a MIDI device that is unplugged (its take
 * keeps what was recorded, and the status line says so).
 */
import { create } from 'zustand';
import type { Project } from '../../src/model/project-schema';
import { Clock } from '../../src/std/clock';
import { beats, hertz, samples } from '../../src/std/units';
import { countIn } from '../audio/count-in';
import { playLiveNote } from '../audio/live-notes';
import { LiveNotes } from './live-notes';
import { listenToMidiInputs, type MidiDevice } from './midi-inputs';
import { NoteTake } from './note-take';
import { addNoteTakes, punched, recordNotes, type RecordMode } from '../../src/model/edits/record-notes-edits';
import { LoopCounter } from './loop-counter';
import { heardAt, playheadBeats, playingPair } from './playhead';
import { useProject } from './project-store';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';
import { activeLoop, useTransport } from './transport-store';

/** A finished take of notes as an edit: how many notes, the undo label, the recipe. */
export interface NotesTakeEdit {
  readonly count: number;
  readonly label: string;
  readonly recipe: (project: Project) => Project;
}

export type MidiAccessState = 'off' | 'asking' | 'ready' | 'unavailable';
/** Input quantize grid in beats (1/16 = 0.25), or null for none. */
export type InputQuantize = number | null;

interface PlayState {
  readonly armedTrackId: string | null;
  readonly midi: MidiAccessState;
  readonly devices: readonly MidiDevice[];
  /** Pitches sounding now (the on-screen keys light up). */
  readonly sounding: readonly number[];
  readonly quantize: InputQuantize;
  readonly mode: RecordMode;
  /** 'count-in' while the bar of clicks plays, 'recording' while the take runs. */
  readonly recording: 'count-in' | 'recording' | null;
  arm(trackId: string | null): void;
  /** `time`: when it was played (`performance.now()` ms; now when absent). */
  noteOn(source: string, pitch: number, velocity: number, time?: number): void;
  noteOff(source: string, pitch: number, time?: number): void;
  releaseSource(source: string): void;
  connectMidi(): Promise<void>;
  setQuantize(grid: InputQuantize): void;
  setMode(mode: RecordMode): void;
  /**
   * The play bar's Record: `countInBars` bars of count-in (the user's one count-in setting, the
   * transport's Count-in too), then a take of notes on the armed track while the transport plays.
   */
  record(countInBars: number): Promise<void>;
  /**
   * Starts a take of notes now, from the playhead (from the loop's start while looping), without a
   * count-in: the transport's Record calls it when its own count-in ends. False when no instrument
   * track is armed or a take already runs.
   */
  beginTake(): boolean;
  /**
   * Ends the take of notes now (held notes end at the playhead) and hands back its edit, or null
   * when there is none or nothing was played: the caller records it, alone or in one step with
   * the audio take recorded beside it.
   */
  takeNotes(): NotesTakeEdit | null;
  /** Stops the count-in, or ends the take and records its notes (one undo step). */
  stopRecording(): void;
}

const live = new LiveNotes();
// Lives as long as the page: the armed track's instrument sounds every live note.
live.listen((event) => playLiveNote(event.trackId, event.pitch, event.velocity));
let take: NoteTake | null = null;
let countInAbort: AbortController | null = null;

export const usePlay = create<PlayState>()((set, get) => ({
  armedTrackId: null,
  midi: 'off',
  devices: [],
  sounding: [],
  quantize: null,
  mode: 'overdub',
  recording: null,
  arm(trackId) {
    live.setTrack(trackId);
    set({ armedTrackId: trackId });
  },
  noteOn: (source, pitch, velocity, time) => live.noteOn(source, pitch, velocity, time),
  noteOff: (source, pitch, time) => live.noteOff(source, pitch, time),
  releaseSource: (source) => live.releaseSource(source),
  async connectMidi() {
    if (get().midi === 'ready' || get().midi === 'asking') return;
    if (!('requestMIDIAccess' in navigator)) {
      set({ midi: 'unavailable' });
      return;
    }
    set({ midi: 'asking' });
    try {
      const access = await navigator.requestMIDIAccess();
      listenToMidiInputs(access, {
        devices: (devices) => set({ devices }),
        lost: (device) => {
          live.releaseSource(device.id);
          const kept = get().recording === 'recording' ? ' The notes recorded so far are kept.' : '';
          useSession.getState().notify('info', `${device.name} was disconnected; its notes were stopped.${kept}`);
        },
        event: (id, event, time) => {
          if (event.kind === 'note-on') live.noteOn(id, event.pitch, event.velocity, time);
          else if (event.kind === 'note-off') live.noteOff(id, event.pitch, time);
          else if (event.kind === 'pedal') live.pedal(id, event.down);
          else live.releaseSource(id);
        },
      });
      set({ midi: 'ready' });
    } catch {
      set({ midi: 'unavailable' });
      useSession.getState().notify('error', 'Glowroom may not use MIDI devices here. Allow MIDI for this page in the browser’s site settings, then try again.');
    }
  },
  setQuantize: (quantize) => set({ quantize }),
  setMode: (mode) => set({ mode }),
  async record(countInBars) {
    const trackId = get().armedTrackId;
    if (get().recording || trackId === null) return;
    const { audio } = runtime();
    const transport = useTransport.getState();
    const range = activeLoop();
    try {
      await audio.resume();
      if (countInBars > 0) {
        set({ recording: 'count-in' });
        countInAbort = new AbortController();
        // Bars of the meter and at the tempo where the take starts.
        const clock = Clock.of(useProject.getState().project);
        const at = beats(range ? range.start : playheadBeats());
        if (range) transport.seekToBeat(range.start);
        await countIn(audio.context, Math.round(clock.barLength(clock.barAt(at)) * countInBars), 60 / clock.tempoAt(at), countInAbort.signal);
      } else if (range) {
        transport.seekToBeat(range.start);
      }
      get().beginTake();
      if (!useTransport.getState().playing) await useTransport.getState().play();
    } catch (error) {
      set({ recording: null });
      if (!(error instanceof DOMException && error.name === 'AbortError')) reportError(error);
    } finally {
      countInAbort = null;
    }
  },
  beginTake() {
    if (take || get().armedTrackId === null) return false;
    const range = activeLoop();
    take = new NoteTake(range ? range.start : playheadBeats(), range);
    if (range) countLoopPasses(range);
    set({ recording: 'recording' });
    return true;
  },
  takeNotes() {
    countInAbort?.abort();
    const finished = take;
    const passes = loopPasses;
    take = null;
    stopCountingLoopPasses();
    set({ recording: null });
    const trackId = get().armedTrackId;
    if (!finished || finished.empty || trackId === null) return null;
    const { quantize, mode } = get();
    const punch = punchRange();
    if (finished.loop) {
      // Each pass through the loop with a note kept is a note take.
      const end = playingPair();
      const stopped = end ? Clock.of(useProject.getState().project).beatAtFrame(samples(end.frame), hertz(runtime().audio.context.sampleRate)) : playheadBeats();
      const taken = finished.finishPasses(stopped, passes?.counter.wrapsAt(end) ?? passes?.wraps ?? null);
      const kept = taken.map((pass) => punched(pass.notes, punch).length).filter((count) => count > 0);
      if (kept.length === 0) return null;
      return {
        count: kept.reduce((sum, count) => sum + count, 0),
        label: kept.length === 1 ? 'Record Note Take' : `Record ${kept.length} Note Takes`,
        recipe: (project: Project) => addNoteTakes(project, trackId, taken, { quantize, punch }),
      };
    }
    const notes = finished.finish(playheadBeats());
    const count = punched(notes, punch).length;
    if (count === 0) return null;
    return {
      count,
      label: count === 1 ? 'Record Note' : `Record ${count} Notes`,
      recipe: (project: Project) => recordNotes(project, trackId, notes, { start: finished.start, range: null, quantize, punch, mode }),
    };
  },
  stopRecording() {
    const notes = get().takeNotes();
    if (notes) useProject.getState().edit(notes.label, notes.recipe);
  },
}));

live.listen((event) => {
  if (take) {
    const heard = heardAt(event.time);
    loopPasses?.counter.anchorAt(playingPair());
    take.note(event.pitch, event.velocity, heard.beat, loopPasses?.counter.wrapsAt(heard.pair) ?? null);
  }
  const sounding = usePlay.getState().sounding.filter((pitch) => pitch !== event.pitch);
  usePlay.setState({ sounding: event.velocity > 0 ? [...sounding, event.pitch] : sounding });
});

// Transport stop: every live note stops, and a take in progress is written.
useTransport.subscribe((state, previous) => {
  if (previous.playing && !state.playing) {
    live.allNotesOff();
    usePlay.getState().stopRecording();
  }
});

// The armed track deleted, or its instrument swapped: its notes stop (and it is disarmed if gone).
useProject.subscribe((state, previous) => {
  const armed = usePlay.getState().armedTrackId;
  if (armed === null || state.project === previous.project) return;
  const now = instrumentOf(state.project, armed);
  if (now === undefined) {
    usePlay.getState().arm(null);
  } else if (now !== instrumentOf(previous.project, armed)) {
    live.allNotesOff();
  }
});

/**
 * Counts the loop's passes while a looped take runs: anchored at the first frame the transport
 * plays, and followed on every animation frame so the take knows the wraps at its end too.
 */
let loopPasses: { readonly counter: LoopCounter; wraps: number | null; frame: number } | null = null;

function countLoopPasses(range: { readonly start: number; readonly end: number }): void {
  stopCountingLoopPasses();
  const clock = Clock.of(useProject.getState().project);
  const rate = hertz(runtime().audio.context.sampleRate);
  const counter = new LoopCounter(Math.max(1, clock.frameAt(beats(range.end), rate) - clock.frameAt(beats(range.start), rate)));
  const watch = { counter, wraps: null as number | null, frame: 0 };
  const follow = () => {
    const pair = playingPair();
    counter.anchorAt(pair);
    watch.wraps = counter.wrapsAt(pair) ?? watch.wraps;
    watch.frame = requestAnimationFrame(follow);
  };
  watch.frame = requestAnimationFrame(follow);
  loopPasses = watch;
}

function stopCountingLoopPasses(): void {
  if (loopPasses) cancelAnimationFrame(loopPasses.frame);
  loopPasses = null;
}

/** The punch range while punching, or null. */
function punchRange(): { start: number; end: number } | null {
  const { punch } = useProject.getState().project;
  return punch?.on ? { start: punch.start, end: punch.end } : null;
}


function instrumentOf(project: Project, trackId: string): string | undefined {
  const track = project.tracks.find((t) => t.id === trackId);
  return track?.instrument ? `${track.instrument.id}:${track.instrument.type}` : undefined;
}

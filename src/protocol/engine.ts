/**
 * The renderer⇄worklet contract: what the engine plays (the compiled document), the commands
 * the renderer posts to the processor, the options it is constructed with, and the layout of the
 * shared status buffer the processor writes every block and the renderer reads on animation
 * frames (never through messages or React state). The Node render host drives the same engine
 * with the same commands.
 */
import type { AutomationCurve } from '../devices/automation-curve';
import type { DeviceType } from '../devices/catalog';
import type { MeterPoint, TempoPoint, TimeMap } from '../std/clock';
import type { EngineInstrument, EngineNoteClip } from './engine-instruments';

/** The name the processor registers under; node and processor both use it. */
export const engineProcessorName = 'glowroom-engine';

/** Frames per render quantum: the engine's block size, in the worklet and offline alike. */
export const blockFrames = 128;

/**
 * PCM shared with the engine without copying per block: `channelCount` planes of `frames`
 * float32 samples, one after another, in a SharedArrayBuffer (or an ArrayBuffer offline).
 */
export interface SharedSample {
  readonly sampleId: string;
  /** Hertz. */
  readonly sampleRate: number;
  readonly frames: number;
  readonly channelCount: number;
  readonly pcm: SharedArrayBuffer | ArrayBuffer;
}

/** A clip as the engine plays it: the project's clip with its source resolved to a pooled sample. */
export interface EngineClip {
  readonly id: string;
  /** Pooled sample to play; a clip whose sample is not (yet) in the pool is silent. */
  readonly sampleId: string;
  /** Beats from the start of the timeline. */
  readonly start: number;
  /** Beats. */
  readonly length: number;
  /** Seconds of source time. */
  readonly offset: number;
  readonly gainDb: number;
  /** Seconds of source time. */
  readonly fadeIn: number;
  readonly fadeOut: number;
  readonly loop: boolean;
  readonly reverse: boolean;
  /** Varispeed factor; pitch follows. */
  readonly rate: number;
  /** A muted clip is not mixed, yet it still counts for where the song ends. */
  readonly mute: boolean;
  /** Format v4: absent = not warped (plays at `rate` whatever the tempo); present = follows the tempo. */
  readonly warp?: EngineWarp;
  /** Format v4 pitch shift of beats and tonal warped clips: whole semitones and cents (absent = 0). */
  readonly transpose?: number;
  readonly detune?: number;
}

/** How a warped clip follows the tempo (format v4 `warp`; see src/dsp/stretch). */
export interface EngineWarp {
  readonly mode: 'repitch' | 'beats' | 'tonal';
  /** The source's own tempo, quarter notes per minute. */
  readonly sourceTempo: number;
  /** Source seconds pinned to clip beats, sorted (see `WarpCurve`). */
  readonly markers: readonly { readonly source: number; readonly beat: number }[];
}

/** How a loop is auditioned in time: its stretcher, its own tempo and a transposition. */
export interface PreviewWarp {
  readonly mode: 'beats' | 'tonal';
  /** The loop's own tempo, quarter notes per minute. */
  readonly sourceTempo: number;
  /** Whole semitones (towards the song's key), 0 for none. */
  readonly transpose: number;
}

/** A device as the engine runs it: its type picks the processor; its parameters travel as `set-param`. */
export interface EngineDevice {
  readonly id: string;
  readonly type: DeviceType;
  readonly bypass: boolean;
  /** The track or bus whose signal (after its fader) the device's detector listens to; null: its own input. */
  readonly sidechain: string | null;
}

export interface EngineSend {
  readonly id: string;
  /** The bus it feeds. */
  readonly target: string;
  readonly tap: 'pre' | 'post';
}

/**
 * One channel of the mixer, without its parameter values (those travel as `set-param`, so a
 * fader ride never rebuilds anything): what feeds where, through which devices.
 */
export interface EngineChannel {
  readonly id: string;
  readonly kind: 'track' | 'bus' | 'master';
  /** The channel it feeds ("master" or a bus id); null for the master itself. */
  readonly output: string | null;
  readonly solo: boolean;
  /** Keeps sounding while other channels are soloed (an effect return). */
  readonly soloSafe: boolean;
  readonly inserts: readonly EngineDevice[];
  readonly sends: readonly EngineSend[];
  /** An instrument track's instrument: its output is the channel's input, before the inserts. Absent or null: none. */
  readonly instrument?: EngineInstrument | null;
}

/**
 * The routing: every channel in status-meter order (`channelMeterIndex`): the master first, then
 * the tracks top to bottom, then the buses.
 */
export interface EngineMixer {
  readonly channels: readonly EngineChannel[];
}

/** A parameter's value, by the id of its owner (a channel, send or device) and the parameter's id. */
export interface EngineParam {
  readonly target: string;
  readonly param: string;
  readonly value: number;
}

/**
 * The song's timing, as the engine's clock (`src/std/clock.ts`) reads it. Arrays are the
 * document's own, so an unchanged timeline compares equal field by field.
 */
export interface EngineTimeline extends TimeMap {
  /** Quarter notes per minute at beat 0. */
  readonly tempo: number;
  /** [beats per bar, the note value of one beat: 4 = quarter, 8 = eighth] at bar 0. */
  readonly timeSignature: readonly [number, number];
  /** Tempo jumps and ramps after beat 0, sorted by beat. */
  readonly tempoChanges: readonly TempoPoint[];
  /** Meter changes after bar 0, sorted by bar. */
  readonly meterChanges: readonly MeterPoint[];
}

export interface EngineAutomationPoint {
  /** Beats from the start of the timeline. */
  readonly beat: number;
  /** In the parameter's unit. */
  readonly value: number;
  /** How the value moves on to the next point (`src/devices/automation-curve.ts`). */
  readonly curve: AutomationCurve;
}

/** One parameter's automation, by its owner's id and its own id; sorted points, at least one. */
export interface EngineAutomationLane {
  readonly target: string;
  readonly param: string;
  readonly points: readonly EngineAutomationPoint[];
}

/** Everything the engine plays; compiled from a project by `compileEngineDocument`. */
export interface EngineDocument {
  readonly timeline: EngineTimeline;
  readonly mixer: EngineMixer;
  /** Every parameter of every channel, send and device, at its value in the document. */
  readonly params: readonly EngineParam[];
  /** The clips of each track, by track id. */
  readonly clips: Readonly<Record<string, readonly EngineClip[]>>;
  /** The note clips of each instrument track, by track id. */
  readonly notes: Readonly<Record<string, readonly EngineNoteClip[]>>;
  /** The lanes that have points: while a lane has points, it drives its parameter. */
  readonly automation: readonly EngineAutomationLane[];
}

/** The loop range of the transport, in beats; playback wraps from `end` to `start`. */
export interface LoopRange {
  readonly start: number;
  readonly end: number;
}

export type EngineCommand =
  /** Adds decoded audio to the engine's sample pool. */
  | { readonly type: 'add-sample'; readonly sample: SharedSample }
  /** Drops a sample from the pool; clips playing it fall silent. */
  | { readonly type: 'remove-sample'; readonly sampleId: string }
  /** Tempo and meter: changing them keeps clips at their positions in beats. */
  | { readonly type: 'set-timeline'; readonly timeline: EngineTimeline }
  /**
   * The routing changed (channels, inserts, sends, outputs, solo, bypass): the graph is compiled
   * again. Channels and devices that stay keep their state and parameter values; `params` give
   * the values of the parameters that are new.
   */
  | { readonly type: 'set-mixer'; readonly mixer: EngineMixer; readonly params: readonly EngineParam[] }
  /** The clips of one track (rebuilds that track's voices only). */
  | { readonly type: 'set-clips'; readonly trackId: string; readonly clips: readonly EngineClip[] }
  /** The note clips of one instrument track: its notes are scheduled anew, sounding notes are released. */
  | { readonly type: 'set-note-clips'; readonly trackId: string; readonly clips: readonly EngineNoteClip[] }
  /** A note played live (keyboard, MIDI in) on a track's instrument at the next block; velocity 0 releases it. */
  | { readonly type: 'live-note'; readonly track: string; readonly pitch: number; readonly velocity: number }
  /**
   * Every automation lane (replacing the ones before): their parameters follow them, sample
   * accurately, while the transport plays; a parameter whose lane goes glides back to its value.
   */
  | { readonly type: 'set-automation'; readonly lanes: readonly EngineAutomationLane[] }
  /**
   * A control is writing (`writing: true`) the lane of one parameter (automation Touch, Latch or
   * Write while playing): the lane stops driving it and `set-param` moves it, from where it
   * stands; `false` hands it back to the lane, which it glides to.
   */
  | { readonly type: 'write-automation'; readonly target: string; readonly param: string; readonly writing: boolean }
  /** Moves one parameter to `value`, along a ramp of the parameter's smoothing time (an automated one: its value once the lane goes). */
  | { readonly type: 'set-param'; readonly target: string; readonly param: string; readonly value: number }
  | { readonly type: 'play' }
  | { readonly type: 'stop' }
  /** Moves the playhead to a frame of the timeline. */
  | { readonly type: 'seek'; readonly frame: number }
  /** null turns looping off. */
  | { readonly type: 'set-loop'; readonly loop: LoopRange | null }
  | { readonly type: 'set-metronome'; readonly enabled: boolean }
  /**
   * Input monitoring (playback only, never part of a render): the live input the host hands the
   * engine each block (`Engine.input`) joins these tracks' channels before their inserts, from
   * `channels` of the input (one: mono, panned as a mono source; two: stereo). No tracks: off.
   */
  | { readonly type: 'set-monitoring'; readonly tracks: readonly string[]; readonly channels: readonly [number] | readonly [number, number] }
  /**
   * Auditions a pooled sample once from its start on the preview channel (null stops it). With
   * `warp`, a loop plays in time: stretched to the song's tempo at the playhead and transposed, and
   * while the transport plays it starts on the next beat, to the frame.
   */
  | { readonly type: 'preview'; readonly sampleId: string | null; readonly gainDb: number; readonly warp?: PreviewWarp }
  /** Changes the preview channel's level, also while it sounds. */
  | { readonly type: 'set-preview-gain'; readonly gainDb: number }
  /** Clears the held peaks of every channel (play clears them too). */
  | { readonly type: 'reset-peak-hold' };

export interface EngineProcessorOptions {
  /** A SharedArrayBuffer of `statusLength` float64 values, laid out as `statusSlots` + channel meters. */
  readonly status: SharedArrayBuffer;
  /**
   * Commands applied in the constructor, before the first block: an offline render or a rebuilt
   * node starts with its samples and document in place (port messages may arrive later).
   */
  readonly initialCommands: readonly EngineCommand[];
}

/**
 * The status buffer, declared once: the engine and the worklet write it, every reader in the
 * renderer reads it through these indices. Levels are linear amplitude (1 = 0 dBFS).
 */
export const statusSlots = {
  /** Playhead, in frames from the start of the timeline: the frame being heard (latency taken off). */
  playheadFrame: 0,
  /** 1 while the transport plays, 0 when stopped. */
  playing: 1,
  /** Count of blocks rendered since the processor started: proves the worklet is alive. */
  blocksRendered: 2,
  /** Time spent rendering ÷ time the audio lasted, averaged over about a second (1 = no headroom). */
  dspLoad: 3,
  /** Blocks that took longer to render than they last: each one risks an audible dropout. */
  overloads: 4,
  /** 1 while the preview channel sounds. */
  previewing: 5,
  /** How late the mix is behind the timeline, in frames: the longest lookahead path. */
  outputLatencyFrames: 6,
  /** Times the output safety stage has muted the output (playback only). */
  safetyTrips: 7,
  /** The channel (meter index) found at fault the last time the safety stage tripped; −1 if none was. */
  safetyChannel: 8,
  /** Why it tripped the last time: a `SafetyReason` code. */
  safetyReason: 9,
  /** Times the device guard has switched an insert off for producing NaN or Infinity (playback and render alike). */
  deviceFaults: 10,
  /** The channel (meter index) of the insert it switched off last; −1 before the first. */
  deviceFaultChannel: 11,
  /** That insert's index among its channel's inserts; −1 before the first. */
  deviceFaultInsert: 12,
  /**
   * The AudioContext frame `playheadFrame` belongs to (the end of the last rendered block): while
   * playing, timeline frame = playheadFrame + (context frame − contextFrame). Recording places takes by it.
   * −1 while a block's status is being written: read it, the playhead, then it again, and use the pair only when both reads agree and are ≥ 0.
   */
  contextFrame: 13,
} as const;

/** What made the safety stage mute the output. */
export const safetyReasons = { none: 0, notANumber: 1, runaway: 2 } as const;

/** Meters of the first `meteredChannels` channels follow the header, in `EngineMixer` order. */
export const statusHeaderLength = 16;
export const meteredChannels = 1200;
export const channelMeterSlots = {
  /** Peak with a falling ballistic, left and right. */
  peakLeft: 0,
  peakRight: 1,
  /** RMS over 300 ms, left and right. */
  rmsLeft: 2,
  rmsRight: 3,
  /** Highest sample magnitude since play or the last reset. */
  peakHoldLeft: 4,
  peakHoldRight: 5,
  /** Gain reduction of the channel's inserts on the last frame, dB (≤ 0). */
  gainReductionDb: 6,
  /** 1 when the channel's output held NaN, Infinity or a runaway level in the last block. */
  fault: 7,
  /**
   * The inserts the device guard has switched off (they produced NaN or Infinity), as bits: bit i
   * set when insert i is off. Only the first `guardedInsertBits` inserts are reported.
   */
  faultedInserts: 8,
} as const;
export const guardedInsertBits = 31;
export const channelMeterStride = 9;
export const statusLength = statusHeaderLength + meteredChannels * channelMeterStride;
/** The master's meters are the first channel's. */
export const masterMeterChannel = 0;

/** Index of a channel meter value in the status buffer; `channel` in `EngineMixer` order. */
export function channelMeterIndex(channel: number, slot: keyof typeof channelMeterSlots): number {
  return statusHeaderLength + channel * channelMeterStride + channelMeterSlots[slot];
}

export function createStatusBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(statusLength * Float64Array.BYTES_PER_ELEMENT);
}

/**
 * Packs decoded planes into one buffer in the layout the engine's pool reads. `allocate` picks
 * the memory: a SharedArrayBuffer for the worklet, a plain ArrayBuffer offline.
 */
export function packSample(
  sampleId: string,
  sampleRate: number,
  planes: readonly Float32Array[],
  allocate: (bytes: number) => SharedArrayBuffer | ArrayBuffer,
): SharedSample {
  const frames = planes[0]?.length ?? 0;
  const pcm = allocate(frames * planes.length * Float32Array.BYTES_PER_ELEMENT);
  const shared = { sampleId, sampleRate, frames, channelCount: planes.length, pcm };
  samplePlanes(shared).forEach((view, c) => view.set(planes[c] ?? new Float32Array(frames)));
  return shared;
}

/** Planar views on a shared sample's PCM (no copies): what `packSample` packed. */
export function samplePlanes(shared: SharedSample): Float32Array[] {
  const planes: Float32Array[] = [];
  for (let c = 0; c < shared.channelCount; c++) planes.push(new Float32Array(shared.pcm, c * shared.frames * Float32Array.BYTES_PER_ELEMENT, shared.frames));
  return planes;
}

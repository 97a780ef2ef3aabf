import { channelParams, deviceCatalog, sendParams } from '../devices/catalog';
import { instrumentCatalog } from '../devices/instruments/catalog';
import { SincInterpolator } from '../dsp/sinc-interpolator';
import {
  blockFrames,
  channelMeterIndex,
  guardedInsertBits,
  meteredChannels,
  statusSlots,
  type EngineClip,
  type EngineCommand,
  type EngineMixer,
  type EngineParam,
  type EngineTimeline,
  type LoopRange,
  type PreviewWarp,
} from '../protocol/engine';
import type { EngineInstrument, EngineNoteClip } from '../protocol/engine-instruments';
import { assertNever } from '../std/assert';
import { Clock } from '../std/clock';
import { beats, decibelsToGain, hertz } from '../std/units';
import { ClipVoice } from './clip-voice';
import { BlockContext, ParamView } from './devices/device-processor';
import { createDeviceProcessor } from './devices/registry';
import { ChannelStrip, type InsertSlot, type PadFeed, type SendSlot, type StereoBlock } from './graph/channel-strip';
import { compileGraph } from './graph/compile-graph';
import { StereoDelay } from './graph/stereo-delay';
import { TrackContent } from './graph/track-content';
import { canSplitOff, groupTargets, splitGroup, type SplitExchange } from './graph/track-split';
import { InstrumentHost } from './instruments/instrument-host';
import { NoteSchedule } from './instruments/note-schedule';
import { createInstrument } from './instruments/registry';
import { LevelMeter } from './level-meter';
import { Metronome } from './metronome';
import { AutomationPlayer } from './params/automation-player';
import { ParamTable, type ParamOwner } from './params/param-table';
import { nextBeat } from './preview/next-beat';
import { PreviewVoice } from './preview/preview-voice';
import { WarpedPreview } from './preview/warped-preview';
import { ResidentSample, SamplePool, type PooledSample } from './sample-pool';
import { VoiceScratch } from './voice-scratch';
import { WarpedVoice } from './warp/warped-voice';

const defaultTimeline: EngineTimeline = { tempo: 120, timeSignature: [4, 4], tempoChanges: [], meterChanges: [] };

/** A channel that feeds the master, and the block it added to the master's input in the last render. */
export interface StemTap extends StereoBlock {
  readonly channelId: string;
  /** False when the channel is muted or silenced by solo as the taps are placed: it adds nothing. */
  readonly sounds: boolean;
}

/**
 * The sound of Glowroom, block by block. Pure TypeScript: the same class runs in the
 * AudioWorkletProcessor for playback and in a Node worker for offline render, and given the same
 * commands and samples both produce the same output, bit for bit.
 *
 * Clips play into their track's channel; channels run through the graph compiled from the
 * routing (tracks → buses → master, sends, latency compensation); every fader, pan, send level
 * and device parameter lives in one parameter table and glides to new values, or follows its
 * automation lane. A block is rendered in segments cut where the loop wraps and where automation
 * needs a value on an exact frame (`AutomationPlayer`). Commands change state between blocks and
 * may allocate; `render` never allocates.
 */
export class Engine {
  private readonly pool = new SamplePool();
  private readonly interpolator = new SincInterpolator();
  private readonly scratch = new VoiceScratch();
  private readonly sendScratch = { left: new Float32Array(blockFrames), right: new Float32Array(blockFrames) };
  private readonly metronome: Metronome;
  private readonly preview = new PreviewVoice();
  /** The preview channel while it plays a loop in time (then `preview` is silent). */
  private readonly warpedPreview = new WarpedPreview();
  /**
   * What leaves the engine: the master's mix plus the click and the preview. The master's meter
   * shows these, so the level a producer reads is the level at the speakers.
   */
  private readonly outputMeters: readonly [LevelMeter, LevelMeter];
  /** Transport and sidechain for the devices, rewritten before every segment. */
  private readonly context = new BlockContext();
  /** Beats ↔ frames for the song's timeline: clips, automation, the loop, the click and the devices' transport. */
  private timeline: EngineTimeline = defaultTimeline;
  private clock = Clock.of(defaultTimeline);
  /** The clock's answer for the segment's first frame: [beat, tempo]. */
  private readonly located = new Float64Array(2);
  private params = new ParamTable([], 1);
  private readonly automation: AutomationPlayer;
  /** In `EngineMixer` order (the meters' order). */
  private strips: ChannelStrip[] = [];
  /** In processing order. */
  private order: ChannelStrip[] = [];
  private master: ChannelStrip | null = null;
  /** The tracks' channels with their clips, instrument (null: an audio track) and drum pads' own outputs, in track order. */
  private tracks: { strip: ChannelStrip; content: TrackContent; host: InstrumentHost | null; pads: readonly PadFeed[] }[] = [];
  private readonly clips = new Map<string, readonly EngineClip[]>();
  /** Instrument tracks' note clips and instruments, by track id. */
  private readonly noteClips = new Map<string, readonly EngineNoteClip[]>();
  private hosts = new Map<string, InstrumentHost>();
  private readonly contents = new Map<string, TrackContent>();
  private latency = 0;
  private masterInputLatency = 0;
  /** Null until `tapMasterFeeds` asks for stems; each with the strip's segment-long tap it copies from. */
  private stemTaps: (StemTap & { readonly source: StereoBlock })[] | null = null;
  /** The tracks (ids) a helper thread would render (`splitGroup`), fixed by the routing: every engine processes them first. */
  private group: ReadonlySet<string> = new Set();
  /** Null unless an offline render is split over two threads (`splitTracks`): this engine's side, which tracks it renders and the blocks handed over. */
  private split: Split | null = null;
  private playing = false;
  private playhead = 0;
  private loop: { start: number; end: number } | null = null;
  private loopBeats: LoopRange | null = null;
  private blocks = 0;
  /** The device guard's reports: inserts switched off so far, and the last one's channel (meter index) and insert index. */
  private deviceFaults = 0;
  private deviceFaultChannel = -1;
  private deviceFaultInsert = -1;
  /** Input monitoring as asked (`set-monitoring`), the monitored tracks' contents, and this block's input channels (playback only). */
  private monitor: { readonly tracks: readonly string[]; readonly channels: readonly number[] } | null = null;
  private monitored: TrackContent[] = [];
  private inputLeft: Float32Array | null = null;
  private inputRight: Float32Array | null = null;

  /**
   * `metered` false: no channel or output meter is worked out (an offline render, where nobody
   * reads them; the status then shows silent meters). The samples are the same either way.
   */
  constructor(
    readonly sampleRate: number,
    private readonly metered = true,
  ) {
    this.metronome = new Metronome(sampleRate);
    this.outputMeters = [new LevelMeter(sampleRate), new LevelMeter(sampleRate)];
    this.automation = new AutomationPlayer(sampleRate);
    this.setMixer({ channels: [{ id: 'master', kind: 'master', output: null, solo: false, soloSafe: false, inserts: [], sends: [] }] }, []);
  }

  command(command: EngineCommand): void {
    switch (command.type) {
      case 'add-sample':
        this.useSample(command.sample.sampleId, ResidentSample.of(command.sample));
        return;
      case 'remove-sample':
        this.pool.remove(command.sampleId);
        this.rebuildVoices((clip) => clip.sampleId === command.sampleId);
        this.reloadInstruments();
        return;
      case 'set-timeline':
        this.timeline = command.timeline;
        this.clock = Clock.of(command.timeline);
        this.rebuildVoices(() => true);
        for (const trackId of this.hosts.keys()) this.reschedule(trackId);
        this.placeLoop();
        this.automation.retime(this.clock);
        this.automation.bind(this.params, this.playhead, this.playing);
        return;
      case 'set-mixer':
        this.setMixer(command.mixer, command.params);
        return;
      case 'set-clips':
        this.clips.set(command.trackId, command.clips);
        this.contentOf(command.trackId).voices = this.voicesOf(command.clips);
        return;
      case 'set-note-clips':
        this.noteClips.set(command.trackId, command.clips);
        this.reschedule(command.trackId);
        return;
      case 'live-note':
        this.hosts.get(command.track)?.queueLive(command.pitch, command.velocity);
        return;
      case 'set-automation':
        this.automation.setLanes(command.lanes, this.clock, this.params);
        this.automation.bind(this.params, this.playhead, this.playing);
        return;
      case 'write-automation': {
        const slot = this.params.index(command.target, command.param);
        if (slot < 0) return;
        this.params.written[slot] = command.writing ? 1 : 0;
        this.automation.bind(this.params, this.playhead, this.playing);
        return;
      }
      case 'set-param': {
        const slot = this.params.index(command.target, command.param);
        if (slot >= 0 && Number.isFinite(command.value)) this.params.rampTo(slot, command.value);
        return;
      }
      case 'play':
        this.playing = true;
        this.seekNotes();
        this.resetPeakHold();
        return;
      case 'stop':
        this.playing = false;
        this.allNotesOff();
        return;
      case 'seek':
        this.playhead = Math.max(0, Math.round(command.frame));
        this.releaseScheduledNotes();
        this.seekNotes();
        if (this.playing) this.automation.jump();
        else this.automation.hold(this.params, this.playhead);
        return;
      case 'set-loop':
        this.loopBeats = command.loop;
        this.placeLoop();
        return;
      case 'set-metronome':
        this.metronome.enabled = command.enabled;
        return;
      case 'set-monitoring':
        this.monitor = command.tracks.length > 0 ? { tracks: command.tracks, channels: command.channels } : null;
        this.placeMonitoring();
        return;
      case 'preview':
        this.startPreview(command.sampleId, decibelsToGain(command.gainDb), command.warp);
        return;
      case 'set-preview-gain':
        this.preview.gain = decibelsToGain(command.gainDb);
        this.warpedPreview.gain = this.preview.gain;
        return;
      case 'reset-peak-hold':
        this.resetPeakHold();
        return;
      default:
        assertNever(command, 'engine command');
    }
  }

  /**
   * Starts the preview channel (stopping what it played): a one-shot at once and at its own speed;
   * a loop with `warp` in the song's time (its tempo map) from the playhead, or from the next beat while playing.
   */
  private startPreview(sampleId: string | null, gain: number, warp: PreviewWarp | undefined): void {
    const sample = sampleId === null ? undefined : this.pool.get(sampleId);
    this.preview.start(warp ? null : (sample ?? null), gain, this.sampleRate);
    this.warpedPreview.stop();
    if (!warp || !sample) return;
    const beat = this.playing ? nextBeat(this.clock, this.playhead, this.latency, this.loop, this.sampleRate) : { wait: 0, frame: this.playhead - this.latency };
    this.warpedPreview.gain = gain;
    // The transport wraps (and the preview must follow its loop's tempo) only from before the loop's end.
    const wraps = this.playing && this.loop !== null && this.playhead < this.loop.end ? this.loopBeats : null;
    this.warpedPreview.start(sample, warp, this.timeline, wraps, beat.frame, beat.wait, this.sampleRate);
  }

  /**
   * Plays `sample` wherever clips name `sampleId`: what `add-sample` does with shared PCM, and how
   * an offline render hands over sources it streams from disk (same thread, no message).
   */
  useSample(sampleId: string, sample: PooledSample): void {
    this.pool.put(sampleId, sample);
    this.rebuildVoices((clip) => clip.sampleId === sampleId);
    this.reloadInstruments();
  }

  /** The frame just after the last clip ends: where an offline render of the whole song stops. */
  get endFrame(): number {
    let end = 0;
    for (const track of this.tracks) {
      for (const voice of track.content.voices) end = Math.max(end, voice.endFrame);
      if (track.host) end = Math.max(end, track.host.schedule.endFrame);
    }
    return end;
  }

  get playheadFrame(): number {
    return this.playhead;
  }

  /** How many frames the output lags the timeline: the slowest path's lookahead. A render starts that much early. */
  get outputLatency(): number {
    return this.latency;
  }

  /** How many frames the master's input (before its inserts, where the stems are taken) lags the timeline. */
  get stemLatency(): number {
    return this.masterInputLatency;
  }

  /**
   * Keeps, from the next render on, what each channel feeding the master (tracks routed to it, and
   * buses) adds to the master's input, after its fader and the path's delay: the stems, in
   * processing order, so summed in that order in float32 they are the master's input to the bit.
   * A bus's stem carries everything routed and sent to it. A routing change
   * places the taps anew (ask again for the new list).
   */
  tapMasterFeeds(): readonly StemTap[] {
    const master = this.master;
    this.stemTaps = this.order.flatMap((strip) => {
      const feeds = strip !== master && strip.output?.target === master;
      strip.tap = feeds ? (strip.tap ?? { left: new Float32Array(blockFrames), right: new Float32Array(blockFrames) }) : null;
      const source = strip.tap;
      return source ? [{ channelId: strip.id, sounds: strip.sounds(this.params), left: new Float32Array(blockFrames), right: new Float32Array(blockFrames), source }] : [];
    });
    return this.stemTaps;
  }

  /** The tracks (ids, from the end of the track list) a helper engine renders in a split render: see `splitGroup`. */
  splitGroup(): string[] {
    return [...this.group];
  }

  /**
   * Splits an offline render over two threads (see `SplitExchange`): as `main` this engine renders
   * everything but the `splitGroup` tracks and adds what the helper hands over in their place; as
   * `helper` it renders only those and hands over what they add. Both engines must hold the same
   * document and render the same blocks from the same seek. Call with the document loaded; a
   * routing change ends the split.
   */
  splitTracks(role: 'main' | 'helper', exchange: SplitExchange): void {
    const helper = role === 'helper';
    // The group leads the processing order (see `placeGroup`).
    const groupEnd = this.order.findIndex((strip) => !this.group.has(strip.id));
    this.split = {
      exchange,
      helper,
      renders: Uint8Array.from(this.tracks, (track) => (this.group.has(track.strip.id) === helper ? 1 : 0)),
      groupEnd,
      targets: groupTargets(this.order.slice(0, groupEnd)),
    };
  }

  /** The channel (in meter order) whose output went bad in the last block, upstream first; −1 if none did. */
  get faultyChannel(): number {
    for (const strip of this.order) {
      if (strip.meters[0].fault || strip.meters[1].fault) return this.strips.indexOf(strip);
    }
    return -1;
  }

  /**
   * The live input for the next `render` (the playback host's input block; an offline render never
   * has one): the monitored channels of it play through the monitored tracks. Call before each
   * render; an empty input (no device connected) plays nothing.
   */
  input(channels: readonly Float32Array[]): void {
    const monitor = this.monitor;
    if (!monitor) return;
    const first = monitor.channels[0] ?? 0;
    const second = monitor.channels[1];
    this.inputLeft = channels[first] ?? null;
    this.inputRight = second === undefined ? null : (channels[second] ?? channels[first] ?? null);
  }

  /** Renders `frames` (≤ 128) frames into `left`/`right` (overwritten) and advances the transport. */
  render(left: Float32Array, right: Float32Array, frames: number): void {
    for (let at = 0; at < frames; ) {
      const count = this.playing ? this.segmentFrames(frames - at) : frames - at;
      this.renderSegment(left, right, at, count);
      at += count;
    }
    this.inputLeft = null;
    this.inputRight = null;
    this.preview.mixInto(this.interpolator, this.scratch, left, right, frames);
    this.warpedPreview.mixInto(this.interpolator, this.scratch, left, right, frames);
    if (this.metered) {
      this.outputMeters[0].measure(left, frames);
      this.outputMeters[1].measure(right, frames);
    }
    this.blocks++;
  }

  /** Writes transport and every channel's meters into the shared status layout (the host adds DSP load and safety). */
  writeStatus(status: Float64Array): void {
    status[statusSlots.playheadFrame] = Math.max(0, this.playhead - this.latency);
    status[statusSlots.playing] = this.playing ? 1 : 0;
    status[statusSlots.blocksRendered] = this.blocks;
    status[statusSlots.previewing] = this.preview.sounding || this.warpedPreview.sounding ? 1 : 0;
    status[statusSlots.outputLatencyFrames] = this.latency;
    status[statusSlots.deviceFaults] = this.deviceFaults;
    status[statusSlots.deviceFaultChannel] = this.deviceFaultChannel;
    status[statusSlots.deviceFaultInsert] = this.deviceFaultInsert;
    const count = Math.min(this.strips.length, meteredChannels);
    for (let c = 0; c < count; c++) {
      const strip = this.strips[c];
      if (!strip) continue;
      const [l, r] = strip === this.master ? this.outputMeters : strip.meters;
      status[channelMeterIndex(c, 'peakLeft')] = l.peak;
      status[channelMeterIndex(c, 'peakRight')] = r.peak;
      status[channelMeterIndex(c, 'rmsLeft')] = l.rms;
      status[channelMeterIndex(c, 'rmsRight')] = r.rms;
      status[channelMeterIndex(c, 'peakHoldLeft')] = l.held;
      status[channelMeterIndex(c, 'peakHoldRight')] = r.held;
      status[channelMeterIndex(c, 'gainReductionDb')] = strip.gainReductionDb;
      status[channelMeterIndex(c, 'fault')] = l.fault || r.fault ? 1 : 0;
      let faulted = 0;
      const inserts = strip.inserts;
      for (let d = 0; d < inserts.length && d < guardedInsertBits; d++) if (inserts[d]?.faulted) faulted |= 1 << d;
      status[channelMeterIndex(c, 'faultedInserts')] = faulted;
    }
  }

  /** How many of the next `most` frames one segment may take: up to the loop end, and as automation cuts. */
  private segmentFrames(most: number): number {
    const loop = this.loop;
    const count = loop !== null && this.playhead < loop.end ? Math.min(most, loop.end - this.playhead) : most;
    return this.automation.segmentFrames(this.playhead, count);
  }

  /**
   * Renders one segment of the block through the whole graph into `left`/`right` at `at`: the
   * parameters move on, the clips and the click of timeline frames [playhead, playhead + frames)
   * play, and the playhead wraps at the loop end on the exact frame.
   */
  private renderSegment(left: Float32Array, right: Float32Array, at: number, frames: number): void {
    const params = this.params;
    params.advance(frames);
    const split = this.split;
    const renders = split?.renders;
    const strips = this.order;
    // A track's strip is written whole by its content's pan (ChannelStrip.process); buses and the master sum their inputs into a cleared one.
    for (let s = 0; s < strips.length; s++) {
      const strip = strips[s];
      if (strip && strip.channel.kind !== 'track') strip.clear();
    }
    const tracks = this.tracks;
    // A split render's side leaves alone the contents of tracks the other side renders.
    for (let t = 0; t < tracks.length; t++) if (renders === undefined || renders[t] === 1) tracks[t]?.content.clear();
    const click = this.metronome.buffer;
    click.fill(0);
    const context = this.context;
    this.clock.locate(this.playhead, this.sampleRate, this.located);
    context.beat = this.located[0] as number;
    context.tempo = this.located[1] as number;
    context.seconds = this.playhead / this.sampleRate;
    // Instruments play also while stopped: live notes, and the tails of released ones. Pads with
    // their own output go straight into their bus, which is processed after every track.
    for (let t = 0; t < tracks.length; t++) {
      const track = tracks[t];
      const host = track?.host;
      if (!track || !host || (renders !== undefined && renders[t] === 0)) continue;
      host.render(track.content.stereoLeft, track.content.stereoRight, this.playing, this.playhead, frames, context);
      track.content.fed = true;
      const pads = track.pads;
      for (let p = 0; p < pads.length; p++) {
        const feed = pads[p] as PadFeed;
        const block = host.processor.padBlocks[feed.output];
        if (block) track.strip.feedAround(block, feed, params, this.sendScratch, frames);
      }
    }
    // Monitored input joins its tracks whether the transport plays or not.
    const monitored = this.monitored;
    for (let m = 0; m < monitored.length; m++) monitored[m]?.monitor(this.inputLeft, this.inputRight, at, frames);
    if (this.playing) {
      this.automation.apply(params, this.playhead, frames);
      for (let t = 0; t < tracks.length; t++) {
        const track = tracks[t];
        if (renders !== undefined && renders[t] === 0) continue;
        if (track?.strip.sounds(params)) track.content.render(this.interpolator, this.scratch, 0, this.playhead, frames);
      }
      // The click sounds with the mix it belongs to, as late as the mix.
      if (this.metronome.enabled) this.metronome.render(0, this.playhead - this.latency, frames, this.clock);
      const loop = this.loop;
      const inLoop = loop !== null && this.playhead < loop.end;
      this.playhead += frames;
      if (inLoop && this.playhead >= loop.end) {
        this.playhead = loop.start;
        this.automation.jump();
        this.releaseScheduledNotes();
        this.seekNotes();
      }
    }
    // The split group leads the order: the main render takes its sums from the helper, which stops after them.
    const first = split === null || split.helper ? 0 : split.groupEnd;
    const end = split?.helper ? split.groupEnd : strips.length;
    if (first > 0) exchangeGroupSums(split as Split, frames);
    for (let s = first; s < end; s++) {
      const strip = strips[s];
      if (!strip) continue;
      strip.process(params, this.sendScratch, context, frames);
      if (strip.faultedInsert >= 0) {
        this.deviceFaults++;
        this.deviceFaultChannel = this.strips.indexOf(strip);
        this.deviceFaultInsert = strip.faultedInsert;
      }
    }
    if (split?.helper) exchangeGroupSums(split, frames);
    const taps = this.stemTaps;
    if (taps) {
      for (let t = 0; t < taps.length; t++) {
        const tap = taps[t] as StemTap & { readonly source: StereoBlock };
        for (let i = 0; i < frames; i++) {
          tap.left[at + i] = tap.source.left[i] as number;
          tap.right[at + i] = tap.source.right[i] as number;
        }
      }
    }
    const master = this.master;
    for (let i = 0; i < frames; i++) {
      left[at + i] = (master ? (master.left[i] as number) : 0) + (click[i] as number);
      right[at + i] = (master ? (master.right[i] as number) : 0) + (click[i] as number);
    }
    split?.exchange.segmentDone();
  }

  /**
   * Compiles the routing: a parameter table with a slot per channel, send and device parameter
   * (at the value `initial` gives; else carried over, ramp and all, when it stays; else the
   * default), strips
   * (kept with their meters and devices by id), the processing order and the delays that align
   * parallel paths. A loop is refused (the document never holds one) and the old graph stays.
   */
  private setMixer(mixer: EngineMixer, initial: readonly EngineParam[]): void {
    const owners: ParamOwner[] = [];
    let claimed = 0;
    const claim = (id: string, specs: ParamOwner['specs']) => {
      owners.push({ id, base: claimed, specs });
      claimed += specs.length;
      return claimed - specs.length;
    };
    const oldStrips = new Map(this.strips.map((strip) => [strip.id, strip]));
    const oldInserts = new Map(this.strips.flatMap((strip) => strip.inserts.map((insert) => [insert.id, insert] as const)));
    const table = () => this.params;
    const strips = mixer.channels.map((channel) => {
      const base = claim(channel.id, channelParams);
      const fader = { gain: base, pan: base + 1, mute: base + 2 };
      const strip = oldStrips.get(channel.id) ?? new ChannelStrip(channel, this.sampleRate, fader);
      strip.channel = channel;
      strip.fader = fader;
      strip.metered = this.metered;
      return strip;
    });
    const insertPlans = mixer.channels.map((channel) =>
      channel.inserts.map((device) => {
        const base = claim(device.id, deviceCatalog[device.type].params);
        const kept = oldInserts.get(device.id);
        const keeps = kept !== undefined && kept.type === device.type;
        // A device the guard switched off stays off until the user bypasses it and turns it back on.
        const faulted = keeps && kept.faulted && !kept.bypass && !device.bypass;
        return { device, base, faulted, processor: keeps ? kept.processor : createDeviceProcessor(device.type, this.sampleRate) };
      }),
    );
    const sendBases = mixer.channels.map((channel) => channel.sends.map((send) => claim(send.id, sendParams)));
    const instrumentBases = mixer.channels.map((channel) => (channel.instrument ? claim(channel.instrument.id, instrumentCatalog[channel.instrument.type].params) : -1));
    const compiled = compileGraph(mixer, (index) => (insertPlans[index] ?? []).reduce((sum, plan) => sum + plan.processor.latencyFrames, 0));
    if (compiled.loop) return;
    const { graph } = compiled;

    const params = new ParamTable(owners, this.sampleRate);
    const given = new Uint8Array(params.count);
    for (const param of initial) {
      const slot = params.index(param.target, param.param);
      if (slot < 0) continue;
      params.jump(slot, param.value);
      given[slot] = 1;
    }
    for (const owner of owners) {
      owner.specs.forEach((spec, i) => {
        const slot = owner.base + i;
        const old = table().index(owner.id, spec.id);
        if (given[slot] === 1) return;
        else if (old >= 0) params.carry(slot, table(), old);
        else params.jump(slot, spec.default);
      });
    }
    strips.forEach((strip, index) => {
      strip.inserts = (insertPlans[index] ?? []).map(
        (plan): InsertSlot => ({
          id: plan.device.id,
          type: plan.device.type,
          bypass: plan.device.bypass,
          faulted: plan.faulted,
          processor: plan.processor,
          params: new ParamView(params, plan.base, deviceCatalog[plan.device.type].params.length),
          bypassDelay: plan.processor.latencyFrames > 0 ? new StereoDelay(plan.processor.latencyFrames) : null,
          sidechain: plan.device.sidechain === null ? null : (strips.find((candidate) => candidate.id === plan.device.sidechain) ?? null),
        }),
      );
      const output = graph.outputs[index];
      const target = output ? strips[output.to] : undefined;
      strip.output = target ? { target, delay: delayOf(output?.delay ?? 0) } : null;
      strip.sends = (graph.sends[index] ?? []).flatMap((connection): SendSlot[] => {
        const to = strips[connection.to];
        const send = strip.channel.sends[connection.send];
        const level = sendBases[index]?.[connection.send];
        return to && send && level !== undefined ? [{ level, pre: send.tap === 'pre', target: to, delay: delayOf(connection.delay) }] : [];
      });
      strip.audible = graph.audible[index] ?? true;
    });
    this.params = params;
    this.automation.bind(params, this.playhead, this.playing);
    this.strips = strips;
    this.order = graph.order.flatMap((index) => strips[index] ?? []);
    this.split = null;
    this.master = strips.find((strip) => strip.channel.kind === 'master') ?? null;
    this.latency = graph.outputLatency;
    this.masterInputLatency = graph.masterInputLatency;
    const hosts = new Map<string, InstrumentHost>();
    strips.forEach((strip, index) => {
      const instrument = strip.channel.instrument;
      const base = instrumentBases[index] ?? -1;
      if (!instrument || base < 0) return;
      hosts.set(strip.id, this.hostFor(strip.id, instrument, new ParamView(params, base, instrumentCatalog[instrument.type].params.length)));
    });
    // A swapped or removed instrument goes silent at once: nothing of it can hang on.
    for (const [trackId, host] of this.hosts) if (hosts.get(trackId) !== host) host.processor.reset();
    this.hosts = hosts;
    this.tracks = strips.flatMap((strip, index) => {
      if (strip.channel.kind !== 'track') {
        strip.content = null;
        return [];
      }
      const pads = (graph.padRoutes[index] ?? []).flatMap((route): PadFeed[] => {
        const target = strips[route.to];
        return target ? [{ output: route.output, target, delay: delayOf(route.delay) }] : [];
      });
      const content = this.contentOf(strip.id);
      strip.content = content;
      return [{ strip, content, host: hosts.get(strip.id) ?? null, pads }];
    });
    this.group = this.placeGroup(mixer.channels);
    if (this.stemTaps) this.tapMasterFeeds();
    const trackIds = new Set(this.tracks.map((track) => track.strip.id));
    for (const id of [...this.contents.keys()]) {
      if (!trackIds.has(id)) {
        this.contents.delete(id);
        this.clips.delete(id);
      }
    }
    for (const id of [...this.noteClips.keys()]) if (!hosts.has(id)) this.noteClips.delete(id);
    this.placeMonitoring();
  }

  /**
   * Picks the split group for the new routing (`splitGroup`) and moves its tracks, in track order,
   * to the front of the processing order, split render or not (none of them has an input: see
   * `canSplitOff`).
   */
  private placeGroup(channels: EngineMixer['channels']): ReadonlySet<string> {
    const padTargets = new Set(this.tracks.flatMap((track) => track.pads.map((pad) => pad.target)));
    const splittable = this.tracks.filter((track) => canSplitOff(track.strip, track.host !== null, this.strips, padTargets)).map((track) => track.strip.id);
    const group = splitGroup(channels, splittable);
    const grouped = this.tracks.flatMap((track) => (group.has(track.strip.id) ? [track.strip] : []));
    this.order = [...grouped, ...this.order.filter((strip) => !group.has(strip.id))];
    return group;
  }

  /** The contents of the monitored tracks that exist. */
  private placeMonitoring(): void {
    const ids = new Set(this.monitor?.tracks ?? []);
    this.monitored = this.tracks.filter((track) => ids.has(track.strip.id)).map((track) => track.content);
  }

  /**
   * The host of a track's instrument: the one it had when the instrument (id and type) stays, with
   * its voices sounding on; else a new one with its notes scheduled. Either way it (re)loads the
   * zone or pads, and reads the new parameter table.
   */
  private hostFor(trackId: string, instrument: EngineInstrument, params: ParamView): InstrumentHost {
    const old = this.hosts.get(trackId);
    const keeps = old !== undefined && old.instrument.id === instrument.id && old.instrument.type === instrument.type;
    const host = keeps ? old : new InstrumentHost(instrument, createInstrument(instrument.type, this.sampleRate), params);
    host.instrument = instrument;
    host.params = params;
    host.processor.load(instrument, this.pool);
    if (!keeps) {
      host.schedule = NoteSchedule.build(this.noteClips.get(trackId) ?? [], this.clock, this.sampleRate);
      host.schedule.seek(this.playhead);
    }
    return host;
  }

  /** Schedules a track's note clips anew, from the playhead; what its clips sounded is released. */
  private reschedule(trackId: string): void {
    const host = this.hosts.get(trackId);
    if (!host) return;
    host.schedule = NoteSchedule.build(this.noteClips.get(trackId) ?? [], this.clock, this.sampleRate);
    host.schedule.seek(this.playhead);
    host.releaseScheduled();
  }

  private reloadInstruments(): void {
    for (const host of this.hosts.values()) host.processor.load(host.instrument, this.pool);
  }

  /** Every instrument releases all its notes, live ones too: stop (indexed loops: this runs on the audio thread). */
  private allNotesOff(): void {
    const tracks = this.tracks;
    for (let t = 0; t < tracks.length; t++) tracks[t]?.host?.allNotesOff();
  }

  /** Every instrument releases the notes its clips started: seek and loop wrap (notes played live sound on). */
  private releaseScheduledNotes(): void {
    const tracks = this.tracks;
    for (let t = 0; t < tracks.length; t++) tracks[t]?.host?.releaseScheduled();
  }

  /** The note schedules hand out events from the playhead on. */
  private seekNotes(): void {
    const tracks = this.tracks;
    for (let t = 0; t < tracks.length; t++) tracks[t]?.host?.schedule.seek(this.playhead);
  }

  private contentOf(trackId: string): TrackContent {
    let content = this.contents.get(trackId);
    if (!content) {
      content = new TrackContent();
      content.voices = this.voicesOf(this.clips.get(trackId) ?? []);
      this.contents.set(trackId, content);
    }
    return content;
  }

  private rebuildVoices(affects: (clip: EngineClip) => boolean): void {
    for (const [trackId, clips] of this.clips) {
      if (clips.some(affects)) this.contentOf(trackId).voices = this.voicesOf(clips);
    }
  }

  /** Voices for the clips whose samples are in the pool; the others stay silent until they arrive. */
  private voicesOf(clips: readonly EngineClip[]): (ClipVoice | WarpedVoice)[] {
    const voices: (ClipVoice | WarpedVoice)[] = [];
    for (const clip of clips) {
      const sample = this.pool.get(clip.sampleId);
      if (!sample) continue;
      if (clip.warp) voices.push(new WarpedVoice(clip, clip.warp, sample, this.clock, this.sampleRate));
      else voices.push(new ClipVoice(clip, sample, this.clock, this.sampleRate));
    }
    return voices;
  }

  private placeLoop(): void {
    const range = this.loopBeats;
    if (!range || range.end <= range.start) {
      this.loop = null;
      return;
    }
    const rate = hertz(this.sampleRate);
    this.loop = { start: this.clock.frameAt(beats(range.start), rate), end: this.clock.frameAt(beats(range.end), rate) };
  }

  private resetPeakHold(): void {
    this.outputMeters[0].resetHold();
    this.outputMeters[1].resetHold();
    for (const strip of this.strips) {
      strip.meters[0].resetHold();
      strip.meters[1].resetHold();
    }
  }
}

function delayOf(frames: number): StereoDelay | null {
  return frames > 0 ? new StereoDelay(frames) : null;
}

interface Split {
  readonly exchange: SplitExchange;
  readonly helper: boolean;
  /** Per track (track order): 1 when this side renders its content. */
  readonly renders: Uint8Array;
  /** How many channels at the front of the processing order are the group's tracks. */
  readonly groupEnd: number;
  /** What the group adds into (`groupTargets`): the blocks handed over, in this order. */
  readonly targets: readonly ChannelStrip[];
}

/**
 * The group's sums: the helper hands each target's block over once it has processed the group;
 * the main render adds them into its cleared targets (0 + x = x: the very sums) in their place.
 */
function exchangeGroupSums(split: Split, frames: number): void {
  const { exchange, targets } = split;
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t] as ChannelStrip;
    if (split.helper) {
      exchange.put(target.left, frames);
      exchange.put(target.right, frames);
    } else {
      exchange.addInto(target.left, frames);
      exchange.addInto(target.right, frames);
    }
  }
}

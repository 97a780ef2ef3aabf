import type { AutomatableParam } from '../../src/model/automation-params';
import { writeRecordedStretch, type RecordedValue } from '../../src/model/automation-write';
import { laneValueAt } from '../../src/model/lane-values';
import type { Project } from '../../src/model/project-schema';
import type { EngineCommand, LoopRange } from '../../src/protocol/engine';

/**
 * How moving a control while the transport plays writes automation (as in Pro Tools and Logic):
 * - `read`: lanes play; a control sets the parameter's value in the document, as when stopped.
 * - `touch`: a control writes its lane while it is held; on release the lane plays again.
 * - `latch`: like touch, but after release the last value goes on being written until the
 *   transport stops.
 * - `write`: a control moved during the pass writes its lane from where the pass started (the
 *   value it had there up to the first move) until the transport stops.
 */
export const automationModes = ['read', 'touch', 'latch', 'write'] as const;
export type AutomationMode = (typeof automationModes)[number];

/** What the recorder needs from the app: the heard playhead, the loop, the engine. */
export interface RecorderHost {
  /** The automation mode of the channel `param` belongs to. */
  readonly mode: (param: AutomatableParam) => AutomationMode;
  /** Where the transport is heard now, in beats; null when it is stopped. */
  readonly playheadBeat: () => number | null;
  readonly loop: () => LoopRange | null;
  readonly send: (command: EngineCommand) => void;
}

/** A pause between two values of a control longer than this (in beats) is written as a hold, not a ramp. */
const holdGapBeats = 0.5;

interface Stretch {
  from: number;
  to: number | null;
  values: RecordedValue[];
}

interface Take {
  readonly param: AutomatableParam;
  readonly stretches: Stretch[];
  touching: boolean;
  last: number;
}

/**
 * One pass of automation writing: the values controls sent while the transport played, per
 * parameter, cut into stretches where the loop wrapped. While a parameter is written, the
 * engine's lane yields to the control (`write-automation`). `finish` turns the pass into one
 * document change (one undo step) and hands every parameter back to its lane.
 */
export class AutomationRecorder {
  private readonly takes = new Map<string, Take>();
  /** Where the pass began, in beats (Write mode writes from there). */
  private passStart = 0;

  constructor(private readonly host: RecorderHost) {}

  /** The transport started at `beat`: a new pass. */
  start(beat: number): void {
    this.takes.clear();
    this.passStart = beat;
  }

  /**
   * A control of `param` holds `value` now (a drag move, a key, a double-click). Returns false
   * when nothing is written (Read mode, stopped): the caller sets the value as usual.
   */
  touch(param: AutomatableParam, project: Project, value: number): boolean {
    const beat = this.host.playheadBeat();
    const mode = this.host.mode(param);
    if (beat === null || mode === 'read') return false;
    const key = `${param.target}\u0000${param.param}`;
    let take = this.takes.get(key);
    if (!take) {
      take = { param, stretches: [], touching: false, last: value };
      this.takes.set(key, take);
    }
    const open = take.stretches.at(-1);
    if (!take.touching && (!open || open.to !== null)) {
      this.host.send({ type: 'write-automation', target: param.target, param: param.param, writing: true });
      const lane = project.automation.find((candidate) => candidate.target === param.target && candidate.param === param.param);
      const from = mode === 'write' && take.stretches.length === 0 ? this.writeStart(beat) : beat;
      const before = laneValueAt(lane?.points ?? [], param.spec, from, param.value);
      take.stretches.push({ from, to: null, values: from < beat ? [{ beat: from, value: before }] : [] });
      take.last = before;
    }
    take.touching = true;
    this.record(take, beat, value);
    take.last = value;
    this.host.send({ type: 'set-param', target: param.target, param: param.param, value });
    return true;
  }

  /** The control of `param` was let go: Touch hands the parameter back to its lane, Latch and Write go on writing its last value. */
  release(param: AutomatableParam): void {
    const take = this.takes.get(`${param.target}\u0000${param.param}`);
    if (!take?.touching) return;
    take.touching = false;
    if (this.host.mode(take.param) !== 'touch') return;
    const beat = this.host.playheadBeat();
    if (beat !== null) this.record(take, beat, take.last);
    this.close(take, beat);
  }

  /**
   * The value parameter `target`/`param` is being written with (held, or latched after a
   * release in Latch and Write), or undefined when its lane plays: what its control shows.
   */
  writtenValue(target: string, param: string): number | undefined {
    const take = this.takes.get(`${target}\u0000${param}`);
    return take && take.stretches.at(-1)?.to === null ? take.last : undefined;
  }

  /**
   * The transport stopped at `beat`: every stretch still open ends there, the recorded values go
   * into the document (`project` → the result, one undo step for the caller), and the lanes take
   * their parameters back. Null when nothing was written.
   */
  finish(project: Project, beat: number): Project | null {
    let next = project;
    for (const take of this.takes.values()) {
      const open = take.stretches.at(-1);
      if (open && open.to === null) {
        this.record(take, beat, take.last);
        this.close(take, beat);
      }
      for (const stretch of take.stretches) {
        const { target, param, spec, value: held } = take.param;
        if (stretch.to !== null) next = writeRecordedStretch(next, { target, param, spec, held, from: stretch.from, to: stretch.to, values: stretch.values });
      }
    }
    this.takes.clear();
    return next === project ? null : next;
  }

  /** Write mode: from the pass's start, or the loop's start when the loop has wrapped since. */
  private writeStart(beat: number): number {
    if (beat >= this.passStart) return this.passStart;
    return this.host.loop()?.start ?? beat;
  }

  /**
   * Adds a value at `beat`. The control held its last value since the last one, so a pause
   * longer than `holdGapBeats` is kept as a hold; a beat before the last one means the loop
   * wrapped: the stretch ends at the loop's end and a new one starts at the loop's start.
   */
  private record(take: Take, beat: number, value: number): void {
    let stretch = take.stretches.at(-1);
    if (!stretch || stretch.to !== null) return;
    const lastBeat = stretch.values.at(-1)?.beat ?? stretch.from;
    if (beat < lastBeat) {
      const loop = this.host.loop();
      const end = loop && loop.end >= lastBeat ? loop.end : lastBeat;
      stretch.values.push({ beat: end, value: take.last });
      stretch.to = end;
      const start = loop && loop.start <= beat ? loop.start : beat;
      stretch = { from: start, to: null, values: [{ beat: start, value: take.last }] };
      take.stretches.push(stretch);
    }
    const previous = stretch.values.at(-1);
    if (previous && beat - previous.beat > holdGapBeats) stretch.values.push({ beat, value: take.last });
    const values = stretch.values;
    // Two values on one beat make a step; a third only updates where the step goes.
    if (values.length >= 2 && values.at(-1)?.beat === beat && values.at(-2)?.beat === beat) values[values.length - 1] = { beat, value };
    else values.push({ beat, value });
  }

  /** Ends the open stretch at `beat` and gives the parameter back to its lane (and to its document value, should the lane not exist). */
  private close(take: Take, beat: number | null): void {
    const stretch = take.stretches.at(-1);
    if (!stretch || stretch.to !== null) return;
    stretch.to = Math.max(stretch.from, beat ?? stretch.values.at(-1)?.beat ?? stretch.from);
    const { target, param, value } = take.param;
    this.host.send({ type: 'write-automation', target, param, writing: false });
    this.host.send({ type: 'set-param', target, param, value });
  }
}

import { describe, expect, it } from 'vitest';
import { automatableParams } from '../../../src/model/automation-params';
import { laneValueAt } from '../../../src/model/lane-values';
import { addAutomationPoint } from '../../../src/model/edits/automation-edits';
import { applyEdit, emptyHistory, undo } from '../../../src/model/history';
import type { Project } from '../../../src/model/project-schema';
import type { EngineCommand, LoopRange } from '../../../src/protocol/engine';
import { AutomationRecorder, type AutomationMode } from '../../../renderer/state/automation-recorder';
import { expectValid, project } from '../model/edits/helpers';

/** A recorder driven by hand: the test moves the playhead and the mode. */
function rig(mode: AutomationMode, loop: LoopRange | null = null) {
  const host = { mode, beat: 0 as number | null, loop, sent: [] as EngineCommand[] };
  const recorder = new AutomationRecorder({ mode: () => host.mode, playheadBeat: () => host.beat, loop: () => host.loop, send: (command) => host.sent.push(command) });
  return { host, recorder };
}

const param = (doc: Project, id: string) => {
  const track = doc.tracks[0];
  const found = track && automatableParams(doc, track).find((candidate) => candidate.param === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

/** Moves the control from `from` to `to` dB over beats [start, end], 30 values a beat (60 a second at 120 BPM). */
function ride(r: ReturnType<typeof rig>, doc: Project, start: number, end: number, from: number, to: number) {
  const volume = param(doc, 'gainDb');
  for (let beat = start; beat <= end + 1e-9; beat += 1 / 30) {
    r.host.beat = beat;
    expect(r.recorder.touch(volume, doc, from + ((to - from) * (beat - start)) / (end - start))).toBe(true);
  }
}

const valueAt = (doc: Project, beat: number) => laneValueAt(doc.automation[0]?.points ?? [], param(doc, 'gainDb').spec, beat, 0);

describe('writing automation from a control while playing', () => {
  it('Read writes nothing and leaves the value to the document', () => {
    const r = rig('read');
    r.recorder.start(0);
    r.host.beat = 1;
    expect(r.recorder.touch(param(project(), 'gainDb'), project(), -6)).toBe(false);
    expect(r.recorder.finish(project(), 2)).toBeNull();
    expect(r.host.sent).toEqual([]);
  });

  it('Touch writes while held, thinned, as one undo step; the lane plays again after release', () => {
    const doc = project();
    const r = rig('touch');
    r.recorder.start(0);
    ride(r, doc, 2, 4, 0, -12);
    expect(r.recorder.writtenValue('t1', 'gainDb')).toBeCloseTo(-12, 9);
    r.host.beat = 4.5;
    r.recorder.release(param(doc, 'gainDb'));
    // Touch gives the parameter back to its lane on release: the control follows the lane again.
    expect(r.recorder.writtenValue('t1', 'gainDb')).toBeUndefined();
    const written = r.recorder.finish(doc, 8);
    if (!written) throw new Error('nothing written');
    expectValid(written);
    expect(valueAt(written, 1)).toBe(0);
    expect(valueAt(written, 3)).toBeCloseTo(-6, 1);
    expect(valueAt(written, 4.25)).toBeCloseTo(-12, 6);
    expect(valueAt(written, 6)).toBe(0);
    // 61 values recorded; the ramp and its ends need a handful of points, not a flood.
    expect(written.automation[0]?.points.length).toBeLessThanOrEqual(6);
    // The engine's lane yielded while the control was held, and took over again on release.
    const writes = r.host.sent.filter((command) => command.type === 'write-automation');
    expect(writes.map((command) => command.type === 'write-automation' && command.writing)).toEqual([true, false]);
    const history = applyEdit(doc, emptyHistory, 'Write Automation', () => written);
    expect(history.history.past).toHaveLength(1);
    expect(undo(history.history)?.document).toBe(doc);
  });

  it('Latch goes on writing the last value after release, until the transport stops', () => {
    const doc = project();
    const r = rig('latch');
    r.recorder.start(0);
    ride(r, doc, 2, 3, 0, -10);
    r.recorder.release(param(doc, 'gainDb'));
    // Let go, the control shows the latched value, not the lane's old one (no flash back).
    expect(r.recorder.writtenValue('t1', 'gainDb')).toBeCloseTo(-10, 9);
    const written = r.recorder.finish(doc, 7);
    expect(r.recorder.writtenValue('t1', 'gainDb')).toBeUndefined();
    if (!written) throw new Error('nothing written');
    expect(valueAt(written, 6.9)).toBeCloseTo(-10, 6);
    expect(valueAt(written, 7.5)).toBe(0);
  });

  it('Write writes from where the pass started, holding the value the control had there until it moved', () => {
    let doc = project();
    doc = addAutomationPoint(doc, { target: 't1', param: 'gainDb' }, param(doc, 'gainDb').spec, 0, -3).project;
    const r = rig('write');
    r.recorder.start(1);
    ride(r, doc, 4, 5, -3, -9);
    const written = r.recorder.finish(doc, 6);
    if (!written) throw new Error('nothing written');
    expect(valueAt(written, 0.5)).toBe(-3);
    expect(valueAt(written, 2)).toBeCloseTo(-3, 6);
    expect(valueAt(written, 4.5)).toBeCloseTo(-6, 1);
    expect(valueAt(written, 5.5)).toBeCloseTo(-9, 6);
  });

  it('cuts the pass where the loop wraps, writing both laps', () => {
    const doc = project();
    const r = rig('latch', { start: 0, end: 4 });
    r.recorder.start(0);
    ride(r, doc, 2, 3.9, 0, -6);
    r.host.beat = 1;
    r.recorder.touch(param(doc, 'gainDb'), doc, -20);
    r.recorder.release(param(doc, 'gainDb'));
    const written = r.recorder.finish(doc, 1.5);
    if (!written) throw new Error('nothing written');
    expect(valueAt(written, 3)).toBeCloseTo(-3.2, 1);
    expect(valueAt(written, 0.5)).toBeCloseTo(-6, 6);
    expect(valueAt(written, 1.2)).toBeCloseTo(-20, 6);
  });
});

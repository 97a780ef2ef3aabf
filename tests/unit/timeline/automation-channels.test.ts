import { describe, expect, it } from 'vitest';
import { findAutomatable, type AutomatableParam } from '../../../src/model/automation-params';
import { laneValueAt } from '../../../src/model/lane-values';
import type { Project } from '../../../src/model/project-schema';
import type { EngineCommand } from '../../../src/protocol/engine';
import { AutomationRecorder, type AutomationMode } from '../../../renderer/state/automation-recorder';
import { expectValid, mixerProject } from '../model/edits/helpers';

/** A recorder whose modes are per channel, as the track headers and mixer strips set them. */
function rig(modes: Record<string, AutomationMode>) {
  const host = { beat: 0 as number | null, sent: [] as EngineCommand[] };
  const recorder = new AutomationRecorder({
    mode: (param) => modes[param.channel] ?? 'read',
    playheadBeat: () => host.beat,
    loop: () => null,
    send: (command) => host.sent.push(command),
  });
  return { host, recorder };
}

function found(doc: Project, target: string, param: string): AutomatableParam {
  const automatable = findAutomatable(doc, target, param);
  if (!automatable) throw new Error(`${target}/${param} is not automatable`);
  return automatable;
}

/** Moves `param` from `from` to `to` over beats [start, end], ten values a beat, then lets go. */
function ride(r: ReturnType<typeof rig>, doc: Project, param: AutomatableParam, start: number, end: number, from: number, to: number): boolean[] {
  const taken: boolean[] = [];
  for (let beat = start; beat <= end + 1e-9; beat += 0.1) {
    r.host.beat = beat;
    taken.push(r.recorder.touch(param, doc, from + ((to - from) * (beat - start)) / (end - start)));
  }
  r.recorder.release(param);
  return taken;
}

const laneValue = (doc: Project, param: AutomatableParam, beat: number) =>
  laneValueAt(doc.automation.find((lane) => lane.target === param.target && lane.param === param.param)?.points ?? [], param.spec, beat, Number.NaN);

describe('automation modes per channel, and writing on buses and the master', () => {
  it('finds every parameter of a bus and the master with the channel it belongs to (the master has no mute)', () => {
    const doc = mixerProject();
    expect(found(doc, 'b1', 'gainDb')).toMatchObject({ channel: 'b1', label: 'Volume', value: 0 });
    expect(found(doc, 'b2', 'mute')).toMatchObject({ channel: 'b2', value: 0 });
    expect(found(doc, 'master', 'pan')).toMatchObject({ channel: 'master', label: 'Pan' });
    expect(findAutomatable(doc, 'master', 'mute')).toBeUndefined();
    expect(found(doc, 'd2', 'width')).toMatchObject({ channel: 'master', label: 'Utility 1: Width', value: 100 });
    // A track's send and insert belong to the track.
    expect(found(doc, 'x1', 'levelDb')).toMatchObject({ channel: 't1', label: 'Send to Reverb', value: -6 });
    expect(found(doc, 'd1', 'ceilingDb')).toMatchObject({ channel: 't1', value: -1 });
  });

  it("a control writes only when its own channel's mode says so", () => {
    const doc = mixerProject();
    const r = rig({ t1: 'touch' });
    r.recorder.start(0);
    // t1's fader and its send write; t2 (Read) and the master (Read) set their values as usual.
    expect(ride(r, doc, found(doc, 't1', 'gainDb'), 1, 2, 0, -6).every(Boolean)).toBe(true);
    expect(ride(r, doc, found(doc, 'x1', 'levelDb'), 1, 2, -6, -12).every(Boolean)).toBe(true);
    expect(ride(r, doc, found(doc, 't2', 'gainDb'), 1, 2, 0, -6).some(Boolean)).toBe(false);
    expect(ride(r, doc, found(doc, 'd2', 'width'), 1, 2, 100, 50).some(Boolean)).toBe(false);
    const written = r.recorder.finish(doc, 4);
    if (!written) throw new Error('nothing written');
    expect(written.automation.map((lane) => `${lane.target}/${lane.param}`).sort()).toEqual(['t1/gainDb', 'x1/levelDb']);
  });

  it("writes a bus's fader and send, and the master's pan and device knob, into valid lanes in one pass", () => {
    const base = mixerProject();
    const doc: Project = { ...base, buses: base.buses.map((bus) => (bus.id === 'b1' ? { ...bus, channel: { ...bus.channel, sends: [{ id: 'x2', target: 'b2', levelDb: -10, tap: 'post' as const }] } } : bus)) };
    const r = rig({ b1: 'latch', master: 'touch' });
    r.recorder.start(0);
    const busFader = found(doc, 'b1', 'gainDb');
    const busSend = found(doc, 'x2', 'levelDb');
    const masterPan = found(doc, 'master', 'pan');
    const masterWidth = found(doc, 'd2', 'width');
    expect(busSend.channel).toBe('b1');
    ride(r, doc, busFader, 1, 2, 0, -12);
    ride(r, doc, busSend, 1, 2, -10, -20);
    ride(r, doc, masterPan, 1, 2, 0, 0.5);
    ride(r, doc, masterWidth, 2, 3, 100, 40);
    // Latch (the bus) holds its last value after release; Touch (the master) hands back to the lane.
    expect(r.recorder.writtenValue('b1', 'gainDb')).toBeCloseTo(-12, 9);
    expect(r.recorder.writtenValue('master', 'pan')).toBeUndefined();
    expect(r.host.sent).toContainEqual({ type: 'write-automation', target: 'master', param: 'pan', writing: false });
    const written = r.recorder.finish(doc, 6);
    if (!written) throw new Error('nothing written');
    expectValid(written);
    expect(laneValue(written, busFader, 1.5)).toBeCloseTo(-6, 1);
    expect(laneValue(written, busFader, 5.5)).toBeCloseTo(-12, 6);
    expect(laneValue(written, busSend, 5.5)).toBeCloseTo(-20, 6);
    expect(laneValue(written, masterPan, 1.5)).toBeCloseTo(0.25, 2);
    expect(laneValue(written, masterPan, 5)).toBe(0);
    expect(laneValue(written, masterWidth, 2.5)).toBeCloseTo(70, 0);
    expect(laneValue(written, masterWidth, 5)).toBe(100);
  });
});

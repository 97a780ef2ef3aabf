import { describe, expect, it } from 'vitest';
import { addWarpMarker, deleteWarpMarker, moveWarpMarker, setClipPitch, setClipSourceTempo, setClipWarpMode } from '../../../../src/model/edits/warp-edits';
import type { AudioClip, Project } from '../../../../src/model/project-schema';
import { compileEngineDocument } from '../../../../src/protocol/engine-document';
import { expectValid, project } from './helpers';

const c3 = { trackId: 't2', clipId: 'c3' };
const clipOf = (doc: Project, id: string) => doc.tracks.flatMap((t) => t.clips).find((c) => c.id === id) as AudioClip;

describe('warp edits', () => {
  it('warps a varispeed clip at rate 1 from the given tempo, keeps pitch only in beats and tonal, and unwarps', () => {
    const tonal = expectValid(setClipWarpMode(project(), [c3], 'tonal', 137));
    expect(clipOf(tonal, 'c3')).toMatchObject({ rate: 1, warp: { mode: 'tonal', sourceTempo: 137, markers: [] } });
    const shifted = expectValid(setClipPitch(tonal, [c3], { transpose: 7.4, detune: 150 }));
    expect(clipOf(shifted, 'c3')).toMatchObject({ transpose: 7, detune: 100 });
    const repitch = expectValid(setClipWarpMode(shifted, [c3], 'repitch', 90));
    expect(clipOf(repitch, 'c3')).toMatchObject({ transpose: 0, detune: 0, warp: { mode: 'repitch', sourceTempo: 137 } });
    expect(setClipPitch(repitch, [c3], { transpose: 3 })).toBe(repitch);
    const plain = expectValid(setClipWarpMode(repitch, [c3], null, 120));
    expect(clipOf(plain, 'c3').warp).toBeUndefined();
    expect(clipOf(expectValid(setClipSourceTempo(tonal, [c3], 5000)), 'c3').warp?.sourceTempo).toBe(999);
  });

  it('adds a marker on the beat its source time plays at, moves its source between its neighbours, deletes it', () => {
    let doc = setClipWarpMode(project(), [c3], 'beats', 120);
    doc = expectValid(addWarpMarker(doc, c3, 1));
    doc = expectValid(addWarpMarker(doc, c3, 0.5));
    expect(clipOf(doc, 'c3').warp?.markers).toEqual([{ source: 0.5, beat: 1 }, { source: 1, beat: 2 }]);
    doc = expectValid(moveWarpMarker(doc, c3, 0, 0.8));
    expect(clipOf(doc, 'c3').warp?.markers[0]).toEqual({ source: 0.8, beat: 1 });
    doc = expectValid(moveWarpMarker(doc, c3, 0, 3));
    expect(clipOf(doc, 'c3').warp?.markers[0]?.source).toBeCloseTo(0.9999, 6);
    doc = expectValid(deleteWarpMarker(doc, c3, 1));
    expect(clipOf(doc, 'c3').warp?.markers).toHaveLength(1);
  });

  it('reaches the engine: warp, transpose and detune travel in the compiled document', () => {
    const doc = setClipPitch(setClipWarpMode(project(), [c3], 'tonal', 100), [c3], { transpose: -5, detune: 12 });
    const engineClip = compileEngineDocument(doc, (id) => id).clips['t2']?.[0];
    expect(engineClip).toMatchObject({ transpose: -5, detune: 12, warp: { mode: 'tonal', sourceTempo: 100, markers: [] } });
  });
});

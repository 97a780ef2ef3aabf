import { describe, expect, it } from 'vitest';
import { chopClipAtBeats } from '../../../../src/model/edits/chop';
import { copyClips, duplicateClipsWithResult, pasteClipsWithResult, renameClips, setClipMute, splitClipsWithResult } from '../../../../src/model/edits/clip-edits';
import { addSourceClip } from '../../../../src/model/edits/source-edits';
import { addTrack } from '../../../../src/model/edits/track-edits';
import { createEmptyProject } from '../../../../src/model/new-project';
import { expectValid, findClip, project, ref } from './helpers';

// In `project()`, c1 is named "Kick loop" and c3 is muted.
const c1 = ref('t1', 'c1');
const c2 = ref('t1', 'c2');
const c3 = ref('t2', 'c3');

describe('renameClips', () => {
  it('names one clip or several, leaving the others untouched', () => {
    const p = project();
    const q = expectValid(renameClips(p, [c2], 'Snare fill'));
    expect(findClip(q, 'c2')).toEqual({ ...findClip(p, 'c2'), name: 'Snare fill' });
    expect(findClip(q, 'c1')).toBe(findClip(p, 'c1'));
    expect(q.tracks[1]).toBe(p.tracks[1]);
    const r = expectValid(renameClips(p, [c1, c3], 'Take 2'));
    expect([findClip(r, 'c1').name, findClip(r, 'c3').name, findClip(r, 'c2').name]).toEqual(['Take 2', 'Take 2', '']);
  });

  it('cuts names to 200 characters; an empty name shows the file name again', () => {
    const p = project();
    expect(findClip(expectValid(renameClips(p, [c2], 'n'.repeat(300))), 'c2').name).toBe('n'.repeat(200));
    expect(findClip(expectValid(renameClips(p, [c1], '')), 'c1').name).toBe('');
  });

  it('returns the same document when nothing changes', () => {
    const p = project();
    expect(renameClips(p, [c1], 'Kick loop')).toBe(p);
    expect(renameClips(p, [ref('t2', 'c1')], 'Stale')).toBe(p);
    expect(renameClips(p, [], 'None')).toBe(p);
  });
});

describe('setClipMute', () => {
  it('mutes and unmutes a multi-selection, touching only clips that change', () => {
    const p = project();
    const muted = expectValid(setClipMute(p, [c1, c2, c3], true));
    expect([findClip(muted, 'c1').mute, findClip(muted, 'c2').mute, findClip(muted, 'c3').mute, findClip(muted, 'c4').mute]).toEqual([true, true, true, false]);
    expect(findClip(muted, 'c3')).toBe(findClip(p, 'c3'));
    expect(findClip(muted, 'c1')).toEqual({ ...findClip(p, 'c1'), mute: true });
    const unmuted = expectValid(setClipMute(muted, [c1, c3], false));
    expect([findClip(unmuted, 'c1').mute, findClip(unmuted, 'c2').mute, findClip(unmuted, 'c3').mute]).toEqual([false, true, false]);
  });

  it('returns the same document when nothing changes', () => {
    const p = project();
    expect(setClipMute(p, [c3], true)).toBe(p);
    expect(setClipMute(p, [c1, c2], false)).toBe(p);
    expect(setClipMute(p, [ref('t9', 'c1')], true)).toBe(p);
  });
});

describe('edits that make clips keep the name and mute of the original', () => {
  it('split: both parts', () => {
    const { project: q, created } = splitClipsWithResult(project(), [c1, c3], 3);
    expectValid(q);
    expect(created).toEqual([ref('t1', 'c5'), ref('t2', 'c6')]);
    expect([findClip(q, 'c1'), findClip(q, 'c5')].map((c) => [c.name, c.mute])).toEqual([
      ['Kick loop', false],
      ['Kick loop', false],
    ]);
    expect([findClip(q, 'c3'), findClip(q, 'c6')].map((c) => [c.name, c.mute])).toEqual([
      ['', true],
      ['', true],
    ]);
  });

  it('duplicate', () => {
    const { project: q } = duplicateClipsWithResult(project(), [c1, c3]);
    expect(findClip(expectValid(q), 'c5')).toMatchObject({ name: 'Kick loop', mute: false });
    expect(findClip(q, 'c6')).toMatchObject({ name: '', mute: true });
  });

  it('chop: every piece', () => {
    const named = setClipMute(project(), [c1], true);
    const { project: q, created } = chopClipAtBeats(named, c1, [1, 2, 3]);
    expectValid(q);
    expect(created).toHaveLength(3);
    for (const id of ['c1', 'c5', 'c6', 'c7']) expect(findClip(q, id)).toMatchObject({ name: 'Kick loop', mute: true });
  });

  it('copy and paste, into the same project or another one', () => {
    const board = copyClips(project(), [c1, c3]);
    const { project: q } = pasteClipsWithResult(project(), board, 16, 't1');
    expect(findClip(expectValid(q), 'c5')).toMatchObject({ name: 'Kick loop', mute: false });
    expect(findClip(q, 'c6')).toMatchObject({ name: '', mute: true });
    const other = pasteClipsWithResult(addTrack(createEmptyProject()), board, 0, 't1').project;
    expect(expectValid(other).tracks.flatMap((t) => t.clips.map((c) => [c.name, c.mute]))).toEqual([
      ['Kick loop', false],
      ['', true],
    ]);
  });

  it('a pasted source brings its hash along', () => {
    const hash = 'ab'.repeat(32);
    const source = { ...project(), sources: { ...project().sources, s1: { path: 'Audio/loop.wav', sha256: hash } } };
    const board = copyClips(source, [c1]);
    const q = expectValid(pasteClipsWithResult(addTrack(createEmptyProject()), board, 0, 't1').project);
    expect(q.sources).toEqual({ s1: { path: 'Audio/loop.wav', sha256: hash } });
  });

  it('a dropped file makes an unnamed, unmuted clip', () => {
    const { project: q } = addSourceClip(createEmptyProject(), { path: '/pack/kick.wav', name: 'kick.wav', durationSeconds: 0.5 }, 0, null);
    expect(expectValid(q).tracks[0]?.clips[0]).toMatchObject({ name: '', mute: false });
  });
});

/** The cross-checks format v4 adds, each broken one at a time in a rich valid project. */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/model/parse-project';
import { ProjectSchema, type AudioClip, type NoteClip, type Project } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import { richProject } from './fixtures';

const file = 'v4.glowroom';

/** The message parseProject gives for `project` after `change`. */
function problemAfter(change: (project: Project) => void): string {
  const project = structuredClone(richProject());
  change(project);
  try {
    parseProject(JSON.stringify({ ...project }), file);
  } catch (error) {
    expect(error).toBeInstanceOf(GlowroomError);
    return (error as GlowroomError).message;
  }
  throw new Error('expected the project to be refused');
}

const trackOf = (project: Project, id: string) => {
  const track = project.tracks.find((candidate) => candidate.id === id);
  if (!track) throw new Error(`no track ${id}`);
  return track;
};
const audioClip = (project: Project, id: string): AudioClip => {
  const clip = project.tracks.flatMap((track) => track.clips).find((candidate) => candidate.id === id);
  if (clip?.kind !== 'audio') throw new Error(`no audio clip ${id}`);
  return clip;
};
const noteClip = (project: Project, id: string): NoteClip => {
  const clip = project.tracks.flatMap((track) => track.clips).find((candidate) => candidate.id === id);
  if (clip?.kind !== 'notes') throw new Error(`no note clip ${id}`);
  return clip;
};
const drums = (project: Project) => {
  const instrument = trackOf(project, 't4').instrument;
  if (instrument?.type !== 'drums') throw new Error('t4 holds no drum machine');
  return instrument;
};
const sampler = (project: Project) => {
  const instrument = trackOf(project, 't5').instrument;
  if (instrument?.type !== 'sampler') throw new Error('t5 holds no sampler');
  return instrument;
};

describe('format v4: the rich project', () => {
  it('is valid, with instruments, note clips, patterns, warp, takes, tempo and meter changes and a key', () => {
    expect(ProjectSchema.safeParse(richProject()).success).toBe(true);
  });
});

describe('format v4: clips and tracks', () => {
  it('keeps note clips on instrument tracks and audio clips off them', () => {
    expect(problemAfter((p) => void trackOf(p, 't3').clips.push({ ...noteClip(p, 'n1'), id: 'n9' }))).toBe(
      `${file}: tracks[2].clips[0].kind: a note clip needs an instrument track (this track has no instrument; move the clip to one)`,
    );
    expect(problemAfter((p) => void trackOf(p, 't6').clips.push({ ...audioClip(p, 'c1'), id: 'c9' }))).toBe(`${file}: tracks[5].clips[2].kind: an audio clip cannot be on an instrument track (move it to an audio track)`);
  });

  it('needs the pattern a note clip plays', () => {
    expect(problemAfter((p) => void (noteClip(p, 'n3').pattern = 'p9'))).toBe(`${file}: tracks[4].clips[0].pattern: no pattern "p9" in "patterns"`);
  });

  it('keeps a take group on one track, one clip per pass', () => {
    expect(problemAfter((p) => void (audioClip(p, 'c1').take = { group: 'g1', pass: 3 }))).toBe(
      `${file}: tracks[1].clips[3].take.group: the take group "g1" is on another track already (a group's takes share one track)`,
    );
    expect(problemAfter((p) => void (audioClip(p, 'c7').take = { group: 'g1', pass: 2 }))).toBe(`${file}: tracks[1].clips[4].take.pass: a second take 2 in the group "g1" (each pass is one take)`);
  });

  it('plays a warped clip at rate 1 and shifts pitch only in beats and tonal modes', () => {
    expect(problemAfter((p) => void (audioClip(p, 'c6').rate = 2))).toBe(`${file}: tracks[1].clips[3].rate: must be 1 for a warped clip, which follows the tempo instead (got 2)`);
    expect(problemAfter((p) => void (audioClip(p, 'c7').transpose = 3))).toMatch(/tracks\[1\]\.clips\[4\]\.transpose: must be 0 unless the clip is warped in beats or tonal mode/);
    expect(problemAfter((p) => void (audioClip(p, 'c1').detune = 5))).toMatch(/tracks\[0\]\.clips\[0\]\.detune: must be 0 unless/);
    const beats = structuredClone(richProject());
    const warped = audioClip(beats, 'c6');
    warped.warp = { mode: 'beats', sourceTempo: 120, markers: [] };
    expect(ProjectSchema.safeParse(beats).success).toBe(true);
  });

  it('wants warp markers strictly increasing by source time and by beat', () => {
    expect(problemAfter((p) => void audioClip(p, 'c6').warp?.markers.push({ source: 2, beat: 8 }))).toMatch(/warp\.markers\[2\]: warp markers \(by source time\) must be sorted/);
    expect(problemAfter((p) => void audioClip(p, 'c6').warp?.markers.push({ source: 9, beat: 4 }))).toMatch(/warp\.markers\[2\]: warp markers \(by beat\) must be sorted/);
  });
});

describe('format v4: instruments', () => {
  it('puts instrument ids in the mixer id space, so automation reaches their parameters', () => {
    expect(problemAfter((p) => void (trackOf(p, 't6').instrument!.id = 'b2'))).toMatch(/tracks\[5\]\.instrument\.id: the id "b2" is taken/);
    expect(problemAfter((p) => void (p.automation[3]!.param = 'bogus'))).toMatch(/automation\[3\]\.param: "i3" has no parameter "bogus"/);
  });

  it('validates parameters against the catalog and holds exactly 16 pads', () => {
    expect(problemAfter((p) => void (trackOf(p, 't6').instrument!.params['cutoffHz'] = 5))).toBe(`${file}: tracks[5].instrument.params.cutoffHz: must be between 20 and 20000 Hz (got 5)`);
    expect(problemAfter((p) => void (trackOf(p, 't6').instrument!.params['wobble'] = 1))).toMatch(/instrument\.params\.wobble: Synth has no parameter "wobble"/);
    expect(problemAfter((p) => void drums(p).pads.pop())).toBe(`${file}: tracks[3].instrument.pads must have exactly 16 items (got an array of 15 items)`);
    expect(problemAfter((p) => void (drums(p).pads[2]!.params['choke'] = 9))).toMatch(/pads\[2\]\.params\.choke: must be between 0 and 8 enum \(got 9\)/);
  });

  it('needs the sources instruments play, and pad outputs that are buses', () => {
    expect(problemAfter((p) => void (drums(p).pads[0]!.source = 'gone'))).toBe(`${file}: tracks[3].instrument.pads[0].source: no source "gone" in "sources"`);
    expect(problemAfter((p) => void (sampler(p).zone!.source = 'gone'))).toBe(`${file}: tracks[4].instrument.zone.source: no source "gone" in "sources"`);
    expect(problemAfter((p) => void (drums(p).pads[1]!.output = 't1'))).toMatch(/pads\[1\]\.output: no bus "t1" for the pad's output/);
  });

  it('refuses a routing loop through a pad output', () => {
    // The beat's kick pad plays into the reverb bus, and a compressor on the beat listens to that bus.
    expect(
      problemAfter((p) => {
        trackOf(p, 't4').channel.inserts.push({ id: 'd9', type: 'compressor', bypass: false, params: { ...trackOf(p, 't3').channel.inserts[0]!.params }, sidechain: 'b1' });
      }),
    ).toMatch(/the routing makes a loop: /);
  });

  it('keeps a sampler zone inside its sample: start before end, loop and slices within', () => {
    expect(problemAfter((p) => void (sampler(p).zone!.end = 0.05))).toMatch(/zone\.end: must be after the start/);
    expect(problemAfter((p) => void (sampler(p).zone!.loopEnd = 0.5))).toMatch(/zone\.loopEnd: must lie between the loop start and the end/);
    expect(problemAfter((p) => void (sampler(p).zone!.slices = [0.6, 0.1]))).toMatch(/zone\.slices\[1\]: slices must be sorted/);
    expect(problemAfter((p) => void (sampler(p).zone!.rootNote = 126))).toMatch(/zone\.slices: has 3 slices from key 126, past the top key 127/);
  });
});

describe('format v4: patterns and timing', () => {
  it('keeps notes sorted by start then pitch, inside the pattern, with velocity above 0', () => {
    expect(problemAfter((p) => void p.patterns['p1']!.notes.reverse())).toMatch(/patterns\.p1\.notes\[1\]: notes must be sorted \(pitch 38 at beat 0\.25 comes after pitch 36 at beat 1\)/);
    expect(problemAfter((p) => void (p.patterns['p2']!.notes[1]!.start = 4))).toMatch(/patterns\.p2\.notes\[1\]\.start: must be before the pattern's end at beat 4 \(got 4\)/);
    expect(problemAfter((p) => void (p.patterns['p2']!.notes[0]!.velocity = 0))).toBe(`${file}: patterns.p2.notes[0].velocity must be a positive number (got 0)`);
    expect(problemAfter((p) => void (p.patterns['p2']!.notes[0]!.ratchet = 9))).toBe(`${file}: patterns.p2.notes[0].ratchet must be at most 8 (got 9)`);
  });

  it('checks swing and the step grid', () => {
    expect(problemAfter((p) => void (p.swing = 80))).toBe(`${file}: swing must be at most 75 (got 80)`);
    expect(problemAfter((p) => void (p.patterns['p1']!.stepGrid!.rowSteps['128'] = 4))).toMatch(/rowSteps/);
    expect(problemAfter((p) => void (p.patterns['p1']!.stepGrid!.rowSteps['36'] = 65))).toBe(`${file}: patterns.p1.stepGrid.rowSteps["36"] must be at most 64 (got 65)`);
  });

  it('wants tempo changes after beat 0, sorted and one per beat; meter changes from bar 1, sorted and one per bar', () => {
    expect(problemAfter((p) => void p.tempoChanges.reverse())).toMatch(/tempoChanges\[1\]: tempo changes must be sorted, each after the one before \(beat 64 comes after beat 96\.5\)/);
    expect(problemAfter((p) => void p.tempoChanges.push({ beat: 96.5, bpm: 100, ramp: false }))).toMatch(/tempoChanges\[2\]: tempo changes must be sorted, each after the one before/);
    expect(problemAfter((p) => void (p.tempoChanges[0]!.beat = 0))).toBe(`${file}: tempoChanges[0].beat must be a positive number (got 0)`);
    expect(problemAfter((p) => void p.meterChanges.push({ bar: 8, timeSignature: [4, 4] }))).toMatch(/meterChanges\[1\]: meter changes must be sorted/);
    expect(problemAfter((p) => void (p.meterChanges[0]!.bar = 0))).toBe(`${file}: meterChanges[0].bar must be at least 1 (got 0)`);
    expect(problemAfter((p) => void (p.key = { tonic: 12, mode: 'minor' }))).toBe(`${file}: key.tonic must be at most 11 (got 12)`);
  });
});

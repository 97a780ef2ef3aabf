import { describe, expect, it } from 'vitest';
import { fileName } from '../../../src/std/file-name';
import { folderLinks, rankCandidates, unambiguousLinks, type RelinkCandidate } from '../../../renderer/ui/project/relink-candidates';

const hash = 'c'.repeat(64);

describe('what the missing-audio dialog offers', () => {
  it('ranks files with the same content before files with the same name, each path once', () => {
    expect(rankCandidates(['/lib/take 3.wav', '/lib/take 3.wav'], ['/old/vox.wav', '/lib/take 3.wav'])).toEqual([
      { path: '/lib/take 3.wav', match: 'content' },
      { path: '/old/vox.wav', match: 'name' },
    ]);
    expect(rankCandidates([], [])).toEqual([]);
  });

  it('relinks in one click only sources with exactly one match of the kind; by name only where no content match exists', () => {
    const offered = new Map<string, RelinkCandidate[]>([
      ['s1', [{ path: '/a/one.wav', match: 'content' }]],
      ['s2', [{ path: '/a/two.wav', match: 'content' }, { path: '/b/two.wav', match: 'content' }]],
      ['s3', [{ path: '/a/three.wav', match: 'name' }]],
      ['s4', [{ path: '/a/four.wav', match: 'name' }, { path: '/b/four.wav', match: 'name' }]],
      ['s5', []],
      ['s6', [{ path: '/a/six.wav', match: 'content' }, { path: '/b/six.wav', match: 'name' }]],
    ]);
    expect(unambiguousLinks(offered, 'content')).toEqual([
      { sourceId: 's1', path: '/a/one.wav' },
      { sourceId: 's6', path: '/a/six.wav' },
    ]);
    expect(unambiguousLinks(offered, 'name')).toEqual([{ sourceId: 's3', path: '/a/three.wav' }]);
  });

  it('takes from a folder search the file with the same content over the one with the same name', () => {
    const lost = [
      { sourceId: 's1', name: 'vox.wav', sha256: hash },
      { sourceId: 's2', name: 'kick.wav', sha256: undefined },
      { sourceId: 's3', name: 'gone.wav', sha256: undefined },
    ];
    const found = [
      { byContent: '/samples/vox take 3.wav', byName: '/samples/old/vox.wav' },
      { byContent: null, byName: '/samples/kick.wav' },
      { byContent: null, byName: null },
    ];
    expect(folderLinks(lost, found)).toEqual({
      links: [
        { sourceId: 's1', path: '/samples/vox take 3.wav' },
        { sourceId: 's2', path: '/samples/kick.wav' },
      ],
      byContent: 1,
      byName: 1,
    });
  });

  it('names files by the last part of their path, on any system', () => {
    expect(fileName('/home/me/Audio/kick.wav')).toBe('kick.wav');
    expect(fileName('C:\\Samples\\snare.wav')).toBe('snare.wav');
  });
});

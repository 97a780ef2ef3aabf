import { describe, expect, it } from 'vitest';
import { FolderNames, portableFileName } from '../../../electron/services/projects/audio-names';

describe('portableFileName', () => {
  it.each([
    ['kick.wav', 'kick.wav'],
    ['pad: "wide"?.wav', 'pad_ _wide__.wav'],
    ['a/b\\c.wav', 'a_b_c.wav'],
    ['tab\there.wav', 'tab_here.wav'],
    ['trailing. . ', 'trailing'],
    ['CON.wav', '_CON.wav'],
    ['..', 'audio'],
    ['', 'audio'],
  ])('%j → %j', (name, expected) => {
    expect(portableFileName(name)).toBe(expected);
  });

  it('shortens long names but keeps the extension', () => {
    const name = portableFileName(`${'x'.repeat(300)}.flac`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('x.flac')).toBe(true);
  });
});

describe('FolderNames', () => {
  it('hands out each name once, ignoring case and Unicode normalization, around existing files', () => {
    const names = new FolderNames(['loop.flac']);
    expect(names.claim('loop.flac')).toBe('loop (2).flac');
    expect(names.claim('Kick.wav')).toBe('Kick.wav');
    expect(names.claim('KICK.WAV')).toBe('KICK (2).WAV');
    expect(names.claim('kick.wav')).toBe('kick (3).wav');
    expect(names.claim('\u00e9t\u00e9')).toBe('\u00e9t\u00e9');
    expect(names.claim('e\u0301te\u0301')).toBe('e\u0301te\u0301 (2)');
  });
});

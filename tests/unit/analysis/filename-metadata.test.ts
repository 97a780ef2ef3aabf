import { describe, expect, it } from 'vitest';
import { classifyKind } from '../../../src/analysis/classify-kind';
import { filenameTempo } from '../../../src/analysis/filename-tempo';
import { compatibleKeys, displayKey, filenameKey, neighbourKeys, parseKey, sameNoteKeys } from '../../../src/analysis/musical-key';
import { nameTokens } from '../../../src/analysis/name-tokens';
import { tagsFromPath } from '../../../src/analysis/path-tags';

describe('nameTokens', () => {
  it('splits separators, camelCase humps and letter/digit runs', () => {
    expect(nameTokens('Drums/HiHat_open-808Bass kick01.wav')).toEqual(['drums', 'hi', 'hat', 'open', '808', 'bass', 'kick', '01', 'wav']);
  });
});

describe('filenameTempo', () => {
  it.each([
    ['garzul_120bpm_Cmin_96k.wav', 120],
    ['amen_break_137bpm.wav', 137],
    ['Loop 120 BPM.wav', 120],
    ['pad_97.5_bpm.flac', 97.5],
    ['BPM128_house.wav', 128],
    ['loop_120_Am.wav', 120],
    ['slow-45bpm.wav', 45],
    ['trap_loop-140-F#m.mp3', 140],
  ])('%s → %s', (name, tempo) => expect(filenameTempo(name)).toBe(tempo));

  it.each([
    ['808_kick.wav'],
    ['kick_808.wav'],
    ['snare_44k_24bit.wav'],
    ['pad_48000.wav'],
    ['take_01.wav'],
    ['loop_250.wav'],
    ['loop_90_120.wav'],
    ['96k_120k.wav'],
    ['hat_closed.wav'],
  ])('%s has no tempo', (name) => expect(filenameTempo(name)).toBeNull());

  it('prefers a marked tempo over bare numbers and reads only the file name', () => {
    expect(filenameTempo('Loops 90/loop_100_128bpm.wav')).toBe(128);
  });
});

describe('filenameKey', () => {
  it.each([
    ['garzul_120bpm_Cmin_96k.wav', 'C minor'],
    ['bass_C#m.wav', 'C# minor'],
    ['lead_F#.wav', 'F# major'],
    ['pad_Am.wav', 'A minor'],
    ['keys Bb major.wav', 'Bb major'],
    ['vox_Ebmin_90.wav', 'Eb minor'],
    ['chord_D#m.wav', 'Eb minor'],
    ['stab_Gb.wav', 'F# major'],
    ['bass_dnb_F.mp3', 'F major'],
    ['synth-ebmin.wav', 'Eb minor'],
    ['pluck_AM.wav', 'A major'],
    ['pluck_C_maj.wav', 'C major'],
  ])('%s → %s', (name, key) => expect(filenameKey(name)).toBe(key));

  it.each([['bd_boom.flac'], ['sn_dub_8bit.wav'], ['loop_a.wav'], ['pad_am.wav'], ['FX_glitch.wav'], ['chord_Am_Em.wav'], ['bass_C_F.wav'], ['hat_closed.wav']])(
    '%s has no key',
    (name) => expect(filenameKey(name)).toBeNull(),
  );

  it('prefers a key with a quality over a bare letter', () => {
    expect(filenameKey('Loop D - Em.wav')).toBe('E minor');
  });
});

describe('parseKey and compatibleKeys', () => {
  it('reads what a user types, in any case', () => {
    expect(parseKey('am')).toBe('A minor');
    expect(parseKey('C minor')).toBe('C minor');
    expect(parseKey(' f# ')).toBe('F# major');
    expect(parseKey('Db maj')).toBe('C# major');
    expect(parseKey('H')).toBeNull();
    expect(parseKey('minor')).toBeNull();
  });

  it('pairs each key with its relative major or minor, the key with the same notes', () => {
    expect(sameNoteKeys('A minor')).toEqual(['A minor', 'C major']);
    expect(sameNoteKeys('C major')).toEqual(['C major', 'A minor']);
    expect(sameNoteKeys('C minor')).toEqual(['C minor', 'Eb major']);
    expect(sameNoteKeys('Eb major')).toEqual(['Eb major', 'C minor']);
    expect(sameNoteKeys('F# major')).toEqual(['F# major', 'Eb minor']);
    expect(() => sameNoteKeys('Cmin')).toThrow(/not a normalised key/);
  });

  it('adds the Camelot neighbours for "compatible": a fifth up and down, each with its relative', () => {
    // 5A (C minor): 6A G minor, 6B B♭ major, 4A F minor, 4B A♭ major.
    expect(neighbourKeys('C minor')).toEqual(['G minor', 'Bb major', 'F minor', 'Ab major']);
    expect(compatibleKeys('A minor')).toEqual(['A minor', 'C major', 'E minor', 'G major', 'D minor', 'F major']);
    expect(compatibleKeys('B major')).toEqual(['B major', 'Ab minor', 'F# major', 'Eb minor', 'E major', 'C# minor']);
    expect(() => compatibleKeys('Cmin')).toThrow(/not a normalised key/);
  });

  it('shows flats and sharps as music signs', () => {
    expect(displayKey('Eb minor')).toBe('E♭ minor');
    expect(displayKey('Bb major')).toBe('B♭ major');
    expect(displayKey('B major')).toBe('B major');
    expect(displayKey('F# major')).toBe('F♯ major');
  });
});

describe('classifyKind', () => {
  it('trusts loop and one-shot words, in the name or a folder', () => {
    expect(classifyKind(0.9, 'Loops/industrial_loop.ogg', null)).toBe('loop');
    expect(classifyKind(6.5, 'Loops/compus.mp3', null)).toBe('loop');
    expect(classifyKind(4, 'Kick One Shot 120bpm.wav', 120)).toBe('one-shot');
    expect(classifyKind(3, 'brass_hit_128.wav', 128)).toBe('one-shot');
  });

  it('calls a sound with a tempo a loop from 1.5 s on, else a one-shot', () => {
    expect(classifyKind(1.753, 'amen_break_137bpm.wav', 137)).toBe('loop');
    expect(classifyKind(1.5, 'x_120bpm.wav', 120)).toBe('loop');
    expect(classifyKind(1.49, 'x_120bpm.wav', 120)).toBe('one-shot');
    expect(classifyKind(7.4, 'ambi_lunar_land.flac', null)).toBe('one-shot');
  });
});

describe('tagsFromPath', () => {
  it.each([
    ['Drums/Kicks/bd_boom.flac', ['drums', 'kick']],
    ['Drums/Snares/sn_dub_8bit.wav', ['drums', 'snare']],
    ['Drums/Hats & Perc/hat_open.ogg', ['drums', 'hat', 'perc']],
    ['Drums/Hats & Perc/tabla_na_mono.wav', ['drums', 'hat', 'perc']],
    ['Vocal-ish FX/glitch_robot.wav', ['fx', 'vocal']],
    ['Loops/amen_break_137bpm.wav', ['break', 'loop']],
    ['Atmos/ambi_drone.aif', ['atmos']],
    ['808s/808_Sub_Boom.wav', ['808', 'bass']],
    ['HH Open/Hi Hat 01.wav', ['hat']],
    ['Claps/CLP_tight One Shot.wav', ['clap', 'one-shot']],
    ['Leads/lead_saw.wav', ['lead']],
    ['Pads/vox_pad.wav', ['pad', 'vocal']],
    ['Misc/weird_thing.wav', []],
  ])('%s → %j', (file, tags) => expect(tagsFromPath(file)).toEqual(tags));
});

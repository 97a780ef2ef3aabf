/**
 * A seeded set of hostile `.glowroom.zip` bundles: projects that name files outside the bundle
 * (the receiver's `~/.ssh/id_rsa`, by absolute path and by climbing with `..`), zip tricks
 * (unsafe names, symlinks, clashing names, lying sizes, bombs per file and in total, too many
 * files), hostile projects inside, and seeded byte flips and cuts of a valid bundle.
 */
import { deflateRawSync } from 'node:zlib';
import { buildZip, type RawEntry } from '../integration/projects/support/raw-zip';
import { seededRandom } from '../support/seeded-random';
import { baseProject, secretMark } from './hostile-projects';

export interface HostileBundle {
  readonly label: string;
  readonly zip: Buffer;
  /** 'refuse': opening must fail with a message; 'open': it must open; 'either': both are fine. */
  readonly expect: 'refuse' | 'open' | 'either';
}

/** A few bytes that pass for audio in a bundle: bundles copy files, they do not decode them. */
const audioBytes = Buffer.from('RIFF----WAVEfmt audio bytes of the kick');

function project(sources: Record<string, string>, extra: Record<string, unknown> = {}): Buffer {
  const ids = Object.keys(sources);
  const clips = ids.map((source, i) => ({ id: `c${i}`, name: '', source, start: i, length: 1, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false }));
  const doc = {
    ...baseProject([{ id: 't1', name: 'Drums', colour: '#ffb347', height: 72, gainDb: 0, pan: 0, mute: false, solo: false, clips }]),
    sources: Object.fromEntries(ids.map((id) => [id, { path: sources[id] }])),
    ...extra,
  };
  return Buffer.from(JSON.stringify(doc, null, 2));
}

const good = (sources: Record<string, string> = { s1: 'Audio/kick.wav' }): RawEntry[] => [
  { name: 'Song.glowroom', data: project(sources) },
  { name: 'Audio/kick.wav', data: audioBytes },
];

/** `secretFile`: an absolute path to a file the bundle must never reach (a fake `~/.ssh/id_rsa`). */
export function hostileBundles(seed: number, mutants: number, secretFile: string): HostileBundle[] {
  const climb = `${'../'.repeat(40)}${secretFile.replace(/^\/+/, '')}`;
  const mib = Buffer.alloc(1024 * 1024);
  const packedMib = deflateRawSync(mib);
  const outside = (label: string, sources: Record<string, string>): HostileBundle => ({ label, zip: buildZip(good({ s1: 'Audio/kick.wav', ...sources })), expect: 'open' });
  const refuse = (label: string, entries: RawEntry[]): HostileBundle => ({ label, zip: buildZip(entries), expect: 'refuse' });
  const cases: HostileBundle[] = [
    { label: 'a valid bundle', zip: buildZip(good()), expect: 'open' },
    outside('a source at the absolute path of ~/.ssh/id_rsa', { s2: secretFile }),
    outside('a source climbing to ~/.ssh/id_rsa with ..', { s2: climb }),
    outside('a source climbing out of Audio/ with ..', { s2: `Audio/${climb}` }),
    outside('a source named ~/.ssh/id_rsa', { s2: '~/.ssh/id_rsa' }),
    outside('a source as a file: URL', { s2: `file://${secretFile}` }),
    outside('a source at the folder holding the key', { s2: secretFile.slice(0, secretFile.lastIndexOf('/')) }),
    outside('a source at /etc/passwd', { s2: '/etc/passwd' }),
    outside('a source with a Windows drive path', { s2: 'C:\\Users\\me\\.ssh\\id_rsa' }),
    outside('every source outside', { s1: secretFile, s2: climb }),
    refuse('an entry climbing out with ..', [...good(), { name: '../evil.wav', data: audioBytes }]),
    refuse('an entry with an absolute name', [...good(), { name: '/tmp/evil.wav', data: audioBytes }]),
    refuse('an entry with a drive letter', [...good(), { name: 'C:/evil.wav', data: audioBytes }]),
    refuse('an entry with a backslash', [...good(), { name: 'Audio\\evil.wav', data: audioBytes }]),
    refuse('a symlink to the key', [...good(), { name: 'Audio/link.wav', data: Buffer.from(secretFile), mode: 0o120777 }]),
    refuse('a device file', [...good(), { name: 'Audio/dev.wav', mode: 0o020644 }]),
    refuse('two entries of one name', [...good(), { name: 'Audio/kick.wav', data: audioBytes }]),
    refuse('names equal but for case', [...good(), { name: 'Audio/KICK.wav', data: audioBytes }]),
    refuse('a file inside a file', [...good(), { name: 'Audio/kick.wav/inner.wav', data: audioBytes }]),
    refuse('an entry larger than it declares', [...good(), { name: 'Audio/big.wav', data: Buffer.alloc(4096, 1), size: 100 }]),
    refuse('an entry failing its checksum', [...good(), { name: 'Audio/bad.wav', data: audioBytes, crc: 1234 }]),
    refuse('one entry of 64 MiB of zeros', [...good(), { name: 'Audio/bomb.wav', data: Buffer.alloc(64 * 1024 * 1024) }]),
    refuse('1,000 entries of 1 MiB of zeros each', [...good(), ...Array.from({ length: 1000 }, (_, i) => ({ name: `Audio/zero ${i}.wav`, data: mib, packed: packedMib }))]),
    refuse('10,001 entries', [...good(), ...Array.from({ length: 10_001 }, (_, i) => ({ name: `Audio/e${i}.wav`, data: Buffer.alloc(0) }))]),
    refuse('no project', [{ name: 'Audio/kick.wav', data: audioBytes }]),
    refuse('two projects', [...good(), { name: 'Other.glowroom', data: project({ s1: 'Audio/kick.wav' }) }]),
    refuse('the project only in a folder', [{ name: 'Inside/Song.glowroom', data: project({ s1: 'Audio/kick.wav' }) }, { name: 'Audio/kick.wav', data: audioBytes }]),
    refuse('a project that is a passwd file', [{ name: 'Song.glowroom', data: Buffer.from(`${secretMark}:x:0:0:root:/root:/bin/bash\n`) }]),
    refuse('a project of a 16-hour song', [{ name: 'Song.glowroom', data: project({ s1: 'Audio/kick.wav' }, { tempo: 20, tracks: [{ id: 't1', name: 'Long', colour: '#ffb347', height: 72, gainDb: 0, pan: 0, mute: false, solo: false, clips: [{ id: 'c1', name: '', source: 's1', start: 0, length: 19_200, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: true, reverse: false, rate: 1, mute: false }] }] }) }, { name: 'Audio/kick.wav', data: audioBytes }]),
    { label: 'not a zip', zip: Buffer.from(`${secretMark}: not a zip at all\n`), expect: 'refuse' },
  ];
  const random = seededRandom(seed);
  const valid = buildZip(good());
  for (let i = 0; i < mutants; i++) {
    const zip = Buffer.from(valid);
    if (random.next() < 0.3) {
      const at = random.below(zip.length);
      cases.push({ label: `mutant ${i}: cut at ${at}`, zip: zip.subarray(0, at), expect: 'either' });
      continue;
    }
    const flips = 1 + random.below(4);
    const places: number[] = [];
    for (let k = 0; k < flips; k++) {
      const at = random.below(zip.length);
      zip[at] = random.next() < 0.5 ? random.below(256) : zip[at]! ^ (1 << random.below(8));
      places.push(at);
    }
    cases.push({ label: `mutant ${i}: bytes changed at ${places.join(', ')}`, zip, expect: 'either' });
  }
  return cases;
}

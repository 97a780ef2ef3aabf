import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultBundleLimits } from '../../../electron/services/projects/bundle-rules';
import { exportBundle, openBundle } from '../../../electron/services/projects/bundles';
import { openProject, saveProject } from '../../../electron/services/projects/project-files';
import { serializeProject } from '../../../src/model/parse-project';
import { createTrack } from '../../../src/model/new-track';
import { currentProjectVersion, type Clip, type Project } from '../../../src/model/project-schema';
import type { MayRead } from '../../../electron/services/projects/source-files';
import { tempDir } from '../../support/temp-dir';
import { buildZip, centralRecord, endRecord, localHeader, type RawEntry } from './support/raw-zip';

/** These tests are about what a bundle holds; which files a user has given is path-grants.test's. */
const everyFileGiven: MayRead = () => Promise.resolve(true);

function clip(id: string, source: string): Clip {
  return { kind: 'audio', id, name: '', source, start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 };
}

function projectWith(sources: Record<string, string>): Project {
  const ids = Object.keys(sources);
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name: 'Nuit',
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: 48_000,
    sources: Object.fromEntries(ids.map((id) => [id, { path: sources[id]! }])),
    tracks: [{ ...createTrack('t1', 'All', 0), clips: ids.map((id, i) => clip(`c${i}`, id)) }],
    buses: [], markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
  };
}

/** A file of random bytes (bundles never decode audio), created with its folders. */
async function audioFile(file: string, bytes = 5_000): Promise<Buffer> {
  const data = randomBytes(bytes);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
  return data;
}

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('exportBundle and openBundle', () => {
  it('bundles the project and every audio file, and unpacks them into a new folder', async () => {
    const root = tempDir();
    const projectFile = path.join(root, 'Work', 'Nuit.glowroom');
    const elsewhere = path.join(root, 'Z', 'Kick.WAV');
    const contents = {
      kick: await audioFile(path.join(root, 'Work', 'Audio', 'kick.wav')),
      otherKick: await audioFile(path.join(root, 'Shared', 'kick.wav')),
      elsewhere: await audioFile(elsewhere),
      odd: await audioFile(path.join(root, 'Work', 'pad: "wide"?.wav'), 2_000_000),
    };
    await saveProject(
      projectFile,
      projectWith({ kick: 'Audio/kick.wav', again: './Audio/kick.wav', other: '../Shared/kick.wav', far: elsewhere, odd: 'pad: "wide"?.wav' }),
    );
    const zip = path.join(root, 'Nuit.glowroom.zip');
    await exportBundle(projectFile, zip, everyFileGiven);
    expect((await fs.readdir(root)).sort()).toEqual(['Nuit.glowroom.zip', 'Shared', 'Work', 'Z']);

    const into = tempDir();
    const opened = await openBundle(zip, into);
    expect(opened).toBe(path.join(into, 'Nuit', 'Nuit.glowroom'));
    const { project, folder } = await openProject(opened);
    expect(Object.fromEntries(Object.entries(project.sources).map(([id, source]) => [id, source.path]))).toEqual({
      again: 'Audio/kick.wav',
      kick: 'Audio/kick.wav',
      // Files inside the project folder keep their names; the others follow in path order.
      other: 'Audio/kick (2).wav',
      far: 'Audio/Kick (3).WAV',
      odd: 'Audio/pad_ _wide__.wav',
    });
    const read = (id: string) => fs.readFile(path.join(folder, project.sources[id]!.path));
    expect(await read('kick')).toEqual(contents.kick);
    expect(await read('other')).toEqual(contents.otherKick);
    expect(await read('far')).toEqual(contents.elsewhere);
    expect(await read('odd')).toEqual(contents.odd);
    expect(project.tracks).toEqual((await openProject(projectFile)).project.tracks);
    expect(await fs.readdir(into)).toEqual(['Nuit']);

    // A second unpack never overwrites the first.
    expect(await openBundle(zip, into)).toBe(path.join(into, 'Nuit 2', 'Nuit.glowroom'));
  });

  it.skipIf(!hasUnzip)('writes zips that Info-ZIP unzip reads without complaint', async () => {
    const root = tempDir();
    const projectFile = path.join(root, 'Nuit.glowroom');
    await audioFile(path.join(root, 'Audio', 'été.wav'));
    await saveProject(projectFile, projectWith({ s1: 'Audio/été.wav' }));
    const zip = path.join(root, 'out.glowroom.zip');
    await exportBundle(projectFile, zip, everyFileGiven);
    const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    expect(spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)).toEqual(['Nuit.glowroom', 'Audio/été.wav']);
  });

  it('refuses to bundle a project with missing audio, naming the files, and writes nothing', async () => {
    const root = tempDir();
    const projectFile = path.join(root, 'Nuit.glowroom');
    await audioFile(path.join(root, 'Audio', 'here.wav'));
    await saveProject(projectFile, projectWith({ here: 'Audio/here.wav', gone: 'Audio/gone.wav' }));
    await expect(exportBundle(projectFile, path.join(root, 'out.zip'), everyFileGiven)).rejects.toMatchObject({
      code: 'not-found',
      message: `Nuit.glowroom cannot be bundled: 1 audio file(s) are missing (${path.join(root, 'Audio', 'gone.wav')}). Relink them, then export again.`,
    });
    expect((await fs.readdir(root)).sort()).toEqual(['Audio', 'Nuit.glowroom']);
  });
});

describe('openBundle refuses hostile bundles and leaves nothing behind', () => {
  const project = Buffer.from(serializeProject(projectWith({ s1: 'Audio/kick.wav' })));
  const good: RawEntry[] = [
    { name: 'Nuit.glowroom', data: project },
    { name: 'Audio/kick.wav', data: randomBytes(1_000), method: 0 },
  ];

  /** Writes `zip`, tries to open it, and checks that the target folder stays empty. */
  async function refusal(zip: Buffer, limits = defaultBundleLimits): Promise<{ code: string; message: string }> {
    const dir = tempDir();
    const file = path.join(dir, 'Hostile.glowroom.zip');
    await fs.writeFile(file, zip);
    const into = path.join(dir, 'into');
    await fs.mkdir(into);
    const error = await openBundle(file, into, limits).then(
      () => expect.fail('the bundle was opened'),
      (caught: unknown) => caught as { code: string; message: string },
    );
    expect(await fs.readdir(into)).toEqual([]);
    return error;
  }

  it('accepts the well-formed bundle these cases are built from', async () => {
    const dir = tempDir();
    await fs.writeFile(path.join(dir, 'Good.glowroom.zip'), buildZip(good));
    const opened = await openBundle(path.join(dir, 'Good.glowroom.zip'), dir);
    expect((await openProject(opened)).project.name).toBe('Nuit');
  });

  it.each([
    ['../evil.wav', /"\.\.\/evil\.wav" contains "\.\."/],
    ['Audio/../../evil.wav', /contains "\.\.", which would climb out/],
    ['/etc/cron.d/evil', /"\/etc\/cron\.d\/evil" is an absolute path/],
    ['C:/Windows/evil.dll', /starts with a drive letter/],
    ['C:evil.dll', /starts with a drive letter/],
    ['Audio\\..\\..\\evil.wav', /contains a backslash/],
    ['Audio/kick.wav:hidden', /contains a colon/],
    ['Audio//kick2.wav', /has an empty or "\." folder/],
    ['Audio/CON.wav', /a name Windows reserves/],
    ['Audio/bad\u0001.wav', /control characters/],
  ])('refuses the name %j', async (name, message) => {
    const error = await refusal(buildZip([...good, { name, data: Buffer.from('x') }]));
    expect(error.code).toBe('bad-format');
    expect(error.message).toMatch(/^Hostile\.glowroom\.zip was not opened: /);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was unpacked\.$/);
  });

  it('refuses symbolic links and special files', async () => {
    const link = await refusal(buildZip([...good, { name: 'Audio/link.wav', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]));
    expect(link.message).toContain('"Audio/link.wav" is a symbolic link');
    const fifo = await refusal(buildZip([...good, { name: 'Audio/pipe', mode: 0o010644 }]));
    expect(fifo.message).toContain('"Audio/pipe" is a special file');
  });

  it.each([
    ['Audio/kick.wav', 'exactly'],
    ['audio/KICK.WAV', 'in another case'],
    ['Audio/kick.wav.', 'with a trailing dot'],
  ])('refuses a duplicate name (%s, %s)', async (name) => {
    const error = await refusal(buildZip([...good, { name, data: Buffer.from('x') }]));
    expect(error.message).toContain(`"${name}" and "Audio/kick.wav" would be the same file on disk`);
  });

  it('refuses names that differ only in Unicode normalization, and a file that is also a folder', async () => {
    const nfc = 'Audio/\u00e9t\u00e9.wav';
    const nfd = 'Audio/e\u0301te\u0301.wav';
    expect((await refusal(buildZip([...good, { name: nfc }, { name: nfd }]))).message).toContain('would be the same file on disk');
    expect((await refusal(buildZip([...good, { name: 'Audio/kick.wav/inner.wav' }]))).message).toContain('"Audio/kick.wav" is a file, yet "Audio/kick.wav/inner.wav" puts a file inside it');
  });

  it('refuses too many entries and too many bytes', async () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `Audio/${i}.wav` }));
    expect((await refusal(buildZip([...good, ...many]), { ...defaultBundleLimits, maxEntries: 7 })).message).toBe('Hostile.glowroom.zip holds 8 files; a bundle may hold at most 7.');
    const big = await refusal(buildZip([...good, { name: 'Audio/big.wav', data: randomBytes(3 * 1024 * 1024), method: 0 }]), { ...defaultBundleLimits, maxTotalBytes: 2 * 1024 * 1024 });
    expect(big.message).toContain('its files unpack to more than 2 MB (at "Audio/big.wav")');
  });

  it('refuses a zip bomb by its ratio, before unpacking', async () => {
    const error = await refusal(buildZip([...good, { name: 'Audio/silence.wav', data: new Uint8Array(20 * 1024 * 1024) }]));
    expect(error.message).toMatch(/"Audio\/silence\.wav" would unpack \d+ times larger than it is packed \(at most 200 times is allowed\): a zip bomb/);
  });

  it('refuses a thousand small bombs by their total ratio, before writing anything', async () => {
    const mib = new Uint8Array(1024 * 1024);
    const packed = deflateRawSync(mib);
    const zip = buildZip([...good, ...Array.from({ length: 1000 }, (_, i) => ({ name: `Audio/zero ${i}.wav`, data: mib, packed }))]);
    expect(zip.length).toBeLessThan(1.2 * 1024 * 1024);
    // Each entry alone passes the per-file ratio (1 MiB is at its floor): only the total stops them, from the table of contents.
    const error = await refusal(zip);
    expect(error.message).toMatch(/^Hostile\.glowroom\.zip was not opened: its files would unpack to 1000 MB, \d{3,4} times more than they are packed \(at most 200 times is allowed\): a zip bomb\. Nothing was unpacked\.$/);
  });

  it('stops an entry that inflates past its declared size, and removes what was unpacked', async () => {
    const data = randomBytes(300_000);
    const error = await refusal(buildZip([...good, { name: 'Audio/liar.wav', data, size: 1_000, crc: crc32(data.subarray(0, 1_000)) }]));
    expect(error).toMatchObject({ code: 'bad-format', message: expect.stringContaining('"Audio/liar.wav" unpacks to more than the 1000 bytes its header declares') });
  });

  it('refuses entries whose data overlap', async () => {
    // "a.wav" is stored, and its data is the whole of "b.wav" (header and all): reading both
    // would unpack the same bytes twice, the trick that makes overlapping zip bombs so dense.
    const inner = { name: Buffer.from('Audio/b.wav'), method: 0, crc: crc32(Buffer.from('payload')), compressedSize: 7, size: 7 };
    const innerBytes = Buffer.concat([localHeader(inner), Buffer.from('payload')]);
    const outer = { name: Buffer.from('Audio/a.wav'), method: 0, crc: crc32(innerBytes), compressedSize: innerBytes.length, size: innerBytes.length };
    const projectRecord = { name: Buffer.from('Nuit.glowroom'), method: 8, crc: crc32(project), compressedSize: deflateRawSync(project).length, size: project.length };
    const body = Buffer.concat([localHeader(projectRecord), deflateRawSync(project), localHeader(outer), innerBytes]);
    const outerOffset = localHeader(projectRecord).length + projectRecord.compressedSize;
    const directory = Buffer.concat([
      centralRecord({ ...projectRecord, mode: 0o100644, offset: 0 }),
      centralRecord({ ...outer, mode: 0o100644, offset: outerOffset }),
      centralRecord({ ...inner, mode: 0o100644, offset: outerOffset + localHeader(outer).length }),
    ]);
    const error = await refusal(Buffer.concat([body, directory, endRecord(3, directory.length, body.length)]));
    expect(error.message).toContain('"Audio/b.wav" shares its data with "Audio/a.wav"');
  });

  it('refuses a bad checksum, a damaged project, and bundles without exactly one project', async () => {
    expect((await refusal(buildZip([good[0]!, { ...good[1]!, crc: 1234 }]))).message).toBe('Hostile.glowroom.zip is damaged: "Audio/kick.wav" fails its checksum.');
    const broken = await refusal(buildZip([{ name: 'Nuit.glowroom', data: Buffer.from('{"format": "glowroom",') }, good[1]!]));
    expect(broken).toMatchObject({ code: 'bad-format', message: expect.stringContaining('Nuit.glowroom is not valid JSON') });
    expect((await refusal(buildZip([good[1]!]))).message).toContain('it has no .glowroom project file(s) at its top level');
    expect((await refusal(buildZip([...good, { name: 'Other.glowroom', data: project }]))).message).toContain('it has 2 .glowroom project file(s)');
  });

  it('refuses a file that is not a zip, or cut short', async () => {
    expect(await refusal(Buffer.from('just some text'))).toMatchObject({ code: 'bad-format', message: 'Hostile.glowroom.zip is not a zip file (or it is cut short).' });
    const zip = buildZip(good);
    expect((await refusal(zip.subarray(0, zip.length - 30))).code).toBe('bad-format');
  });

  it('refuses to unpack into a folder that does not exist', async () => {
    const dir = tempDir();
    await fs.writeFile(path.join(dir, 'Good.glowroom.zip'), buildZip(good));
    await expect(openBundle(path.join(dir, 'Good.glowroom.zip'), path.join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'not-found' });
  });
});

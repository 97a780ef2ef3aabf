import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { serializeProject } from '../../../src/model/parse-project';
import { createEmptyProject } from '../../../src/model/new-project';
import type { ChooseResult, FolderListing } from '../../../src/protocol/files';
import type { ExportReport, Reply } from '../../../src/protocol/ipc';
import { Dispatcher } from '../../../electron/services/dispatcher';
import type { NativeChooseRequest } from '../../../electron/services/files/file-chooser';
import { packFile } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

function errorOf(reply: Reply<unknown>) {
  expect(reply.ok).toBe(false);
  return (reply as Extract<Reply<unknown>, { ok: false }>).error;
}

/** A folder outside every granted place, with a project in it. */
function strangerFolder(): { folder: string; project: string } {
  const folder = tempDir();
  const project = path.join(folder, 'Night drive.glowroom');
  writeFileSync(project, serializeProject(createEmptyProject('Night drive')));
  return { folder, project };
}

/** Browses to `folder` in a web-host session for `purpose` and picks `target`, as the in-page browser does. */
async function pickInBrowser(dispatcher: Dispatcher, purpose: string, folder: string, target: string): Promise<{ listing: FolderListing; picked: Reply<unknown> }> {
  const chosen = valueOf<ChooseResult>(await dispatcher.call('files.choose', { purpose }));
  if (chosen.outcome !== 'browse') throw new Error(`expected a browse session, got ${chosen.outcome}`);
  const listing = valueOf<FolderListing>(await dispatcher.call('files.list', { session: chosen.browse.session, folder }));
  return { listing, picked: await dispatcher.call('files.pick', { session: chosen.browse.session, path: target }) };
}

describe('path grants', () => {
  it('refuses to open a project nobody chose, and opens it once picked in the in-page browser', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    const { folder, project } = strangerFolder();
    writeFileSync(path.join(folder, 'notes.txt'), 'not a project');
    mkdirSync(path.join(folder, 'Audio'));

    expect(errorOf(await dispatcher.call('project.open', { path: project }))).toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('Choose the file with Open… so Glowroom may read it.'),
    });

    const { listing, picked } = await pickInBrowser(dispatcher, 'open-project', folder, project);
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['Audio', 'folder'],
      ['Night drive.glowroom', 'file'],
    ]);
    expect(valueOf(picked)).toEqual({ path: project });
    expect(valueOf<{ path: string }>(await dispatcher.call('project.open', { path: project })).path).toBe(project);
  });

  it('never reads /etc/passwd-style files unless picked, and a project pick must be a project', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    const secret = path.join(tempDir(), 'id_rsa');
    writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----');
    for (const target of ['/etc/passwd', secret]) {
      expect(errorOf(await dispatcher.call('project.open', { path: target })).code).toBe('not-allowed');
      expect(errorOf(await dispatcher.call('audio.load', { path: target })).code).toBe('not-allowed');
      expect(errorOf(await dispatcher.call('library.import', { paths: [target] })).code).toBe('not-allowed');
    }
    // The browser lists /etc's folders but none of its files, and will not hand one over as a project.
    const { listing, picked } = await pickInBrowser(dispatcher, 'open-project', '/etc', '/etc/passwd');
    expect(listing.entries.every((e) => e.kind === 'folder')).toBe(true);
    expect(errorOf(picked)).toMatchObject({ code: 'wrong-kind', message: expect.stringContaining('Glowroom projects (.glowroom)') });
    expect(errorOf(await dispatcher.call('project.open', { path: '/etc/passwd' })).code).toBe('not-allowed');
  });

  it('lets a granted project folder reach its own audio but not a source elsewhere, nor through a link out', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const { folder, project } = strangerFolder();
    mkdirSync(path.join(folder, 'Audio'));
    const kick = path.join(folder, 'Audio', 'kick.wav');
    writeFileSync(kick, Buffer.alloc(0));
    const outside = tempDir();
    const secret = path.join(outside, 'secret.wav');
    writeFileSync(secret, Buffer.alloc(0));
    symlinkSync(outside, path.join(folder, 'Audio', 'link'));

    expect(valueOf(await (await pickInBrowser(dispatcher, 'open-project', folder, project)).picked)).toEqual({ path: project });
    valueOf(await dispatcher.call('project.open', { path: project }));
    // In the project's folder: allowed (it is an empty file, so the decoder says so).
    expect(errorOf(await dispatcher.call('audio.load', { path: kick })).code).toBe('bad-format');
    expect(errorOf(await dispatcher.call('audio.load', { path: secret })).code).toBe('not-allowed');
    expect(errorOf(await dispatcher.call('audio.load', { path: path.join(folder, 'Audio', 'link', 'secret.wav') })).code).toBe('not-allowed');
    expect(errorOf(await dispatcher.call('audio.load', { path: path.join(folder, 'Audio', '..', '..', path.basename(outside), 'secret.wav') })).code).toBe('not-allowed');
  });

  it('never bundles or collects a file the user did not give, named by a project from someone else (~/.ssh/id_rsa)', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    const { folder, project } = strangerFolder();
    const secret = path.join(tempDir(), '.ssh', 'id_rsa');
    mkdirSync(path.dirname(secret));
    writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----');
    mkdirSync(path.join(folder, 'Audio'));
    writeFileSync(path.join(folder, 'Audio', 'kick.wav'), 'the sender kick');
    const hostile = { ...createEmptyProject('Night drive'), sources: { kick: { path: 'Audio/kick.wav' }, key: { path: secret } } };
    writeFileSync(project, JSON.stringify(hostile));
    valueOf((await pickInBrowser(dispatcher, 'open-project', folder, project)).picked);
    valueOf(await dispatcher.call('project.open', { path: project }));
    const zip = path.join(folder, 'Night drive.glowroom.zip');
    valueOf((await pickInBrowser(dispatcher, 'export-bundle', folder, zip)).picked);
    const refusal = `1 audio file(s) are in places you have not given Glowroom (${secret}). Import them into the library or relink them to files you choose, then`;

    expect(errorOf(await dispatcher.call('project.exportBundle', { projectPath: project, outPath: zip }))).toMatchObject({ code: 'not-allowed', message: `Night drive.glowroom cannot be bundled: ${refusal} export again.` });
    expect(existsSync(zip)).toBe(false);
    expect(errorOf(await dispatcher.call('project.collect', { projectPath: project }))).toMatchObject({ code: 'not-allowed', message: `Cannot collect Night drive.glowroom: ${refusal} collect again.` });
    expect(readdirSync(path.join(folder, 'Audio'))).toEqual(['kick.wav']);
    expect(readFileSync(project, 'utf8')).toBe(JSON.stringify(hostile));

    // Without the stranger's source, the project's own audio bundles as before.
    writeFileSync(project, JSON.stringify({ ...hostile, sources: { kick: hostile.sources.kick } }));
    expect(valueOf(await dispatcher.call('project.exportBundle', { projectPath: project, outPath: zip }))).toEqual({ path: zip });
    expect(readFileSync(zip).includes('the sender kick')).toBe(true);
  });

  it('an export leaves a source the user did not give silent, as playback does, and says so; a given one is heard', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const tone = Float32Array.from({ length: 24_000 }, (_, i) => 0.5 * Math.sin(i / 5));
    const elsewhere = path.join(tempDir(), 'private take.wav');
    writeFileSync(elsewhere, encodeWav({ sampleRate: 48_000, channels: [tone] }, { bitDepth: 16 }));
    const folder = tempDir();
    const exportOf = async (source: string) => {
      const project = addSourceClip(createEmptyProject('Night drive'), { path: source, name: 'take.wav', durationSeconds: 0.5 }, 0, null).project;
      const outPath = path.join(folder, `${path.basename(source, '.wav')}.wav`);
      valueOf(await dispatcher.call('files.pick', { session: valueOf<Extract<ChooseResult, { outcome: 'browse' }>>(await dispatcher.call('files.choose', { purpose: 'export-audio', defaultPath: outPath })).browse.session, path: outPath }));
      return valueOf<ExportReport>(await dispatcher.call('export.start', { project, outPath, stems: null, range: { kind: 'song' }, format: { kind: 'wav', bits: 16 }, sampleRate: 48_000, tailSeconds: 0, normalize: null, tags: {} }));
    };
    const refused = await exportOf(elsewhere);
    expect(refused.warnings).toContain(`Left silent: ${elsewhere} (it lies outside the places you gave Glowroom; import it into the library or relink it to a file you choose)`);
    expect(refused.loudness.samplePeakDbfs).toBeNull();
    // The same sound from a place Glowroom may read (its data folder is always given).
    const given = path.join(home, 'given take.wav');
    writeFileSync(given, readFileSync(elsewhere));
    const heard = await exportOf(given);
    expect(heard.warnings).toEqual([]);
    expect(heard.loudness.samplePeakDbfs).toBeCloseTo(-6.02, 1);
  });

  it('keeps picks across restarts, and always allows its own folders and the library', async () => {
    const home = tempDir();
    const { folder, project } = strangerFolder();
    const first = new Dispatcher('web', { libraryPath: ':memory:', home });
    valueOf((await pickInBrowser(first, 'open-project', folder, project)).picked);
    const later = new Dispatcher('web', { libraryPath: ':memory:', home });
    expect(valueOf<{ path: string }>(await later.call('project.open', { path: project })).path).toBe(project);
    // The demo pack Glowroom ships, and the data folder's imported audio.
    expect(valueOf<{ sampleRate: number }>(await later.call('audio.load', { path: packFile('Drums/Kicks/bd_klub_48k.wav') })).sampleRate).toBe(48_000);
    expect(errorOf(await later.call('audio.load', { path: path.join(home, 'Imported Audio', 'gone.wav') })).code).toBe('not-found');
  });

  it('saves where the user picked, adding the ending, and refuses a folder that does not exist', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    const folder = tempDir();
    const target = path.join(folder, 'Beat');
    expect(errorOf(await dispatcher.call('project.save', { path: `${target}.glowroom`, project: createEmptyProject() })).message).toContain('Save As…');
    const { picked } = await pickInBrowser(dispatcher, 'save-project', folder, target);
    expect(valueOf(picked)).toEqual({ path: `${target}.glowroom` });
    expect(valueOf<{ path: string }>(await dispatcher.call('project.save', { path: `${target}.glowroom`, project: createEmptyProject() })).path).toBe(`${target}.glowroom`);
    const nowhere = await pickInBrowser(dispatcher, 'save-project', folder, path.join(folder, 'no', 'such', 'x.glowroom'));
    expect(errorOf(nowhere.picked)).toMatchObject({ code: 'not-found', message: expect.stringContaining('Choose one that exists') });
  });

  it('an export destination picked grants its folder (the mix and its stems), never a relative path', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    const folder = tempDir();
    const chosen = valueOf<ChooseResult>(await dispatcher.call('files.choose', { purpose: 'export-audio', defaultPath: path.join(folder, 'Song.mp3') }));
    expect(chosen).toMatchObject({ outcome: 'browse', browse: { folder, name: 'Song.mp3', kind: 'save-file' } });
    if (chosen.outcome !== 'browse') return;
    expect(valueOf(await dispatcher.call('files.pick', { session: chosen.browse.session, path: path.join(folder, 'Song') }))).toEqual({ path: path.join(folder, 'Song.mp3') });
    // The session is over once picked.
    expect(errorOf(await dispatcher.call('files.list', { session: chosen.browse.session, folder })).code).toBe('not-found');
    const relative = errorOf(await dispatcher.call('export.start', { project: createEmptyProject(), outPath: 'Song.wav', stems: null, range: { kind: 'song' }, format: { kind: 'wav', bits: 16 }, sampleRate: 48_000, tailSeconds: 0, normalize: null, tags: {} }));
    expect(relative).toMatchObject({ code: 'invalid-args', message: expect.stringContaining('full path') });
  });

  it('in the desktop host the system dialog picks: its choice is granted, a cancel is a cancel, and there is no page browsing', async () => {
    const folder = tempDir();
    const { project } = strangerFolder();
    const asked: NativeChooseRequest[] = [];
    let answer: string | null = project;
    const dispatcher = new Dispatcher('electron', {
      libraryPath: ':memory:',
      home: tempDir(),
      nativeChooser: (request) => {
        asked.push(request);
        return Promise.resolve(answer);
      },
    });
    expect(valueOf(await dispatcher.call('files.choose', { purpose: 'open-project', defaultPath: folder }))).toEqual({ outcome: 'chosen', path: project });
    expect(asked[0]).toMatchObject({ title: 'Open project', action: 'Open', kind: 'open-file', filter: { extensions: ['glowroom'] }, defaultPath: folder });
    expect(valueOf<{ path: string }>(await dispatcher.call('project.open', { path: project })).path).toBe(project);
    answer = null;
    expect(valueOf(await dispatcher.call('files.choose', { purpose: 'import-folder' }))).toEqual({ outcome: 'cancelled' });
    expect(asked[1]).toMatchObject({ kind: 'folder', filter: { extensions: [] } });
    expect(errorOf(await dispatcher.call('files.list', { session: 'x', folder })).code).toBe('not-found');
    expect(errorOf(await dispatcher.call('files.showInFolder', { path: project })).code).toBe('unsupported');
  });
});

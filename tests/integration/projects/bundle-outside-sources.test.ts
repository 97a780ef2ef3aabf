/**
 * A bundle is the sender's files only: a project inside it that names files outside the bundle
 * (the receiver's `~/.ssh/id_rsa`, by absolute path or by climbing with `..`) opens with those
 * sources missing, and re-exporting it can never pack the receiver's key for the sender.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../electron/services/jobs';
import { ProjectService } from '../../../electron/services/projects/project-service';
import { baseProject } from '../../fuzz/hostile-projects';
import { tempDir } from '../../support/temp-dir';
import { buildZip } from './support/raw-zip';

const key = Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ the receiver own key\n-----END OPENSSH PRIVATE KEY-----\n');
const kick = Buffer.from('RIFF----WAVE the sender kick');

function hostileBundle(keyPaths: readonly string[]): Buffer {
  const sources: Record<string, { path: string }> = { kick: { path: 'Audio/kick.wav' } };
  keyPaths.forEach((keyPath, i) => (sources[`key${i}`] = { path: keyPath }));
  const clips = Object.keys(sources).map((source, i) => ({ id: `c${i}`, name: '', source, start: i, length: 1, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false }));
  const project = { ...baseProject([{ id: 't1', name: 'Drums', colour: '#ffb347', height: 72, gainDb: 0, pan: 0, mute: false, solo: false, clips }]), sources };
  return buildZip([
    { name: 'Beat.glowroom', data: Buffer.from(JSON.stringify(project)) },
    { name: 'Audio/kick.wav', data: kick },
  ]);
}

describe('a bundle naming files outside itself', () => {
  it('opens with ~/.ssh/id_rsa missing, and re-bundling it never packs the key', async () => {
    const root = tempDir();
    const home = path.join(root, 'home', 'me');
    const secret = path.join(home, '.ssh', 'id_rsa');
    mkdirSync(path.dirname(secret), { recursive: true });
    writeFileSync(secret, key);
    const downloads = path.join(home, 'Downloads');
    mkdirSync(downloads);
    const zip = path.join(downloads, 'Beat.glowroom.zip');
    writeFileSync(zip, hostileBundle([secret, `Audio/${'../'.repeat(30)}${secret.slice(1)}`, '../../.ssh/id_rsa']));
    const service = new ProjectService(new JobRegistry(), path.join(root, 'data'));

    const opened = await service.openBundle(zip, downloads);
    const folder = path.dirname(opened.path);
    expect(opened.project.sources['kick']?.path).toBe(path.join(folder, 'Audio', 'kick.wav'));
    for (const id of ['key0', 'key1', 'key2']) {
      expect(opened.project.sources[id]?.path.startsWith(folder + path.sep)).toBe(true);
      expect(opened.missing.map((m) => m.sourceId)).toContain(id);
    }
    expect(opened.project.sources['key0']?.path).toBe(path.join(folder, 'Audio', 'id_rsa'));

    const again = path.join(root, 'Again.glowroom.zip');
    await expect(service.exportBundle(opened.path, again, (file) => Promise.resolve(file.startsWith(folder + path.sep)))).rejects.toThrow(/3 audio file\(s\) are missing.*Audio\/id_rsa/);
    expect(existsSync(again)).toBe(false);
    // Whatever the user does next, no file of the bundle's folder holds the key.
    for (const file of [opened.path, path.join(folder, 'Audio', 'kick.wav')]) expect(readFileSync(file).includes(key)).toBe(false);
  });
});

/**
 * Bundles: a project and all its audio in one `.glowroom.zip`, to send to a collaborator.
 * Layout: `<name>.glowroom` at the top, the audio under `Audio/`, the project's source paths
 * rewritten to `Audio/<file>`. Opening a bundle trusts nothing in it (bundle-rules.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { serializeProject } from '../../../src/model/parse-project';
import { GlowroomError } from '../../../src/std/errors';
import { writeAtomically } from '../atomic-write';
import { FolderNames, portableFileName } from './audio-names';
import { checkBundleEntries, defaultBundleLimits, type BundleLimits, type SafeEntry } from './bundle-rules';
import { confineBundleSources } from './bundle-sources';
import { errnoOf, syncFolder } from '../fs-helpers';
import { openProject } from './project-files';
import { copyableSourceFiles, inNamingOrder, type MayRead } from './source-files';
import { extractZipEntry, readZipEntries } from './zip-reader';
import { ZipWriter } from './zip-writer';

const projectExtension = '.glowroom';

/**
 * Writes the bundle of `projectFile` to `outZip` atomically (a temporary file, then a rename).
 * Every source must exist and be given by the user (`mayRead`): `not-found` lists the missing
 * ones so they can be relinked first, `not-allowed` those elsewhere on the disk.
 * Sources naming the same file are bundled once. Errors of `openProject`; `io`; `unsupported`
 * past 4 GB.
 */
export async function exportBundle(projectFile: string, outZip: string, mayRead: MayRead): Promise<void> {
  const { project, folder } = await openProject(projectFile);
  const files = await copyableSourceFiles(project, folder, mayRead, `${path.basename(projectFile)} cannot be bundled`, 'export again');
  const names = new FolderNames();
  const audio = new Map(inNamingOrder(files.values(), folder).map((file) => [file, `Audio/${names.claim(path.basename(file))}`]));
  const bundled = { ...project, sources: Object.fromEntries([...files].map(([id, file]) => [id, { ...project.sources[id], path: audio.get(file)! }])) };
  const projectName = `${portableFileName(path.basename(projectFile, projectExtension))}${projectExtension}`;

  await writeAtomically(path.resolve(outZip), async (handle) => {
    const zip = new ZipWriter(handle);
    await zip.addBytes(projectName, Buffer.from(serializeProject(bundled), 'utf8'));
    for (const [absolute, name] of audio) await zip.addFile(name, absolute);
    await zip.finish();
  });
}

/**
 * Unpacks the bundle `zipFile` into a new folder inside `intoFolder`, named after the project
 * (`Nuit`, or `Nuit 2` when that exists), and returns the path of the project file in it.
 * Every entry is checked before anything is written; everything is unpacked into a hidden
 * temporary folder inside `intoFolder` and renamed into place only when all of it — sizes,
 * checksums and the project itself — is good. Sources pointing outside the bundle are made
 * missing (bundle-sources.ts). A refused bundle leaves nothing behind.
 * Errors: `bad-format` naming the offending entry; `unsupported`; `not-found`/`wrong-kind` for
 * `intoFolder`; those of `openProject` for the project inside.
 */
export async function openBundle(zipFile: string, intoFolder: string, limits: BundleLimits = defaultBundleLimits): Promise<string> {
  const label = path.basename(zipFile);
  const into = path.resolve(intoFolder);
  await checkFolder(into);
  const entries = await readCheckedEntries(zipFile, label, limits);
  const projects = entries.filter((safe) => !safe.isFolder && safe.segments.length === 1 && safe.segments[0]!.endsWith(projectExtension));
  if (projects.length !== 1) {
    throw new GlowroomError('bad-format', `${label} is not a Glowroom bundle: it has ${projects.length === 0 ? 'no' : projects.length} .glowroom project file(s) at its top level, not one.`);
  }
  const projectName = projects[0]!.segments[0]!;

  const staging = await fs.mkdtemp(path.join(into, '.glowroom-unpack-'));
  try {
    for (const safe of entries) {
      const target = path.join(staging, ...safe.segments);
      // The rules already guarantee this; a second lock on the door costs nothing.
      if (!target.startsWith(staging + path.sep)) throw new GlowroomError('internal', `"${safe.entry.name}" resolved outside the unpack folder.`);
      if (safe.isFolder) {
        await fs.mkdir(target, { recursive: true });
      } else {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await extractZipEntry(zipFile, safe.entry, target, label);
      }
    }
    await confineBundleSources(path.join(staging, projectName));
    const destination = await renameToFreeName(staging, into, projectName.slice(0, -projectExtension.length) || 'Project');
    await syncFolder(into);
    return path.join(destination, projectName);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function readCheckedEntries(zipFile: string, label: string, limits: BundleLimits): Promise<SafeEntry[]> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(zipFile, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw new GlowroomError('not-found', `The bundle ${zipFile} was not found; it may have been moved or deleted.`);
    throw new GlowroomError('io', `Cannot read the bundle ${zipFile} (${errnoOf(error) ?? String(error)}).`);
  }
  try {
    return checkBundleEntries(await readZipEntries(handle, label, limits.maxEntries), label, limits);
  } finally {
    await handle.close();
  }
}

/** Renames `from` to `<into>/<name>`, or `<name> 2`, `<name> 3`… if taken; returns the path. */
async function renameToFreeName(from: string, into: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(into, n === 1 ? name : `${name} ${n}`);
    if (await exists(candidate)) continue;
    try {
      await fs.rename(from, candidate);
      return candidate;
    } catch (error) {
      // Someone created it meanwhile (renaming onto a non-empty folder fails): try the next name.
      if (errnoOf(error) !== 'ENOTEMPTY' && errnoOf(error) !== 'EEXIST') throw error;
    }
  }
}

async function checkFolder(folder: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw new GlowroomError('not-found', `The folder ${folder} does not exist; choose another place to unpack the bundle.`);
  }
  if (!stat.isDirectory()) throw new GlowroomError('wrong-kind', `${folder} is a file; choose a folder to unpack the bundle into.`);
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The process the kill test murders: saves version B and version A of a large project to the
 * file named in argv, alternately, forever, printing one line after each completed save.
 */
import { saveProject } from '../../../../electron/services/projects/project-files';
import { largeProject } from './projects';

const [file, clips] = process.argv.slice(2);
if (!file || !clips) throw new Error('usage: save-loop <file> <clips>');
const versions = [largeProject(Number(clips), 'B'), largeProject(Number(clips), 'A')] as const;
for (let i = 0; ; i++) {
  await saveProject(file, versions[i % 2]!);
  process.stdout.write('saved\n');
}

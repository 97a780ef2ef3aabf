import { demoSong } from '../../../src/model/demo-song';
import { useProject } from '../../state/project-store';
import { useSession } from '../../state/session-store';
import { confirmUnsaved } from './file-actions';

/**
 * Help ▸ Open demo song (and the first-run panel, and the empty arrangement): the demo song built
 * from the bundled content, opened as an untitled copy, so saving asks where and never writes
 * into the app's own files. Its samples start decoding as soon as it is open.
 */
export async function openDemoSong(): Promise<void> {
  const factoryDir = useSession.getState().info?.factoryDir ?? null;
  if (!factoryDir) {
    useSession.getState().notify('error', 'The demo song’s samples are missing from this installation of Glowroom; reinstalling it brings them back.');
    return;
  }
  if (!(await confirmUnsaved('opening the demo song'))) return;
  useProject.getState().load(demoSong(factoryDir), null);
  useSession.getState().notify('info', 'Opened the demo song as an untitled copy: press Space to play it. Change anything you like; saving asks where.');
}

import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { openDemoSong } from '../project';
import { TopBarMenu } from '../TopBarMenu';

/**
 * Help ▾ in the top bar of a browser tab (the desktop app has the same items in its native Help
 * menu): Getting Started, Keyboard Shortcuts, the guide, the demo song, and which Glowroom this is.
 */
export function HelpMenu() {
  const info = useSession((s) => s.info);
  if (info?.host !== 'web') return null;
  const ui = useUi.getState();
  return (
    <TopBarMenu
      label="Help"
      menuLabel="Help"
      align="right"
      items={[
        { label: 'Getting Started', run: () => ui.showGettingStarted(true) },
        { label: 'Keyboard Shortcuts', keys: '?', run: () => ui.show('shortcuts') },
        { label: 'Guide', run: () => ui.show('guide') },
        { label: 'Open Demo Song', run: () => void openDemoSong() },
      ]}
      footer={<p className="help-menu-version">Glowroom {info.version} · Web host</p>}
    />
  );
}

import { useCallback, useState } from 'react';
import { LibraryPanel } from '../library/LibraryPanel';
import { Timeline } from '../timeline/Timeline';
import { ShortcutSheet } from './ShortcutSheet';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './use-global-shortcuts';
import './shell.css';

export function App() {
  const [sheet, setSheet] = useState(false);
  useGlobalShortcuts(useCallback(() => setSheet((open) => !open), []));
  return (
    <div className="app">
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
      <TopBar />
      <main className="workspace">
        <LibraryPanel />
        <Timeline />
      </main>
      <StatusBar />
    </div>
  );
}

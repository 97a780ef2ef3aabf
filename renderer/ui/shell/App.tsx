import { LibraryPanel } from '../library/LibraryPanel';
import { Timeline } from '../timeline/Timeline';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './use-global-shortcuts';
import './shell.css';

export function App() {
  useGlobalShortcuts();
  return (
    <div className="app">
      <TopBar />
      <main className="workspace">
        <LibraryPanel />
        <Timeline />
      </main>
      <StatusBar />
    </div>
  );
}

import { useLibrary } from '../../state/library-store';
import { ImportForm } from './ImportForm';
import { LibraryFilters } from './LibraryFilters';
import { LibraryUpgrade } from './LibraryUpgrade';
import { PreviewControls } from './PreviewControls';
import { PreviewKey } from './PreviewKey';
import { SampleList } from './SampleList';
import { WarpLoopsSetting } from './WarpLoopsSetting';
import './library.css';

export function LibraryPanel() {
  const query = useLibrary((s) => s.query);
  const search = useLibrary((s) => s.search);
  return (
    <aside className="library" aria-label="Library">
      <h2 className="panel-title">Library</h2>
      <LibraryUpgrade />
      <ImportForm />
      <input
        type="search"
        className="library-search"
        aria-label="Search samples"
        placeholder="Search kicks, loops, 120bpm…"
        value={query.text ?? ''}
        onChange={(event) => void search({ text: event.target.value })}
      />
      <LibraryFilters />
      <PreviewControls />
      <PreviewKey />
      <WarpLoopsSetting />
      <SampleList />
    </aside>
  );
}

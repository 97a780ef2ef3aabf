import { useEffect } from 'react';
import { useLibrary } from '../../state/library-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { openDemoSong } from '../project';

/** Shows the panel on the first run: until the user has closed it once. */
export function useFirstRun(): void {
  useEffect(() => {
    runtime()
      .bridge.call('settings.get', {})
      .then((settings) => {
        if (!settings.gettingStartedDismissed) useUi.getState().showGettingStarted(true);
      })
      .catch(reportError);
  }, []);
}

function dismiss(): void {
  useUi.getState().showGettingStarted(false);
  runtime().bridge.call('settings.update', { gettingStartedDismissed: true }).catch(reportError);
}

/**
 * The first-run panel above the workspace: the demo song to hear at once, the three moves that
 * make a first sound of your own (import a pack, drag a sound in, press Space) and where the
 * shortcuts are. Closing it is remembered;
 * Help ▸ Getting Started brings it back. It covers nothing: the workspace moves down.
 */
export function GettingStarted() {
  const shown = useUi((s) => s.gettingStarted);
  const demoPack = useSession((s) => s.info?.demoPackDir ?? null);
  const importing = useLibrary((s) => s.job !== null);
  if (!shown) return <div className="getting-started-slot" />;
  return (
    <div className="getting-started-slot">
      <section className="getting-started" aria-labelledby="getting-started-title">
        <h2 id="getting-started-title">Getting started</h2>
        <p className="getting-started-demo">
          <button type="button" className="primary" onClick={() => void openDemoSong()}>
            Open demo song
          </button>{' '}
          Hear what Glowroom can do: a beat on the drum machine, an 808, chords, a sampled chime and the mixer’s effects. Then make your own:
        </p>
        <ol>
          <li>
            <strong>Import a pack.</strong>{' '}
            {demoPack ? (
              <>
                <button type="button" disabled={importing} onClick={() => void useLibrary.getState().importPaths([demoPack])}>
                  Import the demo pack
                </button>{' '}
                or add a folder of your own samples with Import folder… in the library.
              </>
            ) : (
              'Add a folder of samples with Import folder… (or a .zip pack with Import file…) at the top of the library.'
            )}
          </li>
          <li>
            <strong>Drag a sound in.</strong> Drag a sample from the library onto the timeline, or double-click it.
          </li>
          <li>
            <strong>Press Space</strong> to play and stop.
          </li>
        </ol>
        <p className="getting-started-shortcuts">
          Every shortcut: press <kbd>?</kbd> or Help ▸ Keyboard Shortcuts. This panel comes back from Help ▸ Getting Started.
        </p>
        <button type="button" className="getting-started-close primary" onClick={dismiss}>
          Got it
        </button>
      </section>
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AudioHost } from './audio/audio-host';
import { syncEngineWithProject } from './audio/engine-sync';
import { connectAutomationWriting } from './state/automation-writing';
import { connectInputMonitoring } from './state/input-monitoring';
import { SamplePool } from './audio/sample-pool';
import { connectBridge } from './bridge/bridge';
import { useExport } from './state/export-store';
import { useLibrary } from './state/library-store';
import { announceRecoveredTakes } from './state/recovered-takes';
import { setRuntime } from './state/runtime';
import { reportError, useSession } from './state/session-store';
import { useTransport } from './state/transport-store';
import { App } from './ui/shell/App';
import { connectNativeMenu } from './ui/shell/native-menu';
import './ui/theme.css';
import './ui/dialogs.css';

/** Connects to the Node side, starts the audio engine, then shows the app (or why it could not start). */
async function boot(root: HTMLElement): Promise<void> {
  const view = createRoot(root);
  try {
    const bridge = await connectBridge();
    const audio = await AudioHost.start();
    const samples = new SamplePool(bridge, audio);
    setRuntime({ bridge, audio, samples });
    syncEngineWithProject(audio, samples);
    connectAutomationWriting();
    connectInputMonitoring();
    audio.onRebuilt((reason) => {
      useTransport.setState({ playing: false });
      useSession.getState().notify('error', reason);
    });
    bridge.on('job.progress', (progress) => {
      useLibrary.getState().onProgress(progress);
      useExport.getState().onProgress(progress);
    });
    bridge.on('library.changed', () => {
      void useLibrary.getState().search({});
      void useLibrary.getState().refreshPacks();
    });
    bridge.onClose((reason) => useSession.getState().notify('error', reason));
    useSession.getState().setInfo(await bridge.call('app.info', {}));
    void announceRecoveredTakes(() => bridge.call('recording.recovered', {})).catch(reportError);
    // Show what the library already holds from the first frame.
    void useLibrary.getState().search({});
    void useLibrary.getState().refreshPacks();
    connectNativeMenu();
    view.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  } catch (error) {
    view.render(
      <div className="boot-failure" role="alert">
        <h1>Glowroom could not start</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </div>,
    );
  }
}

const root = document.getElementById('root');
if (root) void boot(root);

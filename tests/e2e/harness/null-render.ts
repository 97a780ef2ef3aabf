/**
 * Test page for the null test (and the library preview's timing): renders a project through the very worklet processor the app
 * plays with, in an OfflineAudioContext, with PCM decoded by the Node side through the bridge
 * (the app's own path). Exposes `window.renderProjectInWorklet` for Playwright.
 */
import { Engine } from '../../../src/engine/engine';
import { parseProject } from '../../../src/model/parse-project';
import { packSample, type EngineCommand, type PreviewWarp } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { renderOffline } from '../../../renderer/audio/offline-render';
import { connectBridge } from '../../../renderer/bridge/bridge';

declare global {
  interface Window {
    /** Renders `frames` frames of the project (JSON text; source paths absolute); returns interleaved float32 bytes as base64. */
    renderProjectInWorklet(projectJson: string, frames: number): Promise<string>;
    /**
     * Renders `frames` frames of the engine (120 BPM, 4/4, no tracks) playing from timeline frame
     * `seekFrame` while the library auditions `samplePath` in time (`warpJson`: a `PreviewWarp`),
     * the preview asked for before the first block; returns interleaved float32 bytes as base64.
     */
    renderPreviewInWorklet(samplePath: string, warpJson: string, seekFrame: number, frames: number): Promise<string>;
    harnessReady: boolean;
  }
}

const bridge = await connectBridge();

window.renderProjectInWorklet = async (projectJson, frames) => {
  const project = parseProject(projectJson, 'harness.glowroom');
  const commands: EngineCommand[] = [];
  for (const source of Object.values(project.sources)) {
    try {
      const audio = await bridge.call('audio.load', { path: source.path });
      commands.push({ type: 'add-sample', sample: packSample(source.path, audio.sampleRate, audio.channels, (n) => new SharedArrayBuffer(n)) });
    } catch {
      // A source that cannot be decoded stays silent, as in the Node render.
    }
  }
  const document = compileEngineDocument(project, (sourceId) => project.sources[sourceId]?.path ?? sourceId);
  const changes = engineDocumentChanges(null, document);
  commands.push(...changes, { type: 'play' });
  // The mix is as late as its slowest lookahead path; the Node render drops that much, so do we.
  const probe = new Engine(project.sampleRate);
  for (const change of changes) probe.command(change);
  const latency = probe.outputLatency;
  const [left, right] = await renderOffline(commands, project.sampleRate, frames + latency);
  return interleavedBase64(left, right, latency, frames);
};

window.renderPreviewInWorklet = async (samplePath, warpJson, seekFrame, frames) => {
  const audio = await bridge.call('audio.load', { path: samplePath });
  const commands: EngineCommand[] = [
    { type: 'add-sample', sample: packSample(samplePath, audio.sampleRate, audio.channels, (n) => new SharedArrayBuffer(n)) },
    { type: 'seek', frame: seekFrame },
    { type: 'play' },
    { type: 'preview', sampleId: samplePath, gainDb: 0, warp: JSON.parse(warpJson) as PreviewWarp },
  ];
  const [left, right] = await renderOffline(commands, audio.sampleRate, frames);
  return interleavedBase64(left, right, 0, frames);
};

/** `frames` frames of both channels from `from`, interleaved float32, as base64. */
function interleavedBase64(left: Float32Array, right: Float32Array, from: number, frames: number): string {
  const interleaved = new Float32Array(frames * 2);
  for (let i = 0; i < frames; i++) {
    interleaved[2 * i] = left[from + i] ?? 0;
    interleaved[2 * i + 1] = right[from + i] ?? 0;
  }
  const bytes = new Uint8Array(interleaved.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
window.harnessReady = true;

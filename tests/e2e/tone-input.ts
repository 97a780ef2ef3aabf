import type { Page } from '@playwright/test';

/**
 * An input device that plays a tone, for monitoring tests: `getUserMedia` answers a stereo stream
 * of a `frequency` Hz sine of peak `amplitude` made in the app's AudioContext, and
 * `enumerateDevices` lists it as "Tone generator". What the app sends to its output is also fed
 * to an AnalyserNode; `window.__outputPeak()` answers the largest absolute sample of its last
 * 2048 frames (about 43 ms).
 */
export async function installToneInput(page: Page, frequency: number, amplitude: number): Promise<void> {
  await page.addInitScript(
    ({ frequency, amplitude }) => {
      const contexts: AudioContext[] = [];
      const taps = new WeakMap<BaseAudioContext, AnalyserNode>();
      const Original = window.AudioContext;
      const connect = AudioNode.prototype.connect as (this: AudioNode, target: AudioNode) => AudioNode;
      const tapOf = (context: BaseAudioContext): AnalyserNode => {
        let tap = taps.get(context);
        if (!tap) taps.set(context, (tap = new AnalyserNode(context, { fftSize: 2048 })));
        return tap;
      };
      window.AudioContext = class extends Original {
        constructor(options?: AudioContextOptions) {
          super(options);
          contexts.push(this);
        }
      };
      AudioNode.prototype.connect = function (this: AudioNode, target: AudioNode | AudioParam, ...rest: number[]) {
        const result = (connect as (...args: unknown[]) => AudioNode).call(this, target, ...rest);
        if (target instanceof AudioDestinationNode && this.context instanceof Original) connect.call(this, tapOf(this.context));
        return result;
      } as typeof AudioNode.prototype.connect;
      const device = { deviceId: 'tone', kind: 'audioinput', label: 'Tone generator', groupId: 'tone' };
      navigator.mediaDevices.enumerateDevices = async () => [{ ...device, toJSON: () => device } as MediaDeviceInfo];
      navigator.mediaDevices.getUserMedia = async () => {
        const context = contexts.at(-1);
        if (!context) throw new Error('no AudioContext yet');
        const tone = new OscillatorNode(context, { frequency });
        const level = new GainNode(context, { gain: amplitude });
        const out = new MediaStreamAudioDestinationNode(context, { channelCount: 2 });
        connect.call(connect.call(tone, level), out);
        tone.start();
        return out.stream;
      };
      Object.assign(window, {
        __outputPeak() {
          const context = contexts.at(-1);
          if (!context) return 0;
          const samples = new Float32Array(2048);
          tapOf(context).getFloatTimeDomainData(samples);
          return samples.reduce((peak, x) => Math.max(peak, Math.abs(x)), 0);
        },
      });
    },
    { frequency, amplitude },
  );
}

/** The app's output peak now (see `installToneInput`). */
export function outputPeak(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __outputPeak(): number }).__outputPeak());
}

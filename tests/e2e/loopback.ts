import type { Page } from '@playwright/test';

/**
 * A loopback cable made in the page: everything the app sends to its AudioContext's output is
 * also fed through a DelayNode of `delaySeconds` into a MediaStreamAudioDestinationNode, whose
 * stream is what `getUserMedia` answers. `enumerateDevices` lists one input, "Loopback cable";
 * `window.__addInput(label)` adds another and fires `devicechange`; `window.__unplug()` ends the
 * tracks handed out (the device went away).
 */
export async function installLoopback(page: Page, delaySeconds: number): Promise<void> {
  await page.addInitScript((delay: number) => {
    type Loopback = { delay: DelayNode; destination: MediaStreamAudioDestinationNode };
    const loopbacks = new WeakMap<BaseAudioContext, Loopback>();
    const contexts: AudioContext[] = [];
    const handedOut: MediaStreamTrack[] = [];
    const inputs = [{ deviceId: 'loopback', kind: 'audioinput', label: 'Loopback cable', groupId: 'loopback' }];
    const Original = window.AudioContext;
    const connect = AudioNode.prototype.connect as (this: AudioNode, target: AudioNode) => AudioNode;
    const loopbackOf = (context: BaseAudioContext): Loopback => {
      let loopback = loopbacks.get(context);
      if (!loopback) {
        loopback = { delay: new DelayNode(context, { delayTime: delay, maxDelayTime: 1 }), destination: new MediaStreamAudioDestinationNode(context as AudioContext) };
        connect.call(loopback.delay, loopback.destination);
        loopbacks.set(context, loopback);
      }
      return loopback;
    };
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        contexts.push(this);
      }
    };
    AudioNode.prototype.connect = function (this: AudioNode, target: AudioNode | AudioParam, ...rest: number[]) {
      const result = (connect as (...args: unknown[]) => AudioNode).call(this, target, ...rest);
      if (target instanceof AudioDestinationNode && this.context instanceof Original) connect.call(this, loopbackOf(this.context).delay);
      return result;
    } as typeof AudioNode.prototype.connect;
    navigator.mediaDevices.getUserMedia = async () => {
      const context = contexts.at(-1);
      if (!context) throw new Error('no AudioContext yet');
      const tracks = loopbackOf(context).destination.stream.getAudioTracks().map((track) => track.clone());
      handedOut.push(...tracks);
      return new MediaStream(tracks);
    };
    navigator.mediaDevices.enumerateDevices = async () => inputs.map((input) => ({ ...input, toJSON: () => input }) as MediaDeviceInfo);
    Object.assign(window, {
      __addInput(label: string) {
        inputs.push({ deviceId: label, kind: 'audioinput', label, groupId: label });
        navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
      },
      __unplug() {
        for (const track of handedOut) track.stop();
      },
    });
  }, delaySeconds);
}

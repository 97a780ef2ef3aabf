import { calibrationClick, findClick } from '../../src/analysis/round-trip';
import type { InputChannels } from '../../src/protocol/capture';
import { GlowroomError } from '../../src/std/errors';
import type { InputCapture } from './input-capture';

const blockFrames = 128;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Measures the round trip output → input through a loopback cable: plays a click at a known
 * context frame, records the input around it, and finds the click by cross-correlation. Answers
 * the round trip in seconds. Errors: `not-found` when the click was not heard.
 */
export async function measureRoundTrip(context: AudioContext, capture: InputCapture, channels: InputChannels): Promise<number> {
  const rate = context.sampleRate;
  const click = calibrationClick();
  const buffer = new AudioBuffer({ length: click.length, numberOfChannels: 1, sampleRate: rate });
  buffer.getChannelData(0).set(click);
  capture.start([channels[0]]);
  await wait(150);
  // On a block boundary well ahead, so the click starts exactly on that frame.
  const clickFrame = (Math.ceil((context.currentTime * rate) / blockFrames) + 40) * blockFrames;
  const player = new AudioBufferSourceNode(context, { buffer });
  player.connect(context.destination);
  player.start(clickFrame / rate);
  await wait(((clickFrame / rate - context.currentTime) * 1000) + 600);
  capture.stop();
  const recorded = capture.drain(1);
  player.disconnect();
  const plane = recorded.channels[0] ?? new Float32Array(0);
  const at = findClick(plane, click);
  if (at === null) {
    throw new GlowroomError('not-found', 'The test click did not come back through the input. Connect the output to the chosen input with a cable, turn the input up, and try again.');
  }
  return (recorded.startContextFrame + at - clickFrame) / rate;
}

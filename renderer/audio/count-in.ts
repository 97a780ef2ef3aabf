/**
 * A count-in before recording: one bar of clicks (the first accented) played straight to the
 * speakers on the audio clock, so the clicks are exactly in time whatever the page is doing. The
 * promise resolves when the bar is over (the downbeat the take starts on), or rejects with an
 * AbortError when `signal` aborts (Stop during the count-in), silencing the clicks left.
 */
const leadSeconds = 0.05;
const clickSeconds = 0.03;

export function countIn(context: AudioContext, beatCount: number, secondsPerBeat: number, signal: AbortSignal): Promise<void> {
  const start = context.currentTime + leadSeconds;
  const clicks = Array.from({ length: beatCount }, (_, beat) => {
    const at = start + beat * secondsPerBeat;
    const tone = new OscillatorNode(context, { frequency: beat === 0 ? 1760 : 1320 });
    const level = new GainNode(context, { gain: 0 });
    level.gain.setValueAtTime(beat === 0 ? 0.5 : 0.3, at);
    level.gain.exponentialRampToValueAtTime(0.001, at + clickSeconds);
    tone.connect(level).connect(context.destination);
    tone.start(at);
    tone.stop(at + clickSeconds);
    return tone;
  });
  return new Promise((resolve, reject) => {
    const downbeat = start + beatCount * secondsPerBeat;
    const timer = setTimeout(resolve, Math.max(0, (downbeat - context.currentTime) * 1000));
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        for (const click of clicks) click.stop();
        reject(new DOMException('The count-in was stopped.', 'AbortError'));
      },
      { once: true },
    );
  });
}

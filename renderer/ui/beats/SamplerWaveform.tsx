import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { setSamplerPoint, type SamplerPoint } from '../../../src/model/edits/instrument-edits';
import type { SamplerZone } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import type { SampleInfo } from '../../state/samples-store';
import { SampleThumbnail } from '../library';

const markers: readonly { point: SamplerPoint; name: string }[] = [
  { point: 'start', name: 'Sample start' },
  { point: 'loopStart', name: 'Loop start' },
  { point: 'loopEnd', name: 'Loop end' },
  { point: 'end', name: 'Sample end' },
];

/** Arrow keys move a marker this far (Shift: a tenth of it), in seconds. */
const keyStepSeconds = 0.01;

const percent = (seconds: number, duration: number) => `${(Math.min(1, Math.max(0, seconds / duration)) * 100).toFixed(3)}%`;

/**
 * The sampler's sample drawn from its stored peaks with its start, end, loop start and loop end as
 * markers: drag one (the sound follows while dragging; Escape puts it back) for one undo step, or
 * focus it and move it with the arrow keys (Shift: finer; Home / End: as far as it goes). The loop
 * is shaded when on, with its crossfade before the loop end; slices show as lines.
 */
export function SamplerWaveform({ trackId, zone, info, loopOn, crossfadeMs }: { trackId: string; zone: SamplerZone; info: SampleInfo; loopOn: boolean; crossfadeMs: number }) {
  const area = useRef<HTMLDivElement>(null);
  const dragging = useRef<SamplerPoint | null>(null);
  const duration = info.frames / info.sampleRate;
  const label = (name: string) => `Move Sampler ${name}`;
  const secondsAt = (clientX: number) => {
    const rect = area.current?.getBoundingClientRect();
    return rect && rect.width > 0 ? ((clientX - rect.left) / rect.width) * duration : 0;
  };
  const move = (point: SamplerPoint, seconds: number) => (p: Parameters<typeof setSamplerPoint>[0]) => setSamplerPoint(p, trackId, point, seconds, duration);
  const onPointerDown = (point: SamplerPoint) => (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.focus();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = point;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const point = dragging.current;
    if (point) useProject.getState().previewGesture(move(point, secondsAt(event.clientX)));
  };
  const finish = (name: string | null) => {
    if (!dragging.current) return;
    dragging.current = null;
    useProject.getState().endGesture(name === null ? null : label(name));
  };
  const onKeyDown = (point: SamplerPoint, name: string) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      if (dragging.current) event.stopPropagation();
      finish(null);
      return;
    }
    const step = event.shiftKey ? keyStepSeconds / 10 : keyStepSeconds;
    const to = { ArrowLeft: zone[point] - step, ArrowDown: zone[point] - step, ArrowRight: zone[point] + step, ArrowUp: zone[point] + step, Home: 0, End: duration }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    useProject.getState().edit(label(name), move(point, to));
  };
  const fade = loopOn ? Math.min(crossfadeMs / 1000, (zone.loopEnd - zone.loopStart) / 2, zone.loopStart - zone.start) : 0;
  return (
    <div className="sampler-waveform" ref={area}>
      <SampleThumbnail peaks={info.peaks} width={1024} height={96} className="sampler-waveform-peaks" />
      <div className="sampler-waveform-outside" style={{ left: 0, width: percent(zone.start, duration) }} />
      <div className="sampler-waveform-outside" style={{ left: percent(zone.end, duration), right: 0 }} />
      {loopOn && zone.loopEnd > zone.loopStart ? (
        <div className="sampler-waveform-loop" style={{ left: percent(zone.loopStart, duration), width: percent(zone.loopEnd - zone.loopStart, duration) }} />
      ) : null}
      {fade > 0 ? <div className="sampler-waveform-crossfade" title={`Loop crossfade ${Math.round(fade * 1000)} ms`} style={{ left: percent(zone.loopEnd - fade, duration), width: percent(fade, duration) }} /> : null}
      {zone.slices.map((slice) => (
        <div key={slice} className="sampler-waveform-slice" style={{ left: percent(slice, duration) }} />
      ))}
      {markers.map(({ point, name }) => (
        <div
          key={point}
          role="slider"
          tabIndex={0}
          aria-label={name}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration * 1000)}
          aria-valuenow={Math.round(zone[point] * 1000)}
          aria-valuetext={`${(zone[point] * 1000).toFixed(1)} ms`}
          title={`${name}: ${(zone[point] * 1000).toFixed(1)} ms (drag, or arrow keys)`}
          className={`sampler-marker sampler-marker-${point}`}
          style={{ left: percent(zone[point], duration) }}
          onPointerDown={onPointerDown(point)}
          onPointerMove={onPointerMove}
          onPointerUp={() => finish(name)}
          onPointerCancel={() => finish(null)}
          onLostPointerCapture={() => finish(name)}
          onKeyDown={onKeyDown(point, name)}
        />
      ))}
    </div>
  );
}

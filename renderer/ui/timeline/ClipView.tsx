import { memo, type PointerEvent } from 'react';
import type { Clip, Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useEditor } from '../../state/editor-store';
import { useSamples } from '../../state/samples-store';
import { useTimeline } from '../../state/timeline-store';
import { startClipGesture, type ClipGestureKind } from './clip-gesture';
import { ClipWaveform } from './ClipWaveform';

/** Below this width (px) a clip shows no edge handles. */
const handleRoom = 32;
/** Below this width (px) a clip draws no waveform: a few pixels of it would show nothing. */
const waveformRoom = 6;

/**
 * One clip: its waveform and name, selectable (click, shift-click), draggable (body moves,
 * edges trim, the corner squares set fades, a looped clip's right tab extends the loop).
 * `path` is the clip's source file and `tempo` the project's: memoised on those rather than the
 * whole document, a clip re-renders only when it, its track or what it shows changes.
 */
export const ClipView = memo(function ClipView({ tempo, path, track, clip }: { tempo: number; path: string; track: Track; clip: Clip }) {
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const selected = useTimeline((s) => s.selection.includes(clip.id));
  const info = useSamples((s) => s.byPath[path]);
  const missing = useProject((s) => s.missing.some((m) => m.sourceId === clip.source));
  const name = path.split(/[\\/]/).pop() ?? path;
  const width = Math.max(4, clip.length * pixelsPerBeat);
  const fadePx = (seconds: number) => ((seconds / clip.rate) * tempo * pixelsPerBeat) / 60;

  const grab = (kind: ClipGestureKind) => (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    const timeline = useTimeline.getState();
    if (kind === 'move') {
      if (event.shiftKey) timeline.toggleSelected(clip.id);
      else if (!selected) timeline.select([clip.id]);
    } else if (!selected) timeline.select([clip.id]);
    startClipGesture(event, kind, track, clip);
  };

  return (
    <div
      className={`clip ${selected ? 'is-selected' : ''} ${clip.reverse ? 'is-reversed' : ''} ${missing ? 'is-missing' : ''}`}
      style={{ left: clip.start * pixelsPerBeat, width }}
      aria-label={`Clip ${name}${missing ? ' (missing audio)' : ''}`}
      aria-selected={selected}
      role="option"
      title={`${name}${clip.loop ? ' · loop' : ''}${clip.reverse ? ' · reversed' : ''}${clip.rate !== 1 ? ` · ${clip.rate}×` : ''}`}
      onPointerDown={grab('move')}
      onDoubleClick={() => useEditor.getState().open({ trackId: track.id, clipId: clip.id })}
    >
      {info?.peaks && width >= waveformRoom && <ClipWaveform clip={clip} tempo={tempo} peaks={info.peaks} seconds={info.frames / info.sampleRate} width={width} />}
      <span className="clip-name">{name}</span>
      {clip.fadeIn > 0 && <div className="clip-fade clip-fade-in" style={{ width: fadePx(clip.fadeIn) }} />}
      {clip.fadeOut > 0 && <div className="clip-fade clip-fade-out" style={{ width: fadePx(clip.fadeOut) }} />}
      {/* Narrow clips keep their whole body for moving; zoom in to trim or fade them. */}
      {width >= handleRoom && (
        <>
          <div className="clip-handle clip-trim-start" aria-label="Trim start" onPointerDown={grab('trim-start')} />
          <div className="clip-handle clip-trim-end" aria-label="Trim end" onPointerDown={grab('trim-end')} />
          <div className="clip-handle clip-fade-in-handle" aria-label="Fade in" style={{ left: fadePx(clip.fadeIn) }} onPointerDown={grab('fade-in')} />
          <div className="clip-handle clip-fade-out-handle" aria-label="Fade out" style={{ right: fadePx(clip.fadeOut) }} onPointerDown={grab('fade-out')} />
        </>
      )}
      {clip.loop && <div className="clip-handle clip-loop-handle" aria-label="Extend loop" onPointerDown={grab('loop')} />}
    </div>
  );
});

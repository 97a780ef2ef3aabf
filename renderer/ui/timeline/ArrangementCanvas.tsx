import { useEffect, useRef, type RefObject } from 'react';
import { patternUses } from '../../../src/model/beats/pattern-uses';
import type { Clip, Track } from '../../../src/model/project-schema';
import { useAutomationView } from '../../state/automation-view-store';
import { Clock } from '../../../src/std/clock';
import { missingNow, useProject } from '../../state/project-store';
import { useSamples } from '../../state/samples-store';
import { useTakeView } from '../../state/take-view-store';
import { useTimeline } from '../../state/timeline-store';
import { paintArrangement } from './arrangement-painter';
import type { ClipLook } from './clip-painter';
import { clipDisplayName } from './clip-name';
import { headerWidth, rulerHeight } from './geometry';
import { readTimelinePalette } from './timeline-palette';
import { timelineRows } from './automation-rows';
import { lanesBottom } from './channel-rows';

/**
 * The canvas under the timeline's scroller that paints every lane (grid and clips) for the part
 * of the arrangement in view. It repaints at most once per animation frame, when the view
 * scrolls or resizes or the document, zoom, selection, hover or loaded waveforms change; React
 * never re-renders it. `data-clips` / `data-waveforms` / `data-notes` / `data-overlaps` tell how many
 * clips the last paint drew, how many of them with a waveform, how many notes of note clips, and how
 * many covered spans of overlapping clips.
 */
export function ArrangementCanvas({ scroller }: { scroller: RefObject<HTMLDivElement | null> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const view = scroller.current;
    const context = element?.getContext('2d');
    if (!element || !view || !context) return;
    const palette = readTimelinePalette(element);
    let frame = 0;

    const paint = () => {
      frame = 0;
      const width = view.clientWidth;
      const height = view.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      if (element.width !== pixelWidth || element.height !== pixelHeight) {
        element.width = pixelWidth;
        element.height = pixelHeight;
        element.style.width = `${width}px`;
        element.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const state = useProject.getState();
      const { project } = state;
      const { pixelsPerBeat, selection, hovered } = useTimeline.getState();
      const { byPath } = useSamples.getState();
      const selected = new Set(selection);
      const missingSources = new Set(missingNow(state).map((m) => m.sourceId));
      const uses = patternUses(project);
      const notesLook = (clip: Clip, track: Track): ClipLook['notes'] => {
        const pattern = clip.kind === 'notes' ? project.patterns[clip.pattern] : undefined;
        if (clip.kind !== 'notes' || !pattern) return null;
        return { pattern, drums: track.instrument?.type === 'drums', linked: (uses.get(clip.pattern) ?? 0) > 1 };
      };
      const lookOf = (clip: Clip, track: Track): ClipLook => {
        const path = clip.kind === 'audio' ? (project.sources[clip.source]?.path ?? '') : '';
        const info = byPath[path];
        return {
          name: clipDisplayName(clip, path),
          colour: track.colour,
          muted: clip.mute,
          selected: selected.has(clip.id),
          hovered: hovered === clip.id,
          missing: clip.kind === 'audio' && missingSources.has(clip.source),
          peaks: info ? { data: info.peaks, seconds: info.frames / info.sampleRate } : null,
          notes: notesLook(clip, track),
        };
      };
      const rows = timelineRows(project);
      const count = paintArrangement(
        context,
        {
          width,
          height,
          scrollLeft: view.scrollLeft,
          scrollTop: view.scrollTop,
          laneLeft: headerWidth,
          rowTop: rulerHeight,
          pixelsPerBeat,
          lanesBottom: lanesBottom(project, rows.height),
          clock: Clock.of(project),
          meters: [{ bar: 0, timeSignature: project.timeSignature }, ...project.meterChanges],
        },
        rows.rows,
        project.markers,
        lookOf,
        palette,
      );
      // What is on screen, for tests and benchmarks that cannot look into the canvas.
      element.dataset['clips'] = String(count.clips);
      element.dataset['waveforms'] = String(count.waveforms);
      element.dataset['notes'] = String(count.notes);
      element.dataset['overlaps'] = String(count.overlaps);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };

    schedule();
    view.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(view);
    const unsubscribe = [useProject.subscribe(schedule), useTimeline.subscribe(schedule), useSamples.subscribe(schedule), useAutomationView.subscribe(schedule), useTakeView.subscribe(schedule)];
    return () => {
      cancelAnimationFrame(frame);
      view.removeEventListener('scroll', schedule);
      resize.disconnect();
      for (const stop of unsubscribe) stop();
    };
  }, [scroller]);
  return <canvas ref={canvas} className="arrangement-canvas" aria-hidden="true" />;
}

import { useRef } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { useProject } from '../../state/project-store';
import { useStatusFrame } from '../shell/use-status-frame';
import './timeline.css';

const pixelsPerBeat = 28;
const minimumBars = 64;

/** The arrangement: a bar ruler, one lane per track with its clips, and the playhead. */
export function Timeline() {
  const project = useProject((s) => s.project);
  const playhead = useRef<HTMLDivElement>(null);
  useStatusFrame((status, sampleRate) => {
    const seconds = (status[statusSlots.playheadFrame] ?? 0) / sampleRate;
    const x = ((seconds * useProject.getState().project.tempo) / 60) * pixelsPerBeat;
    if (playhead.current) playhead.current.style.transform = `translateX(${x}px)`;
  });
  const beatsPerBar = project.timeSignature[0];
  const barWidth = beatsPerBar * pixelsPerBeat;
  const lastBeat = Math.max(0, ...project.tracks.flatMap((track) => track.clips.map((clip) => clip.start + clip.length)));
  const bars = Math.max(minimumBars, Math.ceil(lastBeat / beatsPerBar) + 8);
  const grid = { backgroundSize: `${barWidth}px 100%, ${pixelsPerBeat}px 100%` };
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-scroll">
        <div className="timeline-canvas" style={{ width: bars * barWidth }}>
          <div className="ruler" aria-hidden="true">
            {Array.from({ length: bars }, (_, bar) => (
              <span key={bar} className="ruler-bar" style={{ width: barWidth }}>
                {bar + 1}
              </span>
            ))}
          </div>
          {project.tracks.map((track) => (
            <div key={track.id} className="lane" style={grid} role="group" aria-label={`Track ${track.name}`}>
              {track.clips.map((clip) => {
                const name = fileName(project.sources[clip.source]?.path ?? '');
                return (
                  <div
                    key={clip.id}
                    className="clip"
                    style={{ left: clip.start * pixelsPerBeat, width: Math.max(4, clip.length * pixelsPerBeat) }}
                    aria-label={`Clip ${name}`}
                    title={`${name} · bar ${Math.floor(clip.start / beatsPerBar) + 1}`}
                  >
                    <span className="clip-name">{name}</span>
                  </div>
                );
              })}
            </div>
          ))}
          {project.tracks.length === 0 && (
            <div className="lane" style={grid}>
              <p className="timeline-empty">Double-click a sample in the library (or select it and press Enter) to put it on a new track.</p>
            </div>
          )}
          <div ref={playhead} className="playhead" aria-hidden="true" />
        </div>
      </div>
    </section>
  );
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

import { useMemo, useState } from 'react';
import { drumPadBasePitch } from '../../../src/devices/instruments/catalog';
import { clipBeatAt, patternBeatAt } from '../../../src/model/beats/pattern-position';
import { pitchName } from '../../../src/model/beats/scales';
import { setSongSwing } from '../../../src/model/beats/song-swing';
import { setInstrumentParam, setInstrumentParams } from '../../../src/model/edits/instrument-edits';
import type { NoteClip, Pattern, Project, Track } from '../../../src/model/project-schema';
import { auditionNote } from '../../audio/live-notes';
import { useEditor } from '../../state/editor-store';
import { useProject } from '../../state/project-store';
import { SynthEditor } from '../devices';
import { DrumPads } from './DrumPads';
import { SamplerPanel } from './SamplerPanel';
import { NumberField } from './NumberField';
import { PianoRoll } from './PianoRoll';
import { StepSequencer, type StepRow } from './StepSequencer';
import { usePatternEditing } from './use-pattern-editing';
import './beats.css';

type BeatsView = 'steps' | 'piano' | 'pads' | 'sound';

interface OpenClip {
  readonly track: Track;
  readonly clip: NoteClip;
  readonly pattern: Pattern;
}

function findNoteClip(project: Project, trackId: string, clipId: string): OpenClip | null {
  const track = project.tracks.find((t) => t.id === trackId);
  const clip = track?.clips.find((c) => c.id === clipId);
  if (!track || clip?.kind !== 'notes') return null;
  const pattern = project.patterns[clip.pattern];
  return pattern ? { track, clip, pattern } : null;
}

/**
 * The beat editor, docked under the timeline while a note clip is open (double-click): the step
 * sequencer and the pads for a drum machine's clip, the piano roll for any instrument's, and the
 * synth's editor or the sampler's sample and settings for theirs.
 */
export function BeatsEditor() {
  const target = useEditor((s) => s.target);
  const project = useProject((s) => s.project);
  const open = target ? findNoteClip(project, target.trackId, target.clipId) : null;
  if (!open) return null;
  return <BeatsPanel key={`${open.track.id}/${open.clip.id}`} open={open} project={project} />;
}

function BeatsPanel({ open, project }: { open: OpenClip; project: Project }) {
  const { track, clip, pattern } = open;
  const drums = track.instrument?.type === 'drums' ? track.instrument : null;
  const [view, setView] = useState<BeatsView>(drums ? 'steps' : 'piano');
  const editing = usePatternEditing(clip.pattern, pattern);
  const audition = (pitch: number) => auditionNote(track.id, pitch);
  const rows: StepRow[] = useMemo(() => stepRows(drums?.pads.map((p) => p.name) ?? [], pattern), [drums, pattern]);
  const ghosts = useMemo(() => {
    const others = new Set(track.clips.flatMap((c) => (c.kind === 'notes' && c.pattern !== clip.pattern ? [c.pattern] : [])));
    return [...others].flatMap((id) => project.patterns[id]?.notes ?? []);
  }, [track.clips, clip.pattern, project.patterns]);
  const playheadBeat = (timelineBeat: number) => patternBeatAt(clip, pattern.length, timelineBeat);
  const rollPlayheadBeat = (timelineBeat: number) => clipBeatAt(clip, pattern.length, timelineBeat);
  const songKey = project.key ? { root: project.key.tonic, scale: project.key.mode } : null;
  return (
    <section className="beats-panel" aria-label="Beat editor">
      <header>
        <h2>{clip.name || pattern.name}</h2>
        <span className="beats-choice" role="tablist" aria-label="View">
          {drums && (
            <button type="button" role="tab" aria-selected={view === 'steps'} aria-pressed={view === 'steps'} onClick={() => setView('steps')}>
              Steps
            </button>
          )}
          <button type="button" role="tab" aria-selected={view === 'piano'} aria-pressed={view === 'piano'} onClick={() => setView('piano')}>
            Piano roll
          </button>
          {drums && (
            <button type="button" role="tab" aria-selected={view === 'pads'} aria-pressed={view === 'pads'} onClick={() => setView('pads')}>
              Pads
            </button>
          )}
          {!drums && (
            <button type="button" role="tab" aria-selected={view === 'sound'} aria-pressed={view === 'sound'} onClick={() => setView('sound')}>
              {track.instrument?.type === 'sampler' ? 'Sampler' : 'Synth'}
            </button>
          )}
        </span>
        <span className="beats-spacer" />
        <label title="The swing of every pattern that has none of its own">
          Song swing
          <NumberField label="Song swing in percent" value={project.swing} min={50} max={75} onSet={(swing) => useProject.getState().edit('Change Song Swing', (p) => setSongSwing(p, swing))} />
          %
        </label>
        <span className="beats-note">{track.name}</span>
        <button type="button" aria-label="Close beat editor" onClick={() => useEditor.getState().close()}>
          Close
        </button>
      </header>
      <div className="beats-panel-body">
        {view === 'steps' && drums && <StepSequencer editing={editing} rows={rows} projectSwing={project.swing} playheadBeat={playheadBeat} audition={audition} />}
        {view === 'piano' && (
          <PianoRoll editing={editing} ghosts={ghosts} songKey={songKey} song={project} placement={clip} playheadBeat={rollPlayheadBeat} audition={audition} />
        )}
        {view === 'pads' && drums && <DrumPads track={track} drums={drums} project={project} patternId={clip.pattern} audition={audition} />}
        {view === 'sound' && track.instrument?.type === 'synth' && (
          <SynthEditor
            instrumentId={track.instrument.id}
            trackName={track.name}
            params={track.instrument.params}
            setParamIn={(p, param, value) => setInstrumentParam(p, track.id, param, value)}
            setParamsIn={(p, values) => setInstrumentParams(p, track.id, values)}
            onClose={() => setView('piano')}
          />
        )}
        {view === 'sound' && track.instrument?.type === 'sampler' && <SamplerPanel track={track} sampler={track.instrument} project={project} />}
      </div>
    </section>
  );
}

/** The pads as rows (pad 1 = the kick at the top, as FL Studio lists channels), then any other pitch the pattern plays. */
function stepRows(padNames: readonly string[], pattern: Pattern): StepRow[] {
  const pads = padNames.map((name, i) => ({ pitch: drumPadBasePitch + i, name: name || `Pad ${i + 1}` }));
  const extra = [...new Set(pattern.notes.map((n) => n.pitch))].filter((p) => p < drumPadBasePitch || p >= drumPadBasePitch + padNames.length).sort((a, b) => a - b);
  return [...pads, ...extra.map((pitch) => ({ pitch, name: pitchName(pitch) }))];
}

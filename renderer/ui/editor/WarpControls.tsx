import type { KeyboardEvent } from 'react';
import { filenameTempo } from '../../../src/analysis/filename-tempo';
import type { ClipRef } from '../../../src/model/edits/selection';
import { setClipPitch, setClipSourceTempo, setClipWarpMode, shiftsPitch } from '../../../src/model/edits/warp-edits';
import { warpModes, type AudioClip, type WarpMode } from '../../../src/model/project-schema';
import { useLibrary } from '../../state/library-store';
import { useProject } from '../../state/project-store';
import type { SampleInfo } from '../../state/samples-store';
import { useTempoQuestion } from '../../state/tempo-question-store';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';

const modeNames: Record<WarpMode, string> = { repitch: 'Repitch', beats: 'Beats', tonal: 'Tonal' };
const modeHints: Record<WarpMode | 'off', string> = {
  off: 'Plays at its own speed whatever the tempo',
  repitch: 'Follows the tempo; pitch moves with speed (varispeed)',
  beats: 'Follows the tempo; slices at transients keep their attacks (drums)',
  tonal: 'Follows the tempo; keeps pitch (melodic material, vocals)',
};

/**
 * The clip's timing mode (format v4 `warp`): off, repitch, beats or tonal; the tempo its source
 * is played from (the file's name's, else the library's, else asked: never guessed); and, in
 * beats and tonal mode, its transposition in semitones and cents. Each change is one undo step.
 */
export function WarpControls({ clip, clipRef, source }: { clip: AudioClip; clipRef: ClipRef; source: SampleInfo }) {
  const edit = useProject.getState().edit;
  const mode = clip.warp?.mode ?? 'off';
  const setMode = async (next: WarpMode | 'off') => {
    const tempo = next === 'off' || clip.warp ? 0 : await sourceTempoOf(clip, source);
    if (tempo === null) return;
    edit(next === 'off' ? 'Unwarp Clip' : `Warp Clip (${modeNames[next]})`, (p) => setClipWarpMode(p, [clipRef], next === 'off' ? null : next, tempo));
  };
  const pitched = shiftsPitch(clip);
  return (
    <fieldset>
      <legend>Warp</legend>
      <label className="editor-field" title={modeHints[mode]}>
        Timing
        <select value={mode} aria-label="Timing mode" onChange={(e) => void setMode(e.currentTarget.value as WarpMode | 'off')}>
          <option value="off">Off</option>
          {warpModes.map((m) => (
            <option key={m} value={m}>
              {modeNames[m]}
            </option>
          ))}
        </select>
      </label>
      <NumberField label="Source tempo" unit="BPM" value={clip.warp?.sourceTempo ?? null} step={0.01} onCommit={(bpm) => edit('Set Source Tempo', (p) => setClipSourceTempo(p, [clipRef], bpm))} />
      <NumberField label="Transpose" unit="st" value={pitched ? clip.transpose : null} step={1} onCommit={(transpose) => edit('Transpose Clip', (p) => setClipPitch(p, [clipRef], { transpose }))} />
      <NumberField label="Detune" unit="ct" value={pitched ? clip.detune : null} step={1} onCommit={(detune) => edit('Detune Clip', (p) => setClipPitch(p, [clipRef], { detune }))} />
      {clip.warp && (
        <p className="editor-hint" aria-label="Warp markers">
          {markerCount(clip.warp.markers.length)} · double-click the waveform to add one (on a transient when near), drag to move, Delete to remove
        </p>
      )}
    </fieldset>
  );
}

/**
 * The tempo a clip about to be warped is played from: stated in its file's name, else known to
 * the library (detected, or given before), else asked (and then kept in the library). Null: the
 * user cancelled.
 */
async function sourceTempoOf(clip: AudioClip, source: SampleInfo): Promise<number | null> {
  const known = filenameTempo(source.name) ?? useLibrary.getState().rows.find((row) => row.path === source.path)?.bpm ?? null;
  if (known !== null) return known;
  const clock = Clock.of(useProject.getState().project);
  const answer = await useTempoQuestion.getState().ask({ name: source.name, durationSeconds: source.frames / source.sampleRate, barBeats: clock.barLength(clock.barAt(beats(clip.start))), placing: false });
  if (typeof answer !== 'number') return null;
  await useLibrary.getState().setTempo(source.path, answer);
  return answer;
}

function markerCount(count: number): string {
  return count === 0 ? 'No warp markers' : count === 1 ? '1 warp marker' : `${count} warp markers`;
}

/** A number committed on Enter or leaving the field; null shows it disabled (not applicable). */
function NumberField({ label, unit, value, step, onCommit }: { label: string; unit: string; value: number | null; step: number; onCommit: (value: number) => void }) {
  const commit = (text: string) => {
    const next = Number(text);
    if (text.trim() !== '' && Number.isFinite(next) && next !== value) onCommit(next);
  };
  return (
    <label className="editor-field">
      {label}
      <input
        key={value ?? 'none'}
        type="number"
        step={step}
        defaultValue={value ?? ''}
        disabled={value === null}
        aria-label={`${label} (${unit})`}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
      <span className="editor-unit">{unit}</span>
    </label>
  );
}

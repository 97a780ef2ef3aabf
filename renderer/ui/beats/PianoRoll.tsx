import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { chordNames, chords, type ChordName } from '../../../src/model/beats/chords';
import {
  allNotes,
  copyNotes,
  deleteNotes,
  duplicateNotes,
  foldNotes,
  moveNotes,
  pasteNotes,
  setPatternLength,
} from '../../../src/model/beats/note-edits';
import type { PatternNote } from '../../../src/model/beats/pattern-shape';
import { quantizeNotes } from '../../../src/model/beats/quantize';
import { inScale, pitchClassNames, pitchName, scaleNames, scales, type ScaleChoice } from '../../../src/model/beats/scales';
import { gridStepAt, patternBars, patternLengthInBars, patternLengthOfBars, snapInPattern } from '../../../src/model/beats/pattern-grid';
import { laterPasses, type PatternPass, type PatternPlacement } from '../../../src/model/beats/pattern-position';
import { gridBeats, snapOptions, type SnapSetting } from '../../../src/model/snap';
import type { TimeMap } from '../../../src/std/clock';
import { NumberField } from './NumberField';
import type { PatternEditing } from './pattern-editing';
import { PianoKeys, isBlackKey } from './PianoKeys';
import { beatX, pitchRows, pitchY, topPitch, zoomed, type RollGrid, type RollView } from './piano-roll-geometry';
import { RollBars, RollRuler } from './RollBars';
import { rollCommand, type RollCommand } from './roll-keys';
import { usePatternPlayhead } from './use-pattern-playhead';
import { useRollGestures, type RollTool } from './use-roll-gestures';
import { VelocityLane } from './VelocityLane';
import './beats.css';
import { maxOf, minOf } from '../../../src/std/extremes';

export interface PianoRollProps {
  readonly editing: PatternEditing;
  /** Notes of the track's other patterns, drawn faintly behind (pattern time). */
  readonly ghosts: readonly PatternNote[];
  /** The song's key, the scale shown first. */
  readonly songKey: ScaleChoice | null;
  /** The song's tempo and meters: the pattern's bars are the song's bars where the clip sits. */
  readonly song: TimeMap;
  /** Where the clip sits: pattern beat 0 is on song beat start − offset; a looped clip's later passes are drawn after the pattern. */
  readonly placement: PatternPlacement;
  /** The clip position (pattern beats, running on into later passes) at a playhead position (timeline beats), or null outside the clip. */
  readonly playheadBeat: (timelineBeat: number) => number | null;
  readonly audition: (pitch: number) => void;
}

const noteLabel = (note: PatternNote) => `${pitchName(note.pitch)} at beat ${+(note.start + 1).toFixed(3)}`;
const fineNudge = 1 / 32;

/**
 * The piano roll: draw (the last length is remembered), move, resize, erase, select (rubber band,
 * Shift), a velocity lane, quantize with strength and swing, snap (Alt: off the grid), scale
 * highlight and fold, ghost notes, chord stamps, copy/paste, duplicate, transpose and nudge keys,
 * audition, zoom on both axes. Each gesture or command is one undo step. A looped clip's later
 * passes follow the pattern, read-only, over the song's bars where they play.
 */
export function PianoRoll({ editing, ghosts, songKey, song, placement, playheadBeat, audition }: PianoRollProps) {
  const { pattern } = editing;
  const origin = placement.start - placement.offset;
  const passes = useMemo(() => laterPasses(placement, pattern.length), [placement, pattern.length]);
  const span = passes.length > 0 ? (passes[passes.length - 1] as PatternPass).end : pattern.length;
  const [view, setView] = useState<RollView>({ pxPerBeat: 96, rowPx: 14 });
  const [tool, setTool] = useState<RollTool>('draw');
  const [snap, setSnap] = useState<SnapSetting>('1/16');
  const [chord, setChord] = useState<ChordName | null>(null);
  const [scale, setScale] = useState<ScaleChoice>(songKey ?? { root: 0, scale: 'major' });
  const [highlight, setHighlight] = useState(songKey !== null);
  const [strength, setStrength] = useState(100);
  const [swing, setSwing] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [follow, setFollow] = useState(true);
  const clipboard = useRef<PatternNote[]>([]);
  const scroller = useRef<HTMLDivElement>(null);
  const lane = useRef<HTMLDivElement>(null);
  const playhead = useRef<HTMLDivElement>(null);
  const rollGrid: RollGrid = useMemo(() => ({ snap: (beat, rounding) => snapInPattern(beat, snap, song, origin, rounding), step: (beat) => gridStepAt(beat, snap, song, origin) }), [snap, song, origin]);
  const width = Math.max(beatX(span, view), 200);
  const bars = useMemo(() => patternBars(song, origin, width / view.pxPerBeat), [song, origin, width, view.pxPerBeat]);
  // Nudge and duplicate step by the grid where the notes are; quantize uses each bar's grid (null: snap off).
  const grid = rollGrid.step(0);
  const selectionStep = () => rollGrid.step(selected.length > 0 ? minOf(selected.map((i) => pattern.notes[i]?.start ?? 0)) : 0);
  const gestures = useRollGestures({ editing, view, tool, grid: rollGrid, chord, selected, select: setSelected, audition });

  // Start with the notes (or middle C) in view.
  useEffect(() => {
    const view0 = scroller.current;
    if (!view0) return;
    const pitches = pattern.notes.map((n) => n.pitch);
    const centre = pitches.length > 0 ? (maxOf(pitches) + minOf(pitches)) / 2 : 60;
    view0.scrollTop = Math.max(0, pitchY(centre, view) - view0.clientHeight / 2);
    // Only when the editor opens; later scrolls are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  usePatternPlayhead(playheadBeat, (beat) => {
    const line = playhead.current;
    if (!line) return;
    line.style.visibility = beat === null ? 'hidden' : 'visible';
    if (beat === null) return;
    const x = beatX(beat, view);
    line.style.transform = `translateX(${x}px)`;
    const box = scroller.current;
    if (box && follow && (x < box.scrollLeft || x > box.scrollLeft + box.clientWidth - 120)) box.scrollLeft = Math.max(0, x - 60);
  });

  const targets = () => (selected.length > 0 ? selected : allNotes(pattern));
  const commitNotes = (label: string, run: (p: typeof pattern) => { pattern: typeof pattern; selected: number[] }) => {
    let after: number[] = selected;
    editing.commit(label, (p) => {
      const result = run(p);
      after = result.selected;
      return result.pattern;
    });
    setSelected(after);
  };
  const quantize = () =>
    commitNotes('Quantize Notes', (p) =>
      quantizeNotes(p, targets(), {
        grid: grid ?? 0.25,
        strength: strength / 100,
        swing: snap.endsWith('T') ? 50 : swing,
        ends: false,
        bars: bars.map((bar) => ({ start: bar.start, grid: gridBeats(snap, bar.length) ?? 0.25 })),
      }),
    );

  const run = (command: RollCommand) => {
    switch (command.kind) {
      case 'transpose':
        return commitNotes('Transpose Notes', (p) => moveNotes(p, selected, 0, command.semitones));
      case 'nudge':
        return commitNotes('Nudge Notes', (p) => moveNotes(p, selected, command.steps * (command.fine ? fineNudge : (selectionStep() ?? fineNudge)), 0));
      case 'delete':
        editing.commit(selected.length === 1 ? 'Delete Note' : `Delete ${selected.length} Notes`, (p) => deleteNotes(p, selected));
        return setSelected([]);
      case 'select-all':
        return setSelected(allNotes(pattern));
      case 'deselect':
        gestures.cancel();
        return setSelected([]);
      case 'copy':
        clipboard.current = copyNotes(pattern, selected);
        return;
      case 'cut':
        clipboard.current = copyNotes(pattern, selected);
        editing.commit('Cut Notes', (p) => deleteNotes(p, selected));
        return setSelected([]);
      case 'paste': {
        const chosen = selected.map((i) => pattern.notes[i]).filter((n) => n !== undefined);
        const at = chosen.length > 0 ? maxOf(chosen.map((n) => n.start + n.length)) : 0;
        return commitNotes('Paste Notes', (p) => pasteNotes(p, clipboard.current, rollGrid.snap(at, 'ceil')));
      }
      case 'duplicate':
        return commitNotes('Duplicate Notes', (p) => duplicateNotes(p, selected, selectionStep()));
      case 'quantize':
        return quantize();
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget && !(event.target instanceof HTMLDivElement)) return;
    const command = rollCommand(event.nativeEvent);
    if (!command) return;
    event.preventDefault();
    run(command);
  };

  return (
    <div className="piano-roll" aria-label="Piano roll" tabIndex={0} onKeyDown={onKeyDown}>
      <div className="beats-toolbar">
        <span className="beats-choice" role="group" aria-label="Tool">
          {(['draw', 'select', 'erase'] as const).map((t) => (
            <button key={t} type="button" aria-pressed={tool === t} onClick={() => setTool(t)}>
              {t[0]!.toUpperCase() + t.slice(1)}
            </button>
          ))}
        </span>
        <label>
          Snap
          <select value={snap} aria-label="Snap" title="Hold Alt to place off the grid" onChange={(e) => setSnap(e.target.value as SnapSetting)}>
            {snapOptions.map((s) => (
              <option key={s} value={s}>
                {s === 'off' ? 'Off' : s === 'beat' ? '1/4' : s === 'bar' ? 'Bar' : s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Chord
          <select value={chord ?? ''} aria-label="Chord stamp" onChange={(e) => setChord(e.target.value === '' ? null : (e.target.value as ChordName))}>
            <option value="">Single notes</option>
            {chordNames.map((c) => (
              <option key={c} value={c}>
                {chords[c].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={highlight} onChange={(e) => setHighlight(e.target.checked)} /> Scale
        </label>
        <select value={scale.root} aria-label="Scale root" onChange={(e) => setScale({ ...scale, root: Number(e.target.value) })}>
          {pitchClassNames.map((n, i) => (
            <option key={n} value={i}>
              {n}
            </option>
          ))}
        </select>
        <select value={scale.scale} aria-label="Scale" onChange={(e) => setScale({ ...scale, scale: e.target.value as ScaleChoice['scale'] })}>
          {scaleNames.map((s) => (
            <option key={s} value={s}>
              {scales[s].label}
            </option>
          ))}
        </select>
        <button type="button" title="Move notes (the selection, or all) to the nearest pitch of the scale" onClick={() => commitNotes('Fold to Scale', (p) => foldNotes(p, targets(), scale))}>
          Fold
        </button>
        <label title="How far quantize moves notes to the grid">
          Strength
          <input type="range" min={0} max={100} value={strength} aria-label="Quantize strength" onChange={(e) => setStrength(Number(e.target.value))} />
          <output>{strength} %</output>
        </label>
        <label title="Quantize onto a swung grid (not for triplet grids)">
          Swing
          <input type="range" min={50} max={75} value={swing} aria-label="Quantize swing" onChange={(e) => setSwing(Number(e.target.value))} />
          <output>{swing} %</output>
        </label>
        <button type="button" title="Quantize the selection, or all notes (Q)" onClick={quantize} disabled={grid === null}>
          Quantize
        </button>
        <label>
          Bars
          <NumberField
            label="Pattern length in bars"
            value={+patternLengthInBars(song, origin, pattern.length).toFixed(3)}
            min={1}
            max={256}
            onSet={(count) => editing.commit('Change Pattern Length', (p) => setPatternLength(p, patternLengthOfBars(song, origin, count)))}
          />
        </label>
        <span className="beats-spacer" />
        <span className="beats-choice" role="group" aria-label="Zoom">
          <button type="button" aria-label="Zoom out in time" onClick={() => setView((v) => zoomed(v, 'x', 1 / 1.5))}>
            −
          </button>
          <button type="button" aria-label="Zoom in in time" onClick={() => setView((v) => zoomed(v, 'x', 1.5))}>
            +
          </button>
          <button type="button" aria-label="Shorter keys" onClick={() => setView((v) => zoomed(v, 'y', 1 / 1.25))}>
            ↕−
          </button>
          <button type="button" aria-label="Taller keys" onClick={() => setView((v) => zoomed(v, 'y', 1.25))}>
            ↕+
          </button>
        </span>
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
      </div>
      <div
        className="roll-scroller"
        ref={scroller}
        onScroll={(e) => {
          if (lane.current) lane.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
        onWheel={(e) => {
          if (!e.ctrlKey && !e.metaKey) return;
          e.preventDefault();
          setView((v) => zoomed(v, e.shiftKey ? 'y' : 'x', Math.exp(-e.deltaY / 300)));
        }}
      >
        <RollRuler bars={bars} view={view} width={width} />
        <div className="roll-body" style={{ height: pitchRows * view.rowPx }}>
          <PianoKeys view={view} audition={audition} />
          <div
            className={`roll-area tool-${tool}`}
            style={{ width, height: pitchRows * view.rowPx }}
            role="listbox"
            tabIndex={-1}
            aria-label="Notes"
            aria-multiselectable
            onPointerDown={gestures.down}
            onPointerMove={gestures.move}
            onPointerUp={gestures.up}
            onContextMenu={(e) => e.preventDefault()}
          >
            {Array.from({ length: pitchRows }, (_, row) => {
              const pitch = topPitch - row;
              const out = highlight && !inScale(pitch, scale);
              const root = highlight && (pitch - scale.root) % 12 === 0;
              return <div key={pitch} className={`roll-row${isBlackKey(pitch) ? ' black' : ''}${out ? ' out' : ''}${root ? ' root' : ''}`} style={{ height: view.rowPx }} />;
            })}
            <RollBars bars={bars} view={view} snap={snap} />
            {passes.map((pass) => (
              <RollPass key={pass.number} pass={pass} notes={pattern.notes} view={view} />
            ))}
            {ghosts.map((note, index) => (
              <div key={`g${index}`} className="roll-ghost" style={noteBox(note, view)} aria-hidden />
            ))}
            {pattern.notes.map((note, index) => (
              <div
                key={index}
                data-note={index}
                className={`roll-note${selected.includes(index) ? ' selected' : ''}`}
                style={{ ...noteBox(note, view), '--velocity': note.velocity } as CSSProperties}
                role="option"
                aria-selected={selected.includes(index)}
                aria-label={noteLabel(note)}
                title={`${noteLabel(note)}, velocity ${Math.round(note.velocity * 127)}`}
              />
            ))}
            {gestures.band && (
              <div
                className="roll-band"
                style={{
                  left: beatX(Math.min(gestures.band.b0, gestures.band.b1), view),
                  width: Math.abs(beatX(gestures.band.b1 - gestures.band.b0, view)),
                  top: pitchY(Math.max(gestures.band.p0, gestures.band.p1), view),
                  height: (Math.abs(gestures.band.p1 - gestures.band.p0) + 1) * view.rowPx,
                }}
              />
            )}
            <div className="roll-playhead" ref={playhead} aria-hidden />
          </div>
        </div>
      </div>
      <div className="roll-lane-scroller" ref={lane}>
        <VelocityLane editing={editing} view={view} selected={selected} />
      </div>
    </div>
  );
}

/** A later pass of a looped clip: the pattern's notes again where they play (cut at the pass's end), not editable. */
function RollPass({ pass, notes, view }: { pass: PatternPass; notes: readonly PatternNote[]; view: RollView }) {
  const room = pass.end - pass.start;
  return (
    <div className="roll-pass" role="group" aria-label={`Loop pass ${pass.number}: the pattern again, from beat ${+(pass.start + 1).toFixed(3)}`} style={{ left: beatX(pass.start, view), width: beatX(room, view) }}>
      {notes.map((note, index) =>
        note.start < room ? <div key={index} className="roll-repeat" style={noteBox({ ...note, length: Math.min(note.length, room - note.start) }, view)} aria-hidden /> : null,
      )}
    </div>
  );
}

function noteBox(note: PatternNote, view: RollView): CSSProperties {
  return { left: beatX(note.start, view), top: pitchY(note.pitch, view), width: Math.max(3, beatX(note.length, view) - 1), height: view.rowPx - 1 };
}

import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { automationCurves, type AutomationCurve } from '../../../src/devices/automation-curve';
import { automatableParams, laneOf } from '../../../src/model/automation-params';
import {
  addAutomationPoint,
  copyAutomationPoints,
  moveAutomationPoints,
  pasteAutomationPoints,
  removeAutomationPoints,
  setAutomationCurve,
  type LaneAddress,
} from '../../../src/model/edits/automation-edits';
import {
  addAutomationPointLabel,
  automationCurveLabel,
  deleteAutomationPointsLabel,
  moveAutomationPointsLabel,
  pasteAutomationPointsLabel,
} from '../../../src/model/edits/labels';
import { snapToGrid } from '../../../src/model/snap';
import { sameLane, useAutomationView } from '../../state/automation-view-store';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { envelopePath, formatValue, valueToY, yToValue } from './automation-geometry';
import type { TimelineChannel } from './automation-rows';

const pointRadius = 4;
/** How far the pointer moves before a press on the background becomes a rubber band. */
const bandThreshold = 4;

type Gesture =
  | { kind: 'drag'; indices: readonly number[]; startX: number; startY: number; dBeats: number; dValue: number; anchorBeat: number; anchorValue: number }
  | { kind: 'band'; x0: number; y0: number; x1: number; y1: number; moved: boolean };

const curveNames: Record<AutomationCurve, string> = { linear: 'Linear', exponential: 'Exponential', hold: 'Hold (step)' };

/**
 * One automation row's lane under its channel's row (a track's, a bus's or the master's; see AutomationRows): the envelope of one parameter
 * and its points. Click adds a point (on the grid), drag moves the selected
 * points (beats on the grid), shift-click adds to the selection, a drag on the background selects
 * with a rubber band, Delete removes, Ctrl/Cmd+C and V copy and paste (at the last click), and the
 * context menu of a point sets its curve. Every change is one undoable edit, committed on release.
 */
export function AutomationLane({ owner, lane, height, laneBeats }: { owner: TimelineChannel; lane: LaneAddress; height: number; laneBeats: number }) {
  const project = useProject((s) => s.project);
  const edit = useProject((s) => s.edit);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const snap = useTimeline((s) => s.snap);
  const selection = useAutomationView((s) => s.selection);
  const svg = useRef<SVGSVGElement>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; indices: readonly number[] } | null>(null);
  const [cursorBeat, setCursorBeat] = useState(0);
  const param = useMemo(() => automatableParams(project, owner).find((candidate) => candidate.target === lane.target && candidate.param === lane.param), [project, owner, lane]);
  const points = laneOf(project, lane.target, lane.param)?.points ?? [];
  const selected = sameLane(selection?.lane, lane) ? new Set(selection?.indices) : new Set<number>();
  if (!param) return null;
  const { spec } = param;
  const width = laneBeats * pixelsPerBeat;
  const onGrid = (beat: number) => snapToGrid(beat, snap, project);
  const select = (indices: readonly number[]) => useAutomationView.getState().select(lane, indices);

  const local = (event: { clientX: number; clientY: number }) => {
    const box = svg.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };
  const shown = points.map((point, i) =>
    gesture?.kind === 'drag' && gesture.indices.includes(i) ? { ...point, beat: Math.max(0, point.beat + gesture.dBeats), value: point.value + gesture.dValue } : point,
  );

  const onPointPointerDown = (event: PointerEvent, index: number) => {
    event.stopPropagation();
    if (event.button !== 0) return;
    const indices = event.shiftKey ? [...new Set([...selected, index])] : selected.has(index) ? [...selected] : [index];
    select(indices);
    const { x, y } = local(event);
    const point = points[index];
    if (!point) return;
    svg.current?.setPointerCapture(event.pointerId);
    setGesture({ kind: 'drag', indices, startX: x, startY: y, dBeats: 0, dValue: 0, anchorBeat: point.beat, anchorValue: point.value });
  };
  const onBackgroundPointerDown = (event: PointerEvent) => {
    event.stopPropagation();
    if (event.button !== 0) return;
    setMenu(null);
    svg.current?.focus();
    const { x, y } = local(event);
    svg.current?.setPointerCapture(event.pointerId);
    setGesture({ kind: 'band', x0: x, y0: y, x1: x, y1: y, moved: false });
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!gesture) return;
    const { x, y } = local(event);
    if (gesture.kind === 'band') {
      const moved = gesture.moved || Math.hypot(x - gesture.x0, y - gesture.y0) > bandThreshold;
      setGesture({ ...gesture, x1: x, y1: y, moved });
      return;
    }
    // The grabbed point lands on the grid; the others keep their distance to it.
    const beat = onGrid(Math.max(0, gesture.anchorBeat + (x - gesture.startX) / pixelsPerBeat));
    const value = yToValue(spec, valueToY(spec, gesture.anchorValue, height) + (y - gesture.startY), height);
    setGesture({ ...gesture, dBeats: beat - gesture.anchorBeat, dValue: value - gesture.anchorValue });
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!gesture) return;
    setGesture(null);
    if (gesture.kind === 'drag') {
      if (gesture.dBeats === 0 && gesture.dValue === 0) return;
      let indices: readonly number[] = gesture.indices;
      edit(moveAutomationPointsLabel(gesture.indices.length), (doc) => {
        const moved = moveAutomationPoints(doc, lane, spec, gesture.indices, gesture.dBeats, gesture.dValue);
        indices = moved.indices;
        return moved.project;
      });
      select(indices);
      return;
    }
    const { x, y } = local(event);
    if (gesture.moved) {
      const [left, right] = [Math.min(gesture.x0, x), Math.max(gesture.x0, x)];
      const [top, bottom] = [Math.min(gesture.y0, y), Math.max(gesture.y0, y)];
      select(
        points.flatMap((point, i) => {
          const px = point.beat * pixelsPerBeat;
          const py = valueToY(spec, point.value, height);
          return px >= left && px <= right && py >= top && py <= bottom ? [i] : [];
        }),
      );
      return;
    }
    const beat = onGrid(Math.max(0, x / pixelsPerBeat));
    setCursorBeat(beat);
    let added: readonly number[] = [];
    edit(addAutomationPointLabel(), (doc) => {
      const result = addAutomationPoint(doc, lane, spec, beat, yToValue(spec, y, height));
      added = result.indices;
      return result.project;
    });
    select(added);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const indices = [...selected];
    const command = event.ctrlKey || event.metaKey;
    if ((event.key === 'Delete' || event.key === 'Backspace') && indices.length > 0) {
      edit(deleteAutomationPointsLabel(indices.length), (doc) => removeAutomationPoints(doc, lane, indices));
      select([]);
    } else if (command && event.key.toLowerCase() === 'c' && indices.length > 0) {
      useAutomationView.getState().setClipboard(copyAutomationPoints(project, lane, indices));
    } else if (command && event.key.toLowerCase() === 'v') {
      const clipboard = useAutomationView.getState().clipboard;
      if (!clipboard) return;
      let pasted: readonly number[] = [];
      edit(pasteAutomationPointsLabel(clipboard.points.length), (doc) => {
        const result = pasteAutomationPoints(doc, lane, spec, clipboard, cursorBeat);
        pasted = result.indices;
        return result.project;
      });
      select(pasted);
    } else if (event.key === 'Escape') {
      select([]);
      setMenu(null);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const setCurve = (curve: AutomationCurve) => {
    if (!menu) return;
    const indices = menu.indices;
    setMenu(null);
    edit(automationCurveLabel(indices.length), (doc) => setAutomationCurve(doc, lane, indices, curve));
  };

  const band = gesture?.kind === 'band' && gesture.moved ? gesture : null;
  return (
    // The timeline's rubber band (clip selection) stays out of the automation row.
    <div className="automation-lane" style={{ width, height }} onPointerDown={(event) => event.stopPropagation()}>
      <svg
        ref={svg}
        className="automation-svg"
        width={width}
        height={height}
        tabIndex={0}
        role="group"
        aria-label={`${param.label} automation of ${owner.name}`}
        onPointerDown={onBackgroundPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => event.preventDefault()}
      >
        <path className="automation-envelope" d={envelopePath(spec, shown, pixelsPerBeat, width, height, param.value)} stroke={owner.colour} />
        {shown.map((point, i) => (
          <circle
            key={i}
            className={`automation-point ${selected.has(i) ? 'is-selected' : ''}`}
            cx={point.beat * pixelsPerBeat}
            cy={valueToY(spec, point.value, height)}
            r={pointRadius}
            role="button"
            aria-label={`Point at beat ${point.beat.toFixed(2)}: ${formatValue(spec, point.value)}, ${curveNames[point.curve]}`}
            aria-pressed={selected.has(i)}
            onPointerDown={(event) => onPointPointerDown(event, i)}
            onContextMenu={(event) => {
              event.preventDefault();
              event.stopPropagation();
              const indices = selected.has(i) ? [...selected] : [i];
              select(indices);
              // In window coordinates: the menu is fixed, so the lane's clipping cannot hide it.
              setMenu({ x: event.clientX, y: event.clientY, indices });
            }}
          >
            <title>{`${formatValue(spec, point.value)} · ${curveNames[point.curve]}`}</title>
          </circle>
        ))}
        {band && <rect className="automation-band" x={Math.min(band.x0, band.x1)} y={Math.min(band.y0, band.y1)} width={Math.abs(band.x1 - band.x0)} height={Math.abs(band.y1 - band.y0)} />}
      </svg>
      {menu && (
        <div className="automation-menu" role="menu" aria-label="Curve" style={{ left: menu.x, top: menu.y }}>
          {automationCurves.map((curve) => (
            <button key={curve} type="button" role="menuitem" onClick={() => setCurve(curve)}>
              {curveNames[curve]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

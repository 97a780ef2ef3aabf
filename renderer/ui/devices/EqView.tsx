import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { deviceCatalog, findParam } from '../../../src/devices/catalog';
import { setDeviceParam } from '../../../src/model/edits/insert-edits';
import { deviceParamLabel } from '../../../src/model/edits/labels';
import type { Device } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { writesAutomation } from '../../state/automation-writing';
import { previewParam, releaseParam } from '../param-edit';
import { deviceParamEdit } from './device-param-edit';
import { bandHandles, curveRangeDb, dbAtY, hzAtX, responsePoints, xOfHz, yOfDb, type BandHandle, type CurveBox } from './eq-curve';
import { SpectrumCanvas } from './SpectrumCanvas';

const box: CurveBox = { width: 640, height: 220 };
const gridHz = [50, 100, 200, 500, 1000, 2000, 5000, 10_000];
const gridDb = [-18, -12, -6, 0, 6, 12, 18];

/**
 * The EQ's frequency response, drawn from the coefficients the engine runs, over a live spectrum
 * of the output; one point per band to drag (sideways: frequency; up and down: gain; the cut
 * filters move sideways only). A drag previews with set-param and is one undo step on release;
 * dragging a band that is off switches it on. Escape puts it back.
 */
export function EqView({ device }: { device: Device }) {
  const [dragged, setDragged] = useState<Readonly<Record<string, number>> | null>(null);
  const params = dragged ?? device.params;
  const sampleRate = runtime().audio.context.sampleRate;
  const curve = responsePoints(params, sampleRate, box);
  const path = curve.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x.toFixed(1)} ${point.y.toFixed(1)}`).join(' ');
  const svg = useRef<SVGSVGElement>(null);
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => () => cancel.current?.(), []);

  const startDrag = (handle: BandHandle, event: ReactPointerEvent<SVGCircleElement>) => {
    if (event.button !== 0 || !svg.current) return;
    event.preventDefault();
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    const rect = svg.current.getBoundingClientRect();
    const start = device.params;
    let current: Record<string, number> = { ...start, [handle.onParam]: 1 };
    const editOf = (id: string | null) => {
      const spec = id === null ? undefined : findParam(deviceCatalog.eq.params, id);
      return spec ? { spec, edit: deviceParamEdit(device.id, deviceCatalog.eq.name, spec) } : null;
    };
    // Only what the drag changes (so writing automation makes no lane for an untouched switch).
    const preview = (values: Record<string, number>) => {
      for (const id of [handle.onParam, handle.hzParam, handle.gainParam]) {
        const param = editOf(id);
        if (param && (values[param.spec.id] ?? param.spec.default) !== (start[param.spec.id] ?? param.spec.default)) previewParam(param.edit, values[param.spec.id] ?? param.spec.default);
      }
    };
    const move = (moveEvent: PointerEvent) => {
      const x = ((moveEvent.clientX - rect.left) / rect.width) * box.width;
      const y = ((moveEvent.clientY - rect.top) / rect.height) * box.height;
      current = { ...current, [handle.hzParam]: Math.round(hzAtX(x, box) * 10) / 10 };
      if (handle.gainParam) current[handle.gainParam] = Math.round(dbAtY(y, box) * 10) / 10;
      setDragged(current);
      preview(current);
    };
    const finish = (commit: boolean) => {
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', abort);
      window.removeEventListener('keydown', escape, true);
      cancel.current = null;
      setDragged(null);
      const changed = [handle.onParam, handle.hzParam, handle.gainParam].filter((id): id is string => id !== null && current[id] !== start[id]);
      if (!commit) {
        for (const id of changed) {
          const param = editOf(id);
          if (param) previewParam(param.edit, start[id] ?? param.spec.default);
        }
      }
      // Written into automation lanes (playing in Touch, Latch or Write): the drag lets go of them.
      if (!commit || changed.some((id) => writesAutomation(device.id, id))) {
        for (const id of changed) {
          const param = editOf(id);
          if (param) releaseParam(param.edit);
        }
        return;
      }
      if (changed.length === 0) return;
      useProject.getState().edit(deviceParamLabel(deviceCatalog.eq.name, handle.name), (project) => changed.reduce((next, id) => setDeviceParam(next, device.id, id, current[id] ?? 0), project));
    };
    const up = () => finish(true);
    const abort = () => finish(false);
    const escape = (keyEvent: KeyboardEvent) => {
      if (keyEvent.key !== 'Escape') return;
      keyEvent.preventDefault();
      keyEvent.stopPropagation();
      finish(false);
    };
    cancel.current = abort;
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', abort);
    window.addEventListener('keydown', escape, true);
  };

  return (
    <div className="eq-view">
      <SpectrumCanvas width={box.width} height={box.height} />
      <svg ref={svg} className="eq-curve" viewBox={`0 0 ${box.width} ${box.height}`} role="group" aria-label="EQ frequency response: drag a point to move its band">
        {gridHz.map((hz) => (
          <g key={hz}>
            <line className="eq-grid" x1={xOfHz(hz, box)} x2={xOfHz(hz, box)} y1={0} y2={box.height} />
            <text className="eq-grid-label" x={xOfHz(hz, box) + 3} y={box.height - 4}>
              {hz >= 1000 ? `${hz / 1000}k` : hz}
            </text>
          </g>
        ))}
        {gridDb.map((db) => (
          <g key={db}>
            <line className={db === 0 ? 'eq-grid eq-zero' : 'eq-grid'} x1={0} x2={box.width} y1={yOfDb(db, box)} y2={yOfDb(db, box)} />
            <text className="eq-grid-label" x={3} y={yOfDb(db, box) - 3}>
              {db > 0 ? `+${db}` : db}
            </text>
          </g>
        ))}
        <path className="eq-response" d={`${path} L${box.width} ${yOfDb(-curveRangeDb, box)} L0 ${yOfDb(-curveRangeDb, box)} Z`} />
        <path className="eq-response-line" d={path} data-testid="eq-response" />
        {bandHandles(params, box).map((handle) => (
          <circle
            key={handle.prefix}
            className={`eq-handle ${handle.on ? 'is-on' : 'is-off'}`}
            data-band={handle.prefix}
            cx={handle.x}
            cy={handle.y}
            r={8}
            role="img"
            aria-label={`${handle.name}${handle.on ? '' : ' (off)'}: drag to move`}
            onPointerDown={(event) => startDrag(handle, event)}
          >
            <title>{handle.name}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}

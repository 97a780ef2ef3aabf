import { memo, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { moveMeterChangeLabel } from '../../../src/model/edits/labels';
import { meterChangeBarNear, moveMeterChange } from '../../../src/model/edits/tempo-map-edits';
import { Clock } from '../../../src/std/clock';
import { useProject } from '../../state/project-store';
import { deleteMeterChangeAt } from './meter-actions';
import { useMeterUi } from './meter-store';
import { startSlopDrag } from './preview-drag';

interface Flag {
  readonly bar: number;
  readonly timeSignature: readonly [number, number];
}

/**
 * The song's meters as flags in the ruler ("6/8" at its bar; the first is the song's own). A
 * change's flag drags to another bar (it lands on bar starts), ← → move it a bar, Delete removes
 * it; double-click or Enter edits it, right-click opens the ruler's menu for it. Each is one undo step.
 */
export const MeterFlags = memo(function MeterFlags({ pixelsPerBeat }: { pixelsPerBeat: number }) {
  const project = useProject((s) => s.project);
  const clock = Clock.of(project);
  const flags: Flag[] = [{ bar: 0, timeSignature: project.timeSignature }, ...project.meterChanges];
  return (
    <>
      {/* Keyed by place: a dragged change keeps its element (and the pointer) while its bar changes; changes never pass each other. */}
      {flags.map((flag, index) => (
        <MeterFlag key={index} flag={flag} left={clock.barStart(flag.bar) * pixelsPerBeat} pixelsPerBeat={pixelsPerBeat} />
      ))}
    </>
  );
});

function MeterFlag({ flag, left, pixelsPerBeat }: { flag: Flag; left: number; pixelsPerBeat: number }) {
  const { bar } = flag;
  const first = bar === 0;
  const meter = `${flag.timeSignature[0]}/${flag.timeSignature[1]}`;
  const edit = () => useMeterUi.getState().openDialog({ bar, change: bar });

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.focus();
    if (first) {
      event.stopPropagation();
      return;
    }
    const startBeat = Clock.of(useProject.getState().project).barStart(bar);
    startSlopDrag(event, {
      travel: 'x',
      to: (dx) => (p) => moveMeterChange(p, bar, meterChangeBarNear(p, bar, startBeat + dx / pixelsPerBeat)),
      release: (moved) => (moved ? moveMeterChangeLabel() : null),
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const run = (action: () => void) => {
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    if (event.key === 'Enter') run(edit);
    else if (first) return;
    else if (event.key === 'Delete' || event.key === 'Backspace') run(() => deleteMeterChangeAt(bar));
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const to = bar + (event.key === 'ArrowLeft' ? -1 : 1);
      run(() => useProject.getState().edit(moveMeterChangeLabel(), (p) => moveMeterChange(p, bar, to)));
    }
  };

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    useMeterUi.getState().openMenu({ x: event.clientX, y: event.clientY, bar, change: bar });
  };

  const what = first ? `Time signature ${meter} (the song’s own, from bar 1)` : `Time signature change to ${meter} at bar ${bar + 1}`;
  return (
    <div
      className={`meter-flag ${first ? 'is-first' : ''}`}
      style={{ left }}
      role="button"
      tabIndex={0}
      aria-label={what}
      title={first ? `${what} — double-click or Enter to change it` : `${what} — drag to move it by bars, ← → move a bar, double-click or Enter to edit, Delete to remove`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
      onDoubleClick={(event) => {
        event.stopPropagation();
        edit();
      }}
    >
      {meter}
    </div>
  );
}

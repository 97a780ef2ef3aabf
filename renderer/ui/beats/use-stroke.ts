import { useEffect, useRef } from 'react';

/**
 * A pointer stroke across cells (painting steps, drawing a lane): `begin` on the press, `extend`
 * for every cell entered while the button is held, `finish` when it is released anywhere (or
 * `cancel` on Escape). Returns the handlers the cells call.
 */
export function useStroke<Cell>(handlers: {
  begin(cell: Cell, event: PointerEvent | React.PointerEvent): void;
  extend(cell: Cell, event: PointerEvent | React.PointerEvent): void;
  finish(): void;
  cancel(): void;
}): { down(cell: Cell, event: React.PointerEvent): void; enter(cell: Cell, event: React.PointerEvent): void; active(): boolean } {
  const latest = useRef(handlers);
  latest.current = handlers;
  const stroking = useRef(false);
  useEffect(() => {
    const up = () => {
      if (!stroking.current) return;
      stroking.current = false;
      latest.current.finish();
    };
    const key = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !stroking.current) return;
      stroking.current = false;
      latest.current.cancel();
    };
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      window.removeEventListener('keydown', key);
    };
  }, []);
  return {
    down(cell, event) {
      if (event.button !== 0) return;
      event.preventDefault();
      // Releasing the implicit capture lets the cells under a moving pointer see it enter.
      (event.target as Element).releasePointerCapture?.(event.pointerId);
      stroking.current = true;
      latest.current.begin(cell, event);
    },
    enter(cell, event) {
      if (stroking.current && (event.buttons & 1) === 1) latest.current.extend(cell, event);
    },
    active: () => stroking.current,
  };
}

import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { valueNow } from '../state/automation-writing';
import { previewParam, releaseParam, setParam, type ParamEdit } from './param-edit';
import { useAutomatedValue } from './use-automated-value';
import { useValueDrag } from './use-value-drag';
import { keyedValue, type ValueScale } from './value-scale';

/**
 * Everything a fader or knob does with its value: drag (Shift fine, Escape cancels), arrow and
 * page keys, double-click to the default. A drag starts where the parameter is now (on an
 * automated one, its lane's value at the playhead), and an automated control shows its lane's
 * value as the playhead moves. Returns the value to show (the dragged one while a
 * drag lasts) and the handlers for the element with `role="slider"`.
 */
export function useSlider(scale: ValueScale, value: number, edit: ParamEdit, travelPx: number) {
  const { onPointerDown, dragged } = useValueDrag({
    scale,
    value,
    startValue: () => valueNow(edit.target, edit.param, value),
    travelPx,
    onPreview: (next) => previewParam(edit, next),
    onCommit: (next) => setParam(edit, next),
    onCancel: (start) => {
      previewParam(edit, start);
      releaseParam(edit);
    },
  });
  const onKeyDown = (event: ReactKeyboardEvent<HTMLElement>) => {
    const next = keyedValue(scale, value, event.key, event.shiftKey);
    if (next === null || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    setParam(edit, next);
  };
  const onDoubleClick = () => setParam(edit, scale.default);
  const live = useAutomatedValue(edit.target, edit.param, value, scale);
  return { shown: dragged ?? live, handlers: { onPointerDown, onKeyDown, onDoubleClick } };
}

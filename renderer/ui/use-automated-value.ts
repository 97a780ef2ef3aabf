import { useEffect, useState } from 'react';
import { laneOf } from '../../src/model/automation-params';
import { useBeingWritten, valueNow } from '../state/automation-writing';
import { useProject } from '../state/project-store';
import type { ValueScale } from './value-scale';

/** How little an automated value may move before a control redraws: a thousandth of its range. */
const redrawFraction = 1e-3;

/**
 * What a control shows for parameter `target`/`param`: its document value `value`, or, while the
 * parameter has an automation lane or a pass is writing it, its value now (`valueNow`: the lane's
 * at the playhead, or the written one), followed on animation frames (a fader rides with its
 * automation, as in any DAW). Only automated controls run a frame loop, and they redraw only when
 * the value moves by a visible step.
 */
export function useAutomatedValue(target: string, param: string, value: number, scale: ValueScale): number {
  const hasLane = useProject((s) => (laneOf(s.project, target, param)?.points.length ?? 0) > 0);
  const automated = useBeingWritten(target, param) || hasLane;
  const [live, setLive] = useState<number | null>(null);
  const step = (scale.max - scale.min) * redrawFraction;
  useEffect(() => {
    if (!automated) {
      setLive(null);
      return;
    }
    let frame = requestAnimationFrame(function follow() {
      const next = valueNow(target, param, value);
      setLive((shown) => (shown !== null && Math.abs(shown - next) < step ? shown : next));
      frame = requestAnimationFrame(follow);
    });
    return () => cancelAnimationFrame(frame);
  }, [automated, target, param, value, step]);
  return automated && live !== null ? live : value;
}

import { useCallback, useRef, useState, type MouseEvent } from 'react';
import { chooseTakeLabel, splitTakesLabel } from '../../../src/model/edits/labels';
import { chooseTake, splitTakeGroup, takeOf } from '../../../src/model/edits/take-edits';
import type { Clip, Track } from '../../../src/model/project-schema';
import { snapToGrid } from '../../../src/model/snap';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { sourceDurationsOf, useSamples } from '../../state/samples-store';
import { useTimeline } from '../../state/timeline-store';
import { useDismiss } from '../use-dismiss';
import { takeLaneHeight, takePassesOf } from './take-lanes';

/** Where a take's menu opened: the take, and the beat under the pointer (snapped). */
interface TakeMenu {
  readonly clip: Clip;
  readonly beat: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The take lanes under a track (open with its Takes button): lane n holds take n of every take
 * group (audio takes, or note takes on an instrument track), painted by the arrangement canvas; here each take is a button over its box. Click a take
 * to play it in its region ("Use this take"); its context menu also splits the group there, every
 * take at once, so each side is chosen on its own. Each is one undo step.
 */
export function TakeLanes({ track, laneBeats }: { track: Track; laneBeats: number }) {
  const [menu, setMenu] = useState<TakeMenu | null>(null);
  const close = useCallback(() => setMenu(null), []);
  const clock = Clock.of(useProject((s) => s.project));
  return (
    <div className="take-lanes" role="group" aria-label={`Takes of ${track.name}`}>
      {takePassesOf(track).map((pass) => (
        <div key={pass} className="timeline-row take-row" style={{ height: takeLaneHeight }}>
          <div className="track-header take-row-header" style={{ borderLeftColor: track.colour }}>
            Take {pass}
          </div>
          <div className="take-row-lane">
            {track.clips.filter((clip) => takeOf(clip)?.pass === pass).map((clip) => (
              <button
                key={clip.id}
                type="button"
                className={`take-box ${clip.mute ? '' : 'is-playing'}`}
                style={{ left: `${(clip.start / laneBeats) * 100}%`, width: `${(clip.length / laneBeats) * 100}%` }}
                aria-label={`Take ${pass} at bar ${formatBar(clock, clip.start)}`}
                aria-pressed={!clip.mute}
                title={clip.mute ? 'Click to use this take here (right-click for more)' : 'This take plays here (right-click for more)'}
                onClick={() => playTake(clip)}
                onContextMenu={(event) => {
                  event.preventDefault();
                  setMenu({ clip, beat: beatUnder(event, clip), x: event.clientX, y: event.clientY });
                }}
              />
            ))}
          </div>
        </div>
      ))}
      {menu && <TakeContextMenu menu={menu} onClose={close} />}
    </div>
  );
}

function TakeContextMenu({ menu, onClose }: { menu: TakeMenu; onClose: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  useDismiss(true, root, onClose);
  const group = takeOf(menu.clip)?.group;
  return (
    <div ref={root} role="menu" aria-label="Take" className="menu-popover" style={{ position: 'fixed', left: menu.x, top: menu.y }}>
      <button type="button" role="menuitem" autoFocus onClick={() => { onClose(); playTake(menu.clip); }}>
        Use this take
      </button>
      <button
        type="button"
        role="menuitem"
        onClick={() => {
          onClose();
          if (group === undefined) return;
          const durations = { sourceDurations: sourceDurationsOf(useProject.getState().project, useSamples.getState().byPath) };
          useProject.getState().edit(splitTakesLabel(), (project) => splitTakeGroup(project, group, menu.beat, durations));
        }}
      >
        Split takes here
      </button>
    </div>
  );
}

function playTake(clip: Clip): void {
  useProject.getState().edit(chooseTakeLabel(), (project) => chooseTake(project, clip.id));
}

/** The beat under the pointer on a take's button, on the grid (Alt: off the grid). */
function beatUnder(event: MouseEvent<HTMLElement>, clip: Clip): number {
  const box = event.currentTarget.getBoundingClientRect();
  const beat = clip.start + ((event.clientX - box.left) / Math.max(1, box.width)) * clip.length;
  const { snap } = useTimeline.getState();
  return snapToGrid(beat, event.altKey ? 'off' : snap, useProject.getState().project);
}

/** "2.3": bar and beat (from 1) of a position. */
function formatBar(clock: Clock, beat: number): string {
  const bar = clock.barAt(beats(beat));
  return `${bar + 1}.${Math.floor(beat - clock.barStart(bar)) + 1}`;
}

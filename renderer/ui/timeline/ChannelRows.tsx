import { Fragment } from 'react';
import { useAutomationView } from '../../state/automation-view-store';
import { useProject } from '../../state/project-store';
import { AllChannelsModeSelect } from '../AllChannelsModeSelect';
import { AutomationModeSelect } from '../AutomationModeSelect';
import type { TimelineChannel } from './automation-rows';
import { AutomationRows } from './AutomationRows';
import { AutomationToggle } from './AutomationToggle';
import { channelRowHeight, channelRowsOf, channelToggleRowHeight } from './channel-rows';

/**
 * The buses and the master under the tracks (below the drop row), as Live shows its returns and
 * master at the bottom of the arrangement: a row that shows or hides them (remembered, not saved),
 * with "All channels" (every channel's automation mode at once), then per channel a header and a lane without clips, with its open automation rows under it —
 * the same rows, lanes and picker as a track's.
 */
export function ChannelRows({ laneBeats }: { laneBeats: number }) {
  const project = useProject((s) => s.project);
  const shown = useAutomationView((s) => s.channelRowsShown);
  const expanded = useAutomationView((s) => s.expanded);
  return (
    <div className="channel-rows" role="group" aria-label="Buses and master">
      <div className="timeline-row channel-toggle-row" style={{ height: channelToggleRowHeight }}>
        <div className="track-header channel-toggle-header">
          <button
            type="button"
            className="channel-rows-toggle"
            aria-expanded={shown}
            title={shown ? 'Hide the rows of the buses and the master' : 'Show the rows of the buses and the master, with their automation'}
            onClick={() => useAutomationView.getState().showChannelRows(!shown)}
          >
            {shown ? '▾' : '▸'} Buses and master
          </button>
        </div>
        <div className="channel-toggle-space">{shown && <AllChannelsModeSelect className="channel-all-modes" />}</div>
      </div>
      {shown &&
        channelRowsOf(project).map((owner) => (
          <Fragment key={owner.id}>
            <div className="timeline-row channel-row" style={{ height: channelRowHeight }}>
              <ChannelHeader owner={owner} />
              <div className="lane channel-lane" />
            </div>
            {expanded[owner.id] && <AutomationRows owner={owner} laneBeats={laneBeats} />}
          </Fragment>
        ))}
    </div>
  );
}

/** A bus's or the master's header: colour, name, automation mode and the arrow that opens its automation rows. */
function ChannelHeader({ owner }: { owner: TimelineChannel }) {
  return (
    <div className="track-header channel-header" data-channel-id={owner.id}>
      <span className="channel-colour" style={{ background: owner.colour }} aria-hidden="true" />
      <span className="channel-name" title={owner.name}>
        {owner.name}
      </span>
      <AutomationModeSelect channel={owner.id} name={owner.name} className="track-automation-mode" />
      <AutomationToggle owner={owner} />
    </div>
  );
}

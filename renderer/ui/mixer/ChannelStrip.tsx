import { memo, useState, type CSSProperties } from 'react';
import { busFeeders, deleteBus, renameBus } from '../../../src/model/edits/bus-edits';
import { soloExclusively, toggleMute, toggleSolo, toggleSoloSafe } from '../../../src/model/edits/channel-edits';
import { deleteBusLabel, exclusiveSoloLabel, muteLabel, renameBusLabel, renameTrackLabel, soloLabel, soloSafeLabel } from '../../../src/model/edits/labels';
import { renameTrack } from '../../../src/model/edits/track-edits';
import type { Bus } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useSession } from '../../state/session-store';
import { AutomationModeSelect } from '../AutomationModeSelect';
import { InlineNameInput } from '../InlineNameInput';
import { ChannelMenu } from './ChannelMenu';
import { ChannelMeter } from './ChannelMeter';
import { describePan, formatPan, parsePan } from './channel-values';
import { Fader, faderTravelPx } from './Fader';
import { InsertSlots } from './InsertSlots';
import { Knob } from '../Knob';
import { nouns, type StripInfo } from './mixer-strips';
import { OutputSelect } from './OutputSelect';
import { setParam } from '../param-edit';
import { panEdit, volumeEdit } from './channel-param-edits';
import { SendControls } from './SendControls';
import { ValueField } from './ValueField';
import { panScale } from './value-scales';

interface StripProps {
  readonly strip: StripInfo;
  readonly buses: readonly Bus[];
  readonly selected: boolean;
  /** Adds the strip to the selection, or takes it out. */
  readonly onSelect: (id: string) => void;
}

/**
 * One channel strip, top to bottom: name and colour, inserts, sends, output, automation mode, pan, fader with
 * meter and scale, mute and solo (Ctrl/Cmd+click solos it alone); a bus's solo-safe toggle. The
 * name's context menu sets solo safe and renames.
 */
export const ChannelStrip = memo(function ChannelStrip({ strip, buses, selected, onSelect }: StripProps) {
  const edit = useProject((s) => s.edit);
  const [renaming, setRenaming] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const { kind, id, name, channel } = strip;
  const noun = nouns[kind];
  const pan = panEdit(id, noun);
  const rename = (next: string | null) => {
    setRenaming(false);
    if (!next) return;
    if (kind === 'track') edit(renameTrackLabel(), (p) => renameTrack(p, id, next));
    else if (kind === 'bus') edit(renameBusLabel(), (p) => renameBus(p, id, next));
  };
  const removeBus = () => {
    const project = useProject.getState().project;
    const { outputs, sends } = busFeeders(project, id);
    edit(deleteBusLabel(), (p) => deleteBus(p, id));
    const fed = [outputs > 0 ? `${outputs} ${outputs === 1 ? 'channel that went into it now goes' : 'channels that went into it now go'} to the master` : '', sends > 0 ? `${sends} ${sends === 1 ? 'send' : 'sends'} to it removed` : '']
      .filter(Boolean)
      .join('; ');
    useSession.getState().notify('info', `Deleted the bus ${name}${fed ? `: ${fed}` : ''}. Undo brings it back.`);
  };
  return (
    <section className={`strip strip-${kind} ${selected ? 'is-selected' : ''}`} aria-label={`${name} ${kind === 'master' ? 'channel' : kind}`} style={{ '--strip-colour': strip.colour } as CSSProperties}>
      <header className="strip-head">
        {renaming ? (
          <InlineNameInput className="strip-name-input" label={`Name of ${name}`} initial={name} onDone={rename} />
        ) : (
          <button
            type="button"
            className="strip-name"
            aria-pressed={kind === 'master' ? undefined : selected}
            aria-label={kind === 'master' ? 'Master' : `Select ${name}`}
            title={kind === 'master' ? 'Master' : `${name}: click to select or deselect, double-click to rename`}
            onClick={() => kind !== 'master' && onSelect(id)}
            onDoubleClick={() => kind !== 'master' && setRenaming(true)}
            onContextMenu={(event) => {
              if (!channel) return;
              event.preventDefault();
              const box = event.currentTarget.getBoundingClientRect();
              // From the keyboard (Shift+F10, the menu key) there is no pointer: under the name.
              setMenu(event.clientX === 0 && event.clientY === 0 ? { x: box.left, y: box.bottom } : { x: event.clientX, y: event.clientY });
            }}
          >
            {name}
          </button>
        )}
        {kind === 'bus' && (
          <button type="button" className="strip-delete" aria-label={`Delete the bus ${name}`} title="Delete bus (what feeds it goes to the master)" onClick={removeBus}>
            ✕
          </button>
        )}
        {menu && channel && <ChannelMenu strip={strip} channel={channel} at={menu} onRename={() => setRenaming(true)} onClose={() => setMenu(null)} />}
      </header>
      <InsertSlots ownerId={id} name={name} inserts={strip.inserts} channel={strip.meter} />
      {channel && <SendControls ownerId={id} name={name} sends={channel.sends} buses={buses} />}
      {channel ? <OutputSelect ownerId={id} name={name} output={channel.output} buses={buses} /> : <span className="strip-output is-master" title="The master goes to the audio output and every export">Main out</span>}
      <AutomationModeSelect channel={id} name={name} className="strip-automation-mode" />
      <div className="strip-pan">
        <Knob
          label={`Pan of ${name}`}
          value={strip.pan}
          scale={panScale}
          edit={pan}
          describe={describePan}
          bipolar
          title="Pan: drag (Shift: fine), double-click to centre"
        />
        <ValueField
          label={`Pan of ${name}`}
          className="pan-value"
          text={formatPan(strip.pan)}
          unit=""
          example="C, 25L or 40R"
          parse={parsePan}
          onSet={(value) => setParam(pan, value)}
        />
      </div>
      <div className="strip-levels" style={{ '--fader-travel': `${faderTravelPx}px` } as CSSProperties}>
        <Fader name={name} db={strip.gainDb} edit={volumeEdit(id, noun)} />
        <ChannelMeter name={name} channel={strip.meter} />
      </div>
      {channel && (
        <div className="strip-buttons">
          <button
            type="button"
            className="strip-toggle strip-mute"
            aria-label={`Mute ${name}`}
            aria-pressed={channel.mute}
            onClick={() => edit(muteLabel(1, !channel.mute, noun), (p) => toggleMute(p, id))}
          >
            M
          </button>
          <button
            type="button"
            className={`strip-toggle strip-solo ${channel.soloSafe ? 'is-solo-safe' : ''}`}
            aria-label={`Solo ${name}`}
            aria-pressed={channel.solo}
            title={`Solo (Ctrl/Cmd+click: solo this one alone)${channel.soloSafe ? '. Solo safe: keeps sounding while others are soloed' : ''}`}
            onClick={(event) => {
              if (event.ctrlKey || event.metaKey) edit(exclusiveSoloLabel(), (p) => soloExclusively(p, id));
              else edit(soloLabel(1, !channel.solo, noun), (p) => toggleSolo(p, id));
            }}
          >
            S
          </button>
          {kind === 'bus' && (
            <button
              type="button"
              className="strip-toggle strip-safe"
              aria-label={`Solo safe ${name}`}
              aria-pressed={channel.soloSafe}
              title="Solo safe: keeps sounding while other channels are soloed (an effect return). Also in the name's context menu."
              onClick={() => edit(soloSafeLabel(!channel.soloSafe, noun), (p) => toggleSoloSafe(p, id))}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 1.5 13.5 3.5v4c0 3.4-2.3 5.9-5.5 7-3.2-1.1-5.5-3.6-5.5-7v-4z" />
              </svg>
            </button>
          )}
        </div>
      )}
      <div className="strip-colour" aria-hidden="true" />
    </section>
  );
});

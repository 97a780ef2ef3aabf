/** The mixer's parameter edits: a channel's fader and pan, a send's level (see ../param-edit.ts). */
import { sendParams, type ChannelParamId } from '../../../src/devices/catalog';
import { setChannelGain, setChannelPan } from '../../../src/model/edits/channel-edits';
import { panLabel, sendLevelLabel, volumeLabel, type ChannelNoun } from '../../../src/model/edits/labels';
import { setSendLevel } from '../../../src/model/edits/send-edits';
import type { ParamEdit } from '../param-edit';

/** The fader of a track, bus or the master ("master"). */
export function volumeEdit(channelId: string, noun: ChannelNoun): ParamEdit {
  return { label: volumeLabel(noun), target: channelId, param: 'gainDb' satisfies ChannelParamId, apply: (project, value) => setChannelGain(project, channelId, value) };
}

export function panEdit(channelId: string, noun: ChannelNoun): ParamEdit {
  return { label: panLabel(noun), target: channelId, param: 'pan' satisfies ChannelParamId, apply: (project, value) => setChannelPan(project, channelId, value) };
}

export function sendLevelEdit(sendId: string): ParamEdit {
  return { label: sendLevelLabel(), target: sendId, param: sendParams[0].id, apply: (project, value) => setSendLevel(project, sendId, value) };
}

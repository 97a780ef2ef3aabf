/** The delay's parameters (src/dsp/delay): a time in ms, or a note value at the song's tempo. */
import { choiceParam, mixParam, switchParam, type DeviceSpec } from '../device-spec';
import { noteValueIndex, noteValueNames } from './note-values';

export const delaySpec = {
  name: 'Delay',
  params: [
    switchParam('sync', 'Sync to tempo', true),
    // The kernel glides time changes itself (a tape-like bend), so the table does not smooth them.
    choiceParam('noteValue', 'Time (synced)', noteValueNames, noteValueIndex('1/8D')),
    { id: 'timeMs', name: 'Time', unit: 'ms', min: 1, max: 5000, default: 375, taper: 'log', smoothingMs: 0 },
    { id: 'feedback', name: 'Feedback', unit: '%', min: 0, max: 100, default: 40, taper: 'linear', smoothingMs: 20 },
    switchParam('pingPong', 'Ping-pong', false),
    switchParam('filterOn', 'Filter in the loop', true),
    { id: 'lowCutHz', name: 'Low cut', unit: 'Hz', min: 20, max: 2000, default: 100, taper: 'log', smoothingMs: 20 },
    { id: 'highCutHz', name: 'High cut', unit: 'Hz', min: 500, max: 20_000, default: 8000, taper: 'log', smoothingMs: 20 },
    mixParam(30),
  ],
} as const satisfies DeviceSpec;

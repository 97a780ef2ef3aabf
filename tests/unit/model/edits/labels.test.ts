import { describe, expect, it } from 'vitest';
import * as labels from '../../../../src/model/edits/labels';

describe('edit labels', () => {
  it('reads naturally for one and for several', () => {
    expect(labels.moveLabel(1)).toBe('Move Clip');
    expect(labels.moveLabel(3)).toBe('Move 3 Clips');
    expect(labels.splitLabel(2)).toBe('Split 2 Clips');
    expect(labels.duplicateLabel(1)).toBe('Duplicate Clip');
    expect(labels.deleteLabel(4)).toBe('Delete 4 Clips');
    expect(labels.pasteLabel(1)).toBe('Paste Clip');
    expect(labels.trimLabel(1)).toBe('Trim Clip');
    expect(labels.fadeLabel(2)).toBe('Fade 2 Clips');
    expect(labels.clipGainLabel(1)).toBe('Change Clip Gain');
    expect(labels.clipGainLabel(5)).toBe('Change Gain of 5 Clips');
    expect(labels.clipRateLabel(2)).toBe('Change Rate of 2 Clips');
    expect(labels.reverseLabel(1, true)).toBe('Reverse Clip');
    expect(labels.reverseLabel(2, false)).toBe('Unreverse 2 Clips');
    expect(labels.loopLabel(1, false)).toBe('Unloop Clip');
    expect(labels.extendLoopLabel()).toBe('Extend Loop');
    expect(labels.addTrackLabel()).toBe('Add Track');
    expect(labels.renameTrackLabel()).toBe('Rename Track');
    expect(labels.deleteTracksLabel(2)).toBe('Delete 2 Tracks');
    expect(labels.moveTrackLabel()).toBe('Move Track');
    expect(labels.trackGainLabel()).toBe('Change Track Volume');
    expect(labels.trackPanLabel(2)).toBe('Change Pan of 2 Tracks');
    expect(labels.muteLabel(1, true)).toBe('Mute Track');
    expect(labels.soloLabel(3, false)).toBe('Unsolo 3 Tracks');
  });
});

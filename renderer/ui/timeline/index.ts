/** What the timeline room offers the rest of the UI. */
export { Timeline } from './Timeline';
export { clipDisplayName } from './clip-name';
export { sampleDragType } from './drop-target';
export {
  addMarkerAtPlayhead,
  copySelection,
  deleteSelection,
  duplicateSelection,
  makeSelectionUnique,
  pasteAtPlayhead,
  selectAll,
  splitAtMouse,
  splitAtPlayhead,
  toggleMuteSelection,
} from './edit-actions';
export { addMeterChangeAtPlayhead } from './meter-actions';
export { refsOf } from './selection';
export { sliceToSamplerFrom } from './slice-to-sampler-action';
export { zoomBy } from './zoom';

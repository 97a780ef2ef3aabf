/** What the library room offers the rest of the UI. */
export { LibraryPanel } from './LibraryPanel';
export { SampleThumbnail } from './SampleThumbnail';

/** What the export room offers the rest of the UI. */
export { ExportDialog } from './ExportDialog';

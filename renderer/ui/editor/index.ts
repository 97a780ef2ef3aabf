/** What the editor room offers the rest of the UI. */
export { WaveformEditor } from './WaveformEditor';

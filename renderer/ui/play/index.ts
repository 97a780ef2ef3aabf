export { PlayPanel } from './PlayPanel';
export { chooseAndImportMidi, exportMidi, importDroppedMidi, importMidiPath, isMidiFileName } from './midi-file-actions';

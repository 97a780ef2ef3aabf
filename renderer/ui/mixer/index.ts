/** What the mixer room offers the rest of the UI. */
export { Mixer, MixerToggle } from './Mixer';
export { TrackMixControls } from './TrackMixControls';

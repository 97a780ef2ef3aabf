/**
 * The factory kit: sixteen pads made from the bundled CC0 sample pack, laid out as General MIDI
 * drums where the pack has the sound (pad 0 = 36 kick, 38 snare, 42 closed hat, 46 open hat, …),
 * so imported MIDI drum parts play sensibly. The hats share choke group 1: the closed hat cuts the
 * open one. Paths are relative to the pack's folder; parameters not named are the catalog's
 * defaults.
 */

export interface KitPad {
  readonly name: string;
  /** The sample, relative to the pack's folder. */
  readonly file: string;
  /** Drum pad parameters by id (the catalog's `drumPadParams`); the rest stay at their defaults. */
  readonly params: Readonly<Record<string, number>>;
}

const hatChoke = 1;

export const factoryKitName = 'Glowroom Kit';

export const factoryKit: readonly KitPad[] = [
  { name: 'Kick', file: 'Drums/Kicks/bd_haus.flac', params: {} },
  { name: 'Kick Tek', file: 'Drums/Kicks/bd_tek.mp3', params: {} },
  { name: 'Snare', file: 'Drums/Snares/sn_dolf.aiff', params: {} },
  { name: 'Snare Generic', file: 'Drums/Snares/sn_generic.flac', params: {} },
  { name: 'Snare Dub', file: 'Drums/Snares/sn_dub_8bit.wav', params: {} },
  { name: 'Low Boom', file: 'Drums/Kicks/bd_boom.flac', params: { pitch: 5 } },
  { name: 'Closed Hat', file: 'Drums/Hats & Perc/hat_closed.wav', params: { choke: hatChoke } },
  { name: 'Tabla', file: 'Drums/Hats & Perc/tabla_na_mono.wav', params: {} },
  { name: 'Pedal Hat', file: 'Drums/Hats & Perc/hat_closed.wav', params: { pitch: -3, decayMs: 60, choke: hatChoke } },
  { name: 'Kick Fat', file: 'Drums/Kicks/bd_fat_24bit.wav', params: {} },
  { name: 'Open Hat', file: 'Drums/Hats & Perc/hat_open.ogg', params: { choke: hatChoke } },
  { name: 'Kick Klub', file: 'Drums/Kicks/bd_klub_48k.wav', params: {} },
  { name: 'Snare Zome', file: 'Drums/Snares/sn_zome_float.wav', params: {} },
  { name: 'Boom FX', file: 'Vocal-ish FX/cineboom.ogg', params: { gainDb: -6 } },
  { name: 'Chime', file: 'Vocal-ish FX/elec_chime.flac', params: { gainDb: -6 } },
  { name: 'Bell', file: 'Drums/Hats & Perc/perc_bell.flac', params: {} },
];

/**
 * Instruments on tracks (format v4): a track with an `instrument` is an instrument track and holds
 * note clips. Parameters are validated against the instrument catalog
 * (src/devices/instruments/catalog.ts); samples are project sources, like clips'.
 */
import { z } from 'zod';
import { drumPadCount, drumPadParams, instrumentCatalog, type InstrumentType } from '../devices/instruments/catalog';
import { checkParams, checkSorted, finite, id, name, nonNegative } from './schema-parts';

const params = z.record(z.string(), finite);

/** The one sample a sampler plays across the keyboard, or its slices one per key. Times in seconds of the source. */
export const SamplerZoneSchema = z
  .strictObject({
    source: id,
    /** The key that plays the sample at its own pitch (MIDI, 69 = A4). */
    rootNote: z.number().int().min(0).max(127),
    start: nonNegative,
    end: nonNegative,
    loopStart: nonNegative,
    loopEnd: nonNegative,
    /** Sorted slice starts; non-empty: slice i plays on key rootNote + i, to the next slice's start (the last to `end`). */
    slices: z.array(nonNegative),
  })
  .superRefine((zone, context) => {
    if (!(zone.start < zone.end)) context.addIssue({ code: 'custom', path: ['end'], message: `must be after the start at ${zone.start} s (got ${zone.end})` });
    if (zone.loopStart < zone.start || zone.loopStart > zone.end) {
      context.addIssue({ code: 'custom', path: ['loopStart'], message: `must lie between the start and the end (${zone.start}–${zone.end} s; got ${zone.loopStart})` });
    }
    if (zone.loopEnd < zone.loopStart || zone.loopEnd > zone.end) {
      context.addIssue({ code: 'custom', path: ['loopEnd'], message: `must lie between the loop start and the end (${zone.loopStart}–${zone.end} s; got ${zone.loopEnd})` });
    }
    zone.slices.forEach((slice, s) => {
      if (slice < zone.start || slice >= zone.end) {
        context.addIssue({ code: 'custom', path: ['slices', s], message: `must lie from the start up to the end (${zone.start}–${zone.end} s; got ${slice})` });
      }
    });
    checkSorted(zone.slices, { compare: (a, b) => a - b, unique: true, what: 'slices', show: (slice) => `${slice} s` }, context, ['slices']);
    if (zone.rootNote + zone.slices.length - 1 > 127) {
      context.addIssue({ code: 'custom', path: ['slices'], message: `has ${zone.slices.length} slices from key ${zone.rootNote}, past the top key 127 (lower the root note or use fewer slices)` });
    }
  });

export const DrumPadSchema = z
  .strictObject({
    name,
    /** The pad's sample; null = an empty pad. */
    source: id.nullable(),
    params,
    /** null = the drum track's own channel; else a bus id. */
    output: id.nullable(),
  })
  .superRefine((pad, context) => checkParams(drumPadParams, 'A drum pad', pad.params, context, ['params']));

/** The check of an instrument's `params` against its type's catalog entry. */
function paramsOf(type: InstrumentType) {
  const spec = instrumentCatalog[type];
  return (instrument: { params: Record<string, number> }, context: z.RefinementCtx) => checkParams(spec.params, spec.name, instrument.params, context, ['params']);
}

export const SynthSchema = z.strictObject({ id, type: z.literal('synth'), params }).superRefine(paramsOf('synth'));
export const SamplerSchema = z.strictObject({ id, type: z.literal('sampler'), params, zone: SamplerZoneSchema.nullable() }).superRefine(paramsOf('sampler'));
export const DrumsSchema = z
  .strictObject({ id, type: z.literal('drums'), params, pads: z.array(DrumPadSchema).length(drumPadCount, `must hold exactly ${drumPadCount} pads`) })
  .superRefine(paramsOf('drums'));

export const InstrumentSchema = z.discriminatedUnion('type', [SynthSchema, SamplerSchema, DrumsSchema]);

export type Instrument = z.infer<typeof InstrumentSchema>;
export type SamplerZone = z.infer<typeof SamplerZoneSchema>;
export type DrumPad = z.infer<typeof DrumPadSchema>;
export type Synth = z.infer<typeof SynthSchema>;
export type Sampler = z.infer<typeof SamplerSchema>;
export type Drums = z.infer<typeof DrumsSchema>;

/** Every source an instrument plays: the sampler's zone, the drum pads' samples. */
export function instrumentSources(instrument: Instrument): string[] {
  if (instrument.type === 'sampler') return instrument.zone ? [instrument.zone.source] : [];
  if (instrument.type === 'drums') return instrument.pads.flatMap((pad) => (pad.source === null ? [] : [pad.source]));
  return [];
}

import { WarpCurve } from '../../std/warp-curve';
import { AudioClipSchema, type AudioClip, type Project, type WarpMarker, type WarpMode } from '../project-schema';
import { bpm } from '../schema-parts';
import { clamp, isFiniteNumber, mapSelectedAudioClips, patchClip } from './clip-math';
import type { ClipRef, ClipSelection } from './selection';

/**
 * Warp edits (format v4 `warp`, `transpose`, `detune`): a clip's timing mode, its source tempo,
 * its pitch and its warp markers. The limits are the schema's.
 */
const { transpose: transposeRange, detune: detuneRange } = AudioClipSchema.shape;
const limits = {
  tempo: [bpm.minValue ?? 20, bpm.maxValue ?? 999],
  transpose: [transposeRange.minValue ?? -48, transposeRange.maxValue ?? 48],
  detune: [detuneRange.minValue ?? -100, detuneRange.maxValue ?? 100],
} as const;

/** Whether a clip in this mode transposes independently of its speed. */
export function shiftsPitch(clip: AudioClip): boolean {
  return clip.warp?.mode === 'beats' || clip.warp?.mode === 'tonal';
}

/**
 * Sets the timing mode: null unwarps (the clip plays at rate 1 whatever the tempo); a mode warps
 * it, at its source tempo so far or `sourceTempo` for a clip not warped yet, at rate 1. A mode
 * without pitch shifting (repitch, or none) sets transpose and detune back to 0, as the format
 * requires. The clip keeps its place and length in beats.
 */
export function setClipWarpMode(project: Project, selection: ClipSelection, mode: WarpMode | null, sourceTempo: number): Project {
  return mapSelectedAudioClips(project, selection, (clip) => {
    const warp = mode === null ? undefined : { mode, sourceTempo: clip.warp?.sourceTempo ?? clamp(sourceTempo, ...limits.tempo), markers: clip.warp?.markers ?? [] };
    if (warp?.mode === clip.warp?.mode && (warp === undefined || warp.sourceTempo === clip.warp?.sourceTempo)) return clip;
    const { warp: _dropped, ...rest } = clip;
    const keepsPitch = mode === 'beats' || mode === 'tonal';
    const next: AudioClip = { ...rest, rate: warp ? 1 : clip.rate, transpose: keepsPitch ? clip.transpose : 0, detune: keepsPitch ? clip.detune : 0 };
    return warp ? { ...next, warp } : next;
  });
}

/** The tempo a warped clip's source is played from (its markers keep their beats). */
export function setClipSourceTempo(project: Project, selection: ClipSelection, tempo: number): Project {
  if (!isFiniteNumber(tempo)) return project;
  const next = clamp(tempo, ...limits.tempo);
  return mapSelectedAudioClips(project, selection, (clip) => (clip.warp && clip.warp.sourceTempo !== next ? { ...clip, warp: { ...clip.warp, sourceTempo: next } } : clip));
}

/** Transposition in whole semitones and detune in cents, for clips warped in beats or tonal mode. */
export function setClipPitch(project: Project, selection: ClipSelection, pitch: { readonly transpose?: number; readonly detune?: number }): Project {
  const transpose = isFiniteNumber(pitch.transpose) ? Math.round(clamp(pitch.transpose, ...limits.transpose)) : undefined;
  const detune = isFiniteNumber(pitch.detune) ? clamp(pitch.detune, ...limits.detune) : undefined;
  return mapSelectedAudioClips(project, selection, (clip) =>
    shiftsPitch(clip) ? patchClip(clip, { ...(transpose === undefined ? {} : { transpose }), ...(detune === undefined ? {} : { detune }) }) : clip,
  );
}

/**
 * Adds a warp marker at `source` seconds, pinned to the beat that source time plays at now (so
 * adding one changes nothing until it is moved). A marker already there is kept.
 */
export function addWarpMarker(project: Project, ref: ClipRef, source: number): Project {
  return editMarkers(project, ref, (markers, curve) => {
    if (!isFiniteNumber(source) || source < 0 || markers.some((marker) => Math.abs(marker.source - source) < 1e-6)) return markers;
    return [...markers, { source, beat: curve.beatAt(source) }].sort((a, b) => a.source - b.source);
  });
}

/**
 * Moves marker `index` to `source` seconds, keeping its beat: the audio at `source` now plays on
 * that beat. It stays strictly between its neighbours.
 */
export function moveWarpMarker(project: Project, ref: ClipRef, index: number, source: number): Project {
  return editMarkers(project, ref, (markers) => {
    const marker = markers[index];
    if (!marker || !isFiniteNumber(source)) return markers;
    const low = (markers[index - 1]?.source ?? -Infinity) + 1e-4;
    const high = (markers[index + 1]?.source ?? Infinity) - 1e-4;
    const next = Math.max(0, Math.min(high, Math.max(low, source)));
    if (!(next >= low && next <= high) || next === marker.source) return markers;
    return markers.map((m, i) => (i === index ? { ...m, source: next } : m));
  });
}

export function deleteWarpMarker(project: Project, ref: ClipRef, index: number): Project {
  return editMarkers(project, ref, (markers) => (index >= 0 && index < markers.length ? markers.filter((_, i) => i !== index) : markers));
}

function editMarkers(project: Project, ref: ClipRef, change: (markers: readonly WarpMarker[], curve: WarpCurve) => readonly WarpMarker[]): Project {
  return mapSelectedAudioClips(project, [ref], (clip) => {
    if (!clip.warp) return clip;
    const markers = change(clip.warp.markers, new WarpCurve(clip.warp.markers, clip.warp.sourceTempo));
    return markers === clip.warp.markers ? clip : { ...clip, warp: { ...clip.warp, markers: [...markers] } };
  });
}

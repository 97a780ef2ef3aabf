/** Property-style: seeded random sequences of edits, with hostile numbers, never break the document. */
import { describe, expect, it } from 'vitest';
import * as buses from '../../../../src/model/edits/bus-edits';
import * as channels from '../../../../src/model/edits/channel-edits';
import { RoutingLoopError } from '../../../../src/model/edits/channel-edits';
import * as inserts from '../../../../src/model/edits/insert-edits';
import * as sends from '../../../../src/model/edits/send-edits';
import * as clips from '../../../../src/model/edits/clip-edits';
import * as markers from '../../../../src/model/edits/marker-edits';
import { selectAllClips, type ClipRef } from '../../../../src/model/edits/selection';
import * as tracks from '../../../../src/model/edits/track-edits';
import { applyEdit, emptyHistory, undo } from '../../../../src/model/history';
import type { Project } from '../../../../src/model/project-schema';
import { beats } from '../../../../src/std/units';
import { deepFreeze, durations, expectValid, project } from './helpers';

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeEdit(random: () => number, p: Project, clipboard: clips.Clipboard): [string, (p: Project) => Project, clips.Clipboard] {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const weird = [Number.NaN, Infinity, -Infinity, -1e9, 1e9, -0, 1e-12, -1e-12];
  const num = (scale: number): number => (random() < 0.08 ? (pick(weird) ?? 0) : (random() * 2 - 1) * scale);
  const all = selectAllClips(p);
  const some = (): ClipRef[] => all.filter(() => random() < 0.4).concat(random() < 0.1 ? [{ trackId: 'nope', clipId: 'c1' }] : []);
  const one = (): ClipRef => pick(all) ?? { trackId: 't1', clipId: 'missing' };
  const trackId = (): string => pick(p.tracks)?.id ?? 't-missing';
  const markerId = (): string => pick(p.markers)?.id ?? 'm-missing';
  const busId = (): string => pick(p.buses)?.id ?? 'b-missing';
  const channelId = (): string => pick([...p.tracks.map((t) => t.id), ...p.buses.map((b) => b.id), 'master']) ?? 'master';
  const sendId = (): string => pick([...p.tracks, ...p.buses].flatMap((owner) => owner.channel.sends.map((send) => send.id))) ?? 'x-missing';
  const deviceId = (): string => pick([...p.tracks, ...p.buses].flatMap((owner) => owner.channel.inserts.map((device) => device.id)).concat(p.master.inserts.map((device) => device.id))) ?? 'd-missing';
  const options = random() < 0.5 ? durations : {};
  const edits: [string, (q: Project) => Project][] = [
    ['move', (q) => clips.moveClips(q, some(), num(8), Math.round(num(3)))],
    ['trim start', (q) => clips.trimClipStart(q, one(), num(16), options)],
    ['trim end', (q) => clips.trimClipEnd(q, one(), num(16), options)],
    ['trim starts', (q) => clips.trimClipsStart(q, some(), num(4), options)],
    ['trim ends', (q) => clips.trimClipsEnd(q, some(), num(4), options)],
    ['split', (q) => clips.splitClips(q, some(), Math.abs(num(16)), options)],
    ['duplicate', (q) => clips.duplicateClips(q, some())],
    ['delete', (q) => clips.deleteClips(q, some())],
    ['paste', (q) => clips.pasteClips(q, clipboard, num(32), trackId())],
    ['fades', (q) => clips.setClipFades(q, some(), { fadeIn: num(3), fadeOut: num(3) })],
    ['gain', (q) => clips.setClipGain(q, some(), num(200))],
    ['reverse', (q) => clips.toggleClipReverse(q, some(), options)],
    ['loop', (q) => clips.setClipLoop(q, some(), random() < 0.5)],
    ['extend loop', (q) => clips.extendLoop(q, one(), num(32))],
    ['rate', (q) => clips.setClipRate(q, some(), num(10), { keepSourceSpan: random() < 0.5 })],
    ['add track', (q) => tracks.addTrack(q, { index: num(5) })],
    ['rename', (q) => tracks.renameTrack(q, trackId(), 'n'.repeat(Math.floor(random() * 250)))],
    ['delete track', (q) => (random() < 0.3 ? tracks.deleteTracks(q, trackId()) : q)],
    ['move track', (q) => tracks.moveTrack(q, trackId(), num(5))],
    ['track gain', (q) => channels.setChannelGain(q, trackId(), num(200))],
    ['pan', (q) => channels.setChannelPan(q, trackId(), num(2))],
    ['mute', (q) => channels.toggleMute(q, [trackId(), trackId()])],
    ['solo', (q) => channels.toggleSolo(q, trackId())],
    ['rename clips', (q) => clips.renameClips(q, some(), 'c'.repeat(Math.floor(random() * 250)))],
    ['mute clips', (q) => clips.setClipMute(q, some(), random() < 0.5)],
    ['colour', (q) => tracks.setTrackColour(q, [trackId(), trackId()], pick(['#A0B1C2', '#00ff7f', 'teal', '#fff']) ?? '')],
    ['height', (q) => tracks.setTrackHeight(q, trackId(), num(400))],
    ['add marker', (q) => markers.addMarker(q, beats(num(64)), random() < 0.5 ? undefined : 'm'.repeat(Math.floor(random() * 250)))],
    ['move marker', (q) => markers.moveMarker(q, markerId(), beats(num(64)))],
    ['rename marker', (q) => markers.renameMarker(q, markerId(), 'r'.repeat(Math.floor(random() * 250)))],
    ['delete marker', (q) => markers.deleteMarker(q, markerId())],
    ['channel gain', (q) => channels.setChannelGain(q, [channelId(), channelId()], num(200))],
    ['channel pan', (q) => channels.setChannelPan(q, channelId(), num(2))],
    ['exclusive solo', (q) => channels.soloExclusively(q, channelId())],
    ['output', (q) => channels.setChannelOutput(q, channelId(), random() < 0.3 ? 'master' : busId())],
    ['add bus', (q) => buses.addBus(q)],
    ['route to new bus', (q) => buses.routeToNewBus(q, [channelId(), channelId()])],
    ['rename bus', (q) => buses.renameBus(q, busId(), 'b'.repeat(Math.floor(random() * 250)))],
    ['delete bus', (q) => (random() < 0.3 ? buses.deleteBus(q, busId()) : q)],
    ['add send', (q) => sends.addSend(q, channelId(), busId(), { tap: random() < 0.5 ? 'pre' : 'post', levelDb: num(200) })],
    ['send level', (q) => sends.setSendLevel(q, sendId(), num(200))],
    ['send tap', (q) => sends.setSendTap(q, sendId(), random() < 0.5 ? 'pre' : 'post')],
    ['remove send', (q) => (random() < 0.3 ? sends.removeSend(q, sendId()) : q)],
    ['add insert', (q) => inserts.addInsert(q, channelId(), pick(['utility', 'limiter', 'nonsense']) ?? 'utility', num(3))],
    ['bypass insert', (q) => inserts.setInsertBypass(q, deviceId(), random() < 0.5)],
    ['move insert', (q) => inserts.moveInsert(q, deviceId(), num(3))],
    ['remove insert', (q) => (random() < 0.3 ? inserts.removeInsert(q, deviceId()) : q)],
  ];
  const [label, recipe] = pick(edits) ?? edits[0]!;
  const nextBoard = random() < 0.2 ? clips.copyClips(p, some()) : clipboard;
  return [label, recipe, nextBoard];
}

describe('random edit sequences', () => {
  it('never produce an invalid project, never mutate, and undo all the way back', () => {
    let changed = 0;
    let total = 0;
    let loopsRefused = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const random = rng(seed);
      const start = project();
      let state = { document: start, history: emptyHistory };
      let clipboard = clips.emptyClipboard;
      for (let step = 0; step < 40; step++) {
        const [label, recipe, nextBoard] = makeEdit(random, state.document, clipboard);
        clipboard = nextBoard;
        // applyEdit throws if the result is invalid; expectValid checks it once more, and freezing
        // every result makes any later in-place mutation throw.
        const before = state.document;
        try {
          state = applyEdit(state.document, state.history, `${label} (seed ${seed}, step ${step})`, recipe);
        } catch (error) {
          // A routing that would loop is refused: the only error an edit may throw.
          if (!(error instanceof RoutingLoopError)) throw error;
          loopsRefused++;
        }
        total++;
        if (state.document !== before) changed++;
        deepFreeze(expectValid(state.document));
        for (const track of state.document.tracks) {
          for (const clip of track.clips) {
            expect(clip.start).toBeGreaterThanOrEqual(0);
            expect(clip.length).toBeGreaterThan(0);
            expect(clip.offset).toBeGreaterThanOrEqual(0);
          }
        }
      }
      let back = undo(state.history);
      while (back && back.history.past.length > 0) back = undo(back.history);
      if (back) expect(back.document).toBe(start);
    }
    // The sequences really edit (most steps change something), not just bounce off as no-ops.
    expect(changed / total).toBeGreaterThan(0.5);
    expect(loopsRefused).toBeGreaterThan(0);
  });
});

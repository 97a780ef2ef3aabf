/**
 * The user guide Help ▸ Guide shows: what a producer needs to find their way, in the app, offline.
 * Keep it true to the app: when a feature changes, change its paragraph here.
 */
export interface GuideSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export const guide: readonly GuideSection[] = [
  {
    title: 'Your samples: the library',
    paragraphs: [
      'Import folder… and Import file… add samples or a .zip pack to the library on the left; Watch folder… also keeps a folder up to date while Glowroom runs. Each sound is analysed once (length, tempo, key, loudness) and stays in the library for every project.',
      'Search by name, folder or tag; filter by one-shots or loops, tempo range, key (its relative key matches too) or favourites (★). Click a sample to hear it, use the arrow keys to hear the next one.',
      'Loops play in time with the song: stretched to its tempo and, while it plays, starting on the next beat. Set the Song key under the preview and switch Key on to hear loops moved into it (by at most six semitones).',
    ],
  },
  {
    title: 'Building a track: the timeline',
    paragraphs: [
      'Drag a sample onto a track, or below the tracks for a new one; double-clicking a sample adds it on a new track. Clips land on the grid (Grid above the timeline; hold Alt to place them freely).',
      'Loops you place follow the song’s tempo (Warp loops to the project tempo, under the preview): drum loops keep their hits sharp (Beats), the rest keep their pitch (Tonal); one-shots play as they are. A loop whose tempo is not known asks for it: type it, tap it (Tap or T) or pick it from its length in bars; the library keeps your answer.',
      'Drag a clip to move it, its edges to trim, its top corners to fade. Double-click a clip to edit it: name, gain, fades, normalize, chop into slices, timing and pitch (Warp), and warp markers: double-click the waveform to add one (on the nearest transient), drag it to choose the audio that lands on its beat, Delete to remove it. Ctrl+wheel zooms around the pointer; Fit shows the whole song.',
      'Every change can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z); the undo button names the step it would take.',
    ],
  },
  {
    title: 'Playing',
    paragraphs: [
      'Space plays and stops, Enter goes back to the start. Drag on the ruler to set a loop range, L switches looping on and off. The metronome button clicks on the beat.',
      'Help ▸ Open Demo Song opens a short song made only of the sounds that come with Glowroom (drum machine, an 808 with glide, chords, a sampled chime, sends to reverb and delay, a limiter on the master) as an untitled copy: play it, take it apart, save it wherever you like.',
    ],
  },
  {
    title: 'Saving, and when something goes wrong',
    paragraphs: [
      'Ctrl+S saves the project as one .glowroom file; it refers to your audio where it lies. Collect and Save (File ▾) copies all audio into an Audio folder beside the project; Export Bundle makes one .glowroom.zip to send to someone.',
      'Unsaved work is kept every 30 seconds (at once after a big edit) in Glowroom’s data folder. If Glowroom or the computer stops before you save, the next start offers to recover it.',
      'Before New or Open replaces a project with unsaved changes, Glowroom asks whether to save it. Each saved project reopens with the grid, zoom, scroll and mixer as you left them.',
    ],
  },
  {
    title: 'Exporting',
    paragraphs: [
      'Export (Ctrl+E) renders the whole song, the loop range, the selection, or a 15/30/60 s clip, as WAV, FLAC or MP3, optionally as stems, and brings it to a loudness target for where you will upload it. The report shows the loudness and true peak it reached.',
    ],
  },
];

/*
 * The WebAssembly face of LAME: one encoder per handle, float planes in, MP3 bytes out.
 * The caller writes `frames` samples per channel at lw_input(), calls lw_encode(), and reads the
 * returned count of bytes at lw_output() before its next call.
 *
 * An encoder may keep only MP3 frames [from, until) of its stream (lw_keep), for a song encoded in
 * two pieces at once and joined at a frame boundary. At both ends of that span the bit reservoir
 * is padded out with LAME's own lame_encode_flush_nogap, so the first kept frame's main data
 * starts in that frame (main_data_begin 0) and the last kept frame holds all of its own: the
 * frames before `from` are dropped, and input after frame `until - 1` is not encoded.
 */
#include <stdlib.h>
#include <lame.h>

#define EXPORT __attribute__((used, visibility("default")))

typedef struct {
  lame_global_flags *lame;
  int channels;
  int capacity;          /* frames each input plane holds */
  float *planes;         /* channel 0's plane, then channel 1's */
  unsigned char *out;
  int out_size;
  int keep_from;         /* the first MP3 frame kept */
  int keep_until;        /* the frame after the last kept, or 0: to the end */
  int ended;             /* frame keep_until - 1 is out: the rest of the input is ignored */
} Encoder;

EXPORT void lw_close(Encoder *encoder) {
  if (!encoder) return;
  if (encoder->lame) lame_close(encoder->lame);
  free(encoder->planes);
  free(encoder->out);
  free(encoder);
}

/* kbps > 0: CBR at that rate; otherwise VBR (LAME's default VBR method) at vbr_quality (0 best … 9). */
EXPORT Encoder *lw_open(int channels, int sample_rate, int kbps, float vbr_quality) {
  Encoder *encoder = calloc(1, sizeof(Encoder));
  if (!encoder) return NULL;
  encoder->channels = channels;
  encoder->lame = lame_init();
  if (!encoder->lame) goto fail;
  lame_set_num_channels(encoder->lame, channels);
  lame_set_in_samplerate(encoder->lame, sample_rate);
  lame_set_out_samplerate(encoder->lame, sample_rate);
  lame_set_bWriteVbrTag(encoder->lame, 0);
  lame_set_write_id3tag_automatic(encoder->lame, 0);
  if (kbps > 0) {
    lame_set_VBR(encoder->lame, vbr_off);
    lame_set_brate(encoder->lame, kbps);
  } else {
    lame_set_VBR(encoder->lame, vbr_default);
    lame_set_VBR_quality(encoder->lame, vbr_quality);
  }
  if (lame_init_params(encoder->lame) < 0) goto fail;
  return encoder;
fail:
  lw_close(encoder);
  return NULL;
}

/* Room for `frames` frames per channel; NULL when memory is short. */
EXPORT float *lw_input(Encoder *encoder, int frames) {
  if (frames > encoder->capacity) {
    float *planes = realloc(encoder->planes, sizeof(float) * (size_t)frames * 2);
    if (!planes) return NULL;
    encoder->planes = planes;
    encoder->capacity = frames;
  }
  return encoder->planes;
}

static int reserve(Encoder *encoder, int frames) {
  /* LAME's documented worst case: 1.25 × samples + 7200 bytes. */
  int size = frames + frames / 4 + 7200;
  if (size <= encoder->out_size) return 1;
  unsigned char *out = realloc(encoder->out, (size_t)size);
  if (!out) return 0;
  encoder->out = out;
  encoder->out_size = size;
  return 1;
}

/* Keeps only MP3 frames [from, until) of the stream (until 0: to its end); called before any input. */
EXPORT void lw_keep(Encoder *encoder, int from, int until) {
  encoder->keep_from = from;
  encoder->keep_until = until;
}

/* The count of MP3 frames at which the bit reservoir is padded out next, or -1 when none is left. */
static int next_boundary(Encoder *encoder) {
  int done = lame_get_frameNum(encoder->lame);
  if (done < encoder->keep_from) return encoder->keep_from;
  if (encoder->keep_until > 0 && done < encoder->keep_until) return encoder->keep_until;
  return -1;
}

/* Encodes `frames` frames from lw_input's planes; the count of bytes at lw_output, or < 0 on failure. */
EXPORT int lw_encode(Encoder *encoder, int frames) {
  if (!reserve(encoder, frames)) return -100;
  int per_frame = lame_get_framesize(encoder->lame);
  int used = 0;
  for (int at = 0; at < frames && !encoder->ended;) {
    int boundary = next_boundary(encoder);
    /* Before a boundary, at most one MP3 frame's samples a call: LAME then encodes at most one
       frame a call, so the encoder stops exactly on the boundary. */
    int step = boundary < 0 || frames - at < per_frame ? frames - at : per_frame;
    float *left = encoder->planes + at;
    float *right = encoder->channels == 2 ? encoder->planes + encoder->capacity + at : NULL;
    int written = lame_encode_buffer_ieee_float(encoder->lame, left, right, step, encoder->out + used, encoder->out_size - used);
    if (written < 0) return written;
    used += written;
    at += step;
    if (boundary >= 0 && lame_get_frameNum(encoder->lame) == boundary) {
      written = lame_encode_flush_nogap(encoder->lame, encoder->out + used, encoder->out_size - used);
      if (written < 0) return written;
      used += written;
      if (boundary == encoder->keep_from) used = 0;
      else encoder->ended = 1;
    }
  }
  /* Still before the first kept frame: what came out belongs to dropped frames. */
  if (lame_get_frameNum(encoder->lame) < encoder->keep_from) used = 0;
  return used;
}

/* Ends the stream: the count of its last bytes at lw_output, or < 0 on failure. */
EXPORT int lw_flush(Encoder *encoder) {
  if (encoder->ended) return 0;
  if (!reserve(encoder, 0)) return -100;
  return lame_encode_flush(encoder->lame, encoder->out, encoder->out_size);
}

/* 1 once the last kept frame (lw_keep's `until`) is out, else 0. */
EXPORT int lw_ended(Encoder *encoder) {
  return encoder->ended;
}

EXPORT unsigned char *lw_output(Encoder *encoder) {
  return encoder->out;
}

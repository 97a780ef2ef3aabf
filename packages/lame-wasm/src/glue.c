/*
 * The WebAssembly face of LAME: one encoder per handle, float planes in, MP3 bytes out.
 * The caller writes `frames` samples per channel at lw_input(), calls lw_encode(), and reads the
 * returned count of bytes at lw_output() before its next call.
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

/* Encodes `frames` frames from lw_input's planes; the count of bytes at lw_output, or < 0 on failure. */
EXPORT int lw_encode(Encoder *encoder, int frames) {
  if (!reserve(encoder, frames)) return -100;
  float *left = encoder->planes;
  float *right = encoder->channels == 2 ? encoder->planes + encoder->capacity : NULL;
  return lame_encode_buffer_ieee_float(encoder->lame, left, right, frames, encoder->out, encoder->out_size);
}

/* Ends the stream: the count of its last bytes at lw_output, or < 0 on failure. */
EXPORT int lw_flush(Encoder *encoder) {
  if (!reserve(encoder, 0)) return -100;
  return lame_encode_flush(encoder->lame, encoder->out, encoder->out_size);
}

EXPORT unsigned char *lw_output(Encoder *encoder) {
  return encoder->out;
}

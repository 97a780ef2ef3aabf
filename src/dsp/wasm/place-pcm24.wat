;; A clip of a stereo 24-bit source placed straight into a mix, in WebAssembly with 128-bit SIMD (no
;; relaxed SIMD, no fused multiply-add): the source's bytes decoded, the clip's gain, a track's still
;; pan and its fader (gliding per frame), the strip's own block written and the result added into
;; the block it feeds (the output's gain must be 0 or 1). Two frames a step: the left samples of frames i and i + 1 in the lanes of one
;; f64x2, the right ones in another, each lane doing in its order the operations of the TypeScript
;; path (ClipVoice.mixRuns into TrackContent's cleared sums, then ChannelStrip.placeFaderAndMeter;
;; place-pcm24.ts states them), so the sums are the same bits (a test compares them). Built into
;; place-pcm24-wasm.ts by `npm run build:wasm`.
;; Every address is a byte offset into the imported memory; place-pcm24.ts lays it out.
(module
  (import "env" "memory" (memory 1))

  ;; $src: frame 0's six bytes (left, then right, each little-endian), the frames after it in turn;
  ;; 16 bytes past the last frame must be readable. $at: the block frame of source frame 0: the
  ;; fader's step counts from the block's start, and the planes ($stripLeft … $outRight, f32 each,
  ;; the block's frame 0 first) are written from frame $at. $gains: six f64: the clip's gain, the
  ;; left and right pan gains, the fader's gain at the block's start and its step per frame, the
  ;; output's gain (1, or 0 when the strip feeds nothing).
  (func (export "place") (param $src i32) (param $frames i32) (param $at i32) (param $gains i32)
    (param $stripLeft i32) (param $stripRight i32) (param $outLeft i32) (param $outRight i32)
    (local $clip v128) (local $sideLeft v128) (local $sideRight v128) (local $from v128) (local $step v128) (local $outGain v128)
    (local $bytes v128) (local $n v128) (local $gain v128) (local $l v128) (local $r v128)
    (local $p i32) (local $end i32) (local $pairs i32) (local $k i32) (local $unity i32)
    (local.set $clip (v128.load64_splat (local.get $gains)))
    (local.set $sideLeft (v128.load64_splat offset=8 (local.get $gains)))
    (local.set $sideRight (v128.load64_splat offset=16 (local.get $gains)))
    (local.set $from (v128.load64_splat offset=24 (local.get $gains)))
    (local.set $step (v128.load64_splat offset=32 (local.get $gains)))
    ;; The output's gain (0 or 1) as four float32 lanes.
    (local.set $outGain (f32x4.splat (f32.demote_f64 (f64.load offset=40 (local.get $gains)))))
    (local.set $unity (f64.eq (f64.load (local.get $gains)) (f64.const 1)))
    ;; The frame counts the fader's step multiplies: at + i + 1 and at + i + 2, whole numbers.
    (local.set $n (f64x2.add
      (f64x2.splat (f64.convert_i32_u (local.get $at)))
      (v128.const f64x2 1 2)))
    ;; $p: the byte offset of frame i's sample in the planes; $k: pairs left.
    (local.set $p (i32.shl (local.get $at) (i32.const 2)))
    (local.set $pairs (i32.shr_u (i32.add (local.get $frames) (i32.const 1)) (i32.const 1)))
    (local.set $end (i32.shr_u (local.get $frames) (i32.const 1)))
    (local.set $k (i32.const 0))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $k) (local.get $pairs)))
        (local.set $bytes (v128.load (local.get $src)))
        ;; Each sample's three bytes into the top of a 32-bit lane, shifted down with its sign: the
        ;; integers of the byte-by-byte reading. Lane 0 frame i, lane 1 frame i + 1.
        (local.set $l (f64x2.convert_low_i32x4_s (i32x4.shr_s
          (i8x16.swizzle (local.get $bytes) (v128.const i8x16 0x80 0 1 2 0x80 6 7 8 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80))
          (i32.const 8))))
        (local.set $r (f64x2.convert_low_i32x4_s (i32x4.shr_s
          (i8x16.swizzle (local.get $bytes) (v128.const i8x16 0x80 3 4 5 0x80 9 10 11 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80))
          (i32.const 8))))
        ;; The source sample (integer · 2^-23, exact), times the clip's gain, kept as float32 in the
        ;; track's sum (into a cleared sum: +0 + x, which only turns −0 into +0, and the pan's + 0
        ;; below does that too). At unity gain that is the sample itself, already a float32.
        (local.set $l (f64x2.mul (local.get $l) (v128.const f64x2 0x1p-23 0x1p-23)))
        (local.set $r (f64x2.mul (local.get $r) (v128.const f64x2 0x1p-23 0x1p-23)))
        (if (i32.eqz (local.get $unity))
          (then
            (local.set $l (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.mul (local.get $l) (local.get $clip)))))
            (local.set $r (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.mul (local.get $r) (local.get $clip)))))))
        ;; The still pan (its mono term a silent sum's + 0), rounded to float32.
        (local.set $l (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add (f64x2.mul (local.get $l) (local.get $sideLeft)) (v128.const f64x2 0 0)))))
        (local.set $r (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.add (f64x2.mul (local.get $r) (local.get $sideRight)) (v128.const f64x2 0 0)))))
        ;; The fader at frames i and i + 1: from + step · (at + i + 1), rounded to float32 (the strip's block).
        (local.set $gain (f64x2.add (local.get $from) (f64x2.mul (local.get $step) (local.get $n))))
        (local.set $l (f32x4.demote_f64x2_zero (f64x2.mul (local.get $l) (local.get $gain))))
        (local.set $r (f32x4.demote_f64x2_zero (f64x2.mul (local.get $r) (local.get $gain))))
        (if (i32.lt_u (local.get $k) (local.get $end))
          (then
            (v128.store64_lane 0 (i32.add (local.get $stripLeft) (local.get $p)) (local.get $l))
            (v128.store64_lane 0 (i32.add (local.get $stripRight) (local.get $p)) (local.get $r))
            ;; Added into the target: target + l · outGain, rounded to float32. With outGain 0 or 1
            ;; the product is exact in float32, and a float32 sum rounds as the double's rounding to
            ;; float32 does (53 ≥ 2 · 24 + 2 bits), so float32 lanes give the same values.
            (v128.store64_lane 0 (i32.add (local.get $outLeft) (local.get $p))
              (f32x4.add (v128.load64_zero (i32.add (local.get $outLeft) (local.get $p))) (f32x4.mul (local.get $l) (local.get $outGain))))
            (v128.store64_lane 0 (i32.add (local.get $outRight) (local.get $p))
              (f32x4.add (v128.load64_zero (i32.add (local.get $outRight) (local.get $p))) (f32x4.mul (local.get $r) (local.get $outGain)))))
          (else
            ;; An odd count's last frame: lane 0 only (lane 1 read bytes past it and is dropped).
            (v128.store32_lane 0 (i32.add (local.get $stripLeft) (local.get $p)) (local.get $l))
            (v128.store32_lane 0 (i32.add (local.get $stripRight) (local.get $p)) (local.get $r))
            (v128.store32_lane 0 (i32.add (local.get $outLeft) (local.get $p))
              (f32x4.add (v128.load32_zero (i32.add (local.get $outLeft) (local.get $p))) (f32x4.mul (local.get $l) (local.get $outGain))))
            (v128.store32_lane 0 (i32.add (local.get $outRight) (local.get $p))
              (f32x4.add (v128.load32_zero (i32.add (local.get $outRight) (local.get $p))) (f32x4.mul (local.get $r) (local.get $outGain))))))
        (local.set $n (f64x2.add (local.get $n) (v128.const f64x2 2 2)))
        (local.set $src (i32.add (local.get $src) (i32.const 12)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $pair))))
)

;; The true-peak estimator's interpolation in WebAssembly with 128-bit SIMD (f64x2 lanes, no
;; relaxed SIMD, no fused multiply-add): two frames a step, one per lane. Each lane does the very
;; operations, in the very order, of the folded polyphase sums that src/dsp/limiter/true-peak-estimator.ts
;; documents, so its peaks are the same on every host. Built into true-peak-wasm.ts by
;; `npm run build:wasm` (tests/unit/dsp/wasm checks the checked-in bytes).
;; Every address is a byte offset into the imported memory; the caller lays it out.
(module
  (import "env" "memory" (memory 1))

  ;; `count` frames (≥ 1) of one channel. $x holds 47 + count + 1 f64: the channel's last 47
  ;; samples (copied in from $history), then the frames, then one spare slot (read by the second
  ;; lane of an odd last frame, whose result is dropped). Frame i's window is x[i … i + 47], oldest
  ;; first. $taps: for j = 0 … 23, three v128 of a pair of equal lanes: phase 1's tap j, phase 1's
  ;; tap 47 − j, phase 2's tap j. Writes each frame's peak (|x[i + 23]| and the three points after
  ;; it) to $peaks (count + 1 f64), the highest of them to $out, and the last 47 samples back to
  ;; $history.
  (func (export "interpolate") (param $history i32) (param $x i32) (param $count i32) (param $taps i32) (param $peaks i32) (param $out i32)
    (local $i i32) (local $j i32) (local $p i32) (local $q i32) (local $t i32) (local $end i32)
    (local $a v128) (local $b v128) (local $ha v128) (local $hb v128) (local $hc v128)
    (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $peak v128) (local $block v128)
    (local $last f64)
    ;; The history in front of the frames.
    (local.set $j (i32.const 0))
    (block $copied
      (loop $copy
        (br_if $copied (i32.ge_u (local.get $j) (i32.const 376)))
        (f64.store (i32.add (local.get $x) (local.get $j)) (f64.load (i32.add (local.get $history) (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $copy)))
    (local.set $block (v128.const f64x2 0 0))
    (local.set $i (i32.const 0))
    (block $done
      (loop $frames
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        ;; $p walks a[j] (lanes: frames i, i + 1) up, $q walks a[47 − j] down.
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $q (i32.add (local.get $p) (i32.const 376)))
        (local.set $t (local.get $taps))
        (local.set $end (i32.add (local.get $taps) (i32.const 1152)))
        (local.set $s1 (v128.const f64x2 0 0))
        (local.set $s2 (v128.const f64x2 0 0))
        (local.set $s3 (v128.const f64x2 0 0))
        (loop $taps
          (local.set $a (v128.load (local.get $p)))
          (local.set $b (v128.load (local.get $q)))
          (local.set $ha (v128.load (local.get $t)))
          (local.set $hb (v128.load offset=16 (local.get $t)))
          (local.set $hc (v128.load offset=32 (local.get $t)))
          ;; s1 += a·h1[j] + b·h1[47 − j]; s3 += b·h1[j] + a·h1[47 − j]; s2 += (a + b)·h2[j]
          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.add (f64x2.mul (local.get $a) (local.get $ha)) (f64x2.mul (local.get $b) (local.get $hb)))))
          (local.set $s3 (f64x2.add (local.get $s3) (f64x2.add (f64x2.mul (local.get $b) (local.get $ha)) (f64x2.mul (local.get $a) (local.get $hb)))))
          (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (f64x2.add (local.get $a) (local.get $b)) (local.get $hc))))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (local.set $q (i32.sub (local.get $q) (i32.const 8)))
          (local.set $t (i32.add (local.get $t) (i32.const 48)))
          (br_if $taps (i32.lt_u (local.get $t) (local.get $end))))
        ;; peak = |x[i + 23]|, then each point's magnitude where it is higher (pmax: as `if (s > peak) peak = s`).
        (local.set $peak (f64x2.abs (v128.load offset=184 (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $peak (f64x2.pmax (local.get $peak) (f64x2.abs (local.get $s1))))
        (local.set $peak (f64x2.pmax (local.get $peak) (f64x2.abs (local.get $s2))))
        (local.set $peak (f64x2.pmax (local.get $peak) (f64x2.abs (local.get $s3))))
        (v128.store (i32.add (local.get $peaks) (i32.shl (local.get $i) (i32.const 3))) (local.get $peak))
        (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $count))
          (then (local.set $block (f64x2.pmax (local.get $block) (local.get $peak))))
          (else (local.set $block (f64x2.pmax (local.get $block) (f64x2.splat (f64x2.extract_lane 0 (local.get $peak)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $frames)))
    ;; The block's peak: the higher lane (as a running `if (peak > blockPeak)` from 0 gives).
    (local.set $last (f64x2.extract_lane 0 (local.get $block)))
    (if (f64.lt (local.get $last) (f64x2.extract_lane 1 (local.get $block)))
      (then (local.set $last (f64x2.extract_lane 1 (local.get $block)))))
    (f64.store (local.get $out) (local.get $last))
    ;; The last 47 samples become the history.
    (local.set $p (i32.add (local.get $x) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $j (i32.const 0))
    (block $kept
      (loop $keep
        (br_if $kept (i32.ge_u (local.get $j) (i32.const 376)))
        (f64.store (i32.add (local.get $history) (local.get $j)) (f64.load (i32.add (local.get $p) (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $keep))))
)

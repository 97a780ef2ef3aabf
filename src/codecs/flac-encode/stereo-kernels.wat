;; The FLAC encoder's stereo estimate (frame.ts documents it) in WebAssembly with 128-bit SIMD:
;; mid and side of a block, and for each of left, right, mid and side the sum of the absolute
;; order-2 residual, four samples a step in i32x4 lanes. The sums are exact integers (below
;; 2^53), so they equal the TypeScript's sums in doubles whatever the order of adding.
;; Built into stereo-kernels-wasm.ts by `npm run build:wasm` (a test checks the checked-in bytes).
;; Every address is a byte offset into the imported memory; stereo-kernels.ts lays it out.
(module
  (import "env" "memory" (memory 1))

  ;; Σ |x[i] − 2·x[i − 1] + x[i − 2]| over i in [2, n), as a double.
  (func $order2 (param $x i32) (param $n i32) (result f64)
    (local $p i32) (local $end i32) (local $e v128) (local $sum v128) (local $tail i64) (local $v i32)
    (local.set $sum (v128.const i64x2 0 0))
    (local.set $tail (i64.const 0))
    ;; $p points at x[i]; whole steps of four while i + 3 < n, then one sample at a time.
    (local.set $p (i32.add (local.get $x) (i32.const 8)))
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (block $whole
      (loop $step
        (br_if $whole (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (local.set $e (i32x4.abs (i32x4.add (i32x4.sub (v128.load (local.get $p)) (i32x4.shl (v128.load (i32.sub (local.get $p) (i32.const 4))) (i32.const 1)))
          (v128.load (i32.sub (local.get $p) (i32.const 8))))))
        (local.set $sum (i64x2.add (local.get $sum) (i64x2.add (i64x2.extend_low_i32x4_u (local.get $e)) (i64x2.extend_high_i32x4_u (local.get $e)))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $step)))
    (block $rest
      (loop $one
        (br_if $rest (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (i32.add (i32.sub (i32.load (local.get $p)) (i32.shl (i32.load (i32.sub (local.get $p) (i32.const 4))) (i32.const 1)))
          (i32.load (i32.sub (local.get $p) (i32.const 8)))))
        (local.set $tail (i64.add (local.get $tail) (i64.extend_i32_u (select (i32.sub (i32.const 0) (local.get $v)) (local.get $v) (i32.lt_s (local.get $v) (i32.const 0))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $one)))
    (f64.convert_i64_s (i64.add (local.get $tail) (i64.add (i64x2.extract_lane 0 (local.get $sum)) (i64x2.extract_lane 1 (local.get $sum))))))

  ;; $left, $right: n i32 (n + 3 readable). $mid, $side: written, mid[i] = (l + r) >> 1 and
  ;; side[i] = l − r (n + 3 writable). $out: 4 f64, the order-2 sums of left, right, mid, side.
  (func (export "estimate") (param $left i32) (param $right i32) (param $mid i32) (param $side i32) (param $n i32) (param $out i32)
    (local $i i32) (local $end i32) (local $l v128) (local $r v128)
    (local.set $i (i32.const 0))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $l (v128.load (i32.add (local.get $left) (local.get $i))))
        (local.set $r (v128.load (i32.add (local.get $right) (local.get $i))))
        (v128.store (i32.add (local.get $mid) (local.get $i)) (i32x4.shr_s (i32x4.add (local.get $l) (local.get $r)) (i32.const 1)))
        (v128.store (i32.add (local.get $side) (local.get $i)) (i32x4.sub (local.get $l) (local.get $r)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (f64.store (local.get $out) (call $order2 (local.get $left) (local.get $n)))
    (f64.store offset=8 (local.get $out) (call $order2 (local.get $right) (local.get $n)))
    (f64.store offset=16 (local.get $out) (call $order2 (local.get $mid) (local.get $n)))
    (f64.store offset=24 (local.get $out) (call $order2 (local.get $side) (local.get $n))))
)

;; TPDF dither and quantization of two channels at once in WebAssembly with 128-bit SIMD (no
;; relaxed SIMD, no fused multiply-add): each channel's xoshiro128** generator runs in a lane of
;; i32x4 (lanes 0 and 1; 2 and 3 run along unused), and each channel's sample in a lane of f64x2.
;; Every lane does the operations of src/dsp/dither.ts's quantizeWithTpdf in its order, so the
;; codes are those of the TypeScript, bit for bit (a test compares them). Built into
;; tpdf-stereo-wasm.ts by `npm run build:wasm`.
;; Every address is a byte offset into the imported memory; tpdf-stereo.ts lays it out.
(module
  (import "env" "memory" (memory 1))

  ;; $state: s0, s1, s2, s3 as four i32x4 (lane c: channel c's generator), read and written back.
  ;; $left, $right: count f32. $codesLeft, $codesRight: count i32, written. $scale: 2^(bits − 1).
  (func (export "quantize") (param $state i32) (param $left i32) (param $right i32) (param $codesLeft i32) (param $codesRight i32) (param $count i32) (param $scale f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $t v128)
    (local $a v128) (local $b v128) (local $v v128) (local $code v128)
    (local $k v128) (local $max v128) (local $min v128)
    (local $i i32) (local $end i32)
    (local.set $s0 (v128.load (local.get $state)))
    (local.set $s1 (v128.load offset=16 (local.get $state)))
    (local.set $s2 (v128.load offset=32 (local.get $state)))
    (local.set $s3 (v128.load offset=48 (local.get $state)))
    (local.set $k (f64x2.splat (local.get $scale)))
    (local.set $max (f64x2.splat (f64.sub (local.get $scale) (f64.const 1))))
    (local.set $min (f64x2.splat (f64.neg (local.get $scale))))
    (local.set $i (i32.const 0))
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $done
      (loop $frame
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        ;; Draw a: result = rotl(s1 · 5, 7) · 9, then the state steps.
        (local.set $a (i32x4.mul (local.get $s1) (v128.const i32x4 5 5 5 5)))
        (local.set $a (i32x4.mul (v128.or (i32x4.shl (local.get $a) (i32.const 7)) (i32x4.shr_u (local.get $a) (i32.const 25))) (v128.const i32x4 9 9 9 9)))
        (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
        ;; Draw b, the same step.
        (local.set $b (i32x4.mul (local.get $s1) (v128.const i32x4 5 5 5 5)))
        (local.set $b (i32x4.mul (v128.or (i32x4.shl (local.get $b) (i32.const 7)) (i32x4.shr_u (local.get $b) (i32.const 25))) (v128.const i32x4 9 9 9 9)))
        (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
        ;; The samples (left, right) as doubles; NaN reads as 0; clipped to [−2, 2] (pmin/pmax: as
        ;; `x > 2 ? 2 : x < −2 ? −2 : x`).
        (local.set $v (v128.load32_zero (i32.add (local.get $left) (local.get $i))))
        (local.set $v (v128.load32_lane 1 (i32.add (local.get $right) (local.get $i)) (local.get $v)))
        (local.set $v (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $v (v128.and (local.get $v) (f64x2.eq (local.get $v) (local.get $v))))
        (local.set $v (f64x2.pmax (v128.const f64x2 -2 -2) (f64x2.pmin (v128.const f64x2 2 2) (local.get $v))))
        ;; code = floor(clipped · scale + ((a − b) / 2^32 + 0.5)), clipped to [−scale, scale − 1]. a − b
        ;; as (a − 2^31) − (b − 2^31), each a signed conversion (cheaper than an unsigned one), and
        ;; the division as a product by 2^-32: the same doubles, every step being exact.
        (local.set $code
          (f64x2.floor
            (f64x2.add
              (f64x2.mul (local.get $v) (local.get $k))
              (f64x2.add
                (f64x2.mul
                  (f64x2.sub
                    (f64x2.convert_low_i32x4_s (v128.xor (local.get $a) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000)))
                    (f64x2.convert_low_i32x4_s (v128.xor (local.get $b) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))))
                  (v128.const f64x2 0x1p-32 0x1p-32))
                (v128.const f64x2 0.5 0.5)))))
        (local.set $code (i32x4.trunc_sat_f64x2_s_zero (f64x2.pmax (local.get $min) (f64x2.pmin (local.get $max) (local.get $code)))))
        (v128.store32_lane 0 (i32.add (local.get $codesLeft) (local.get $i)) (local.get $code))
        (v128.store32_lane 1 (i32.add (local.get $codesRight) (local.get $i)) (local.get $code))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $frame)))
    (v128.store (local.get $state) (local.get $s0))
    (v128.store offset=16 (local.get $state) (local.get $s1))
    (v128.store offset=32 (local.get $state) (local.get $s2))
    (v128.store offset=48 (local.get $state) (local.get $s3)))
)

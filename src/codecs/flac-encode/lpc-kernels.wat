;; The FLAC encoder's linear-prediction loops (lpc.ts documents the arithmetic) in WebAssembly
;; with 128-bit SIMD (f64x2 lanes, no relaxed SIMD, no fused multiply-add), giving the very
;; doubles the TypeScript loops give:
;; - `autocorrelation`: each lag keeps its own sum, added to in sample order as lpc.ts does; a
;;   lane holds one lag, so only the grouping of lags into lanes is new.
;; - `residual`: a lane holds one sample; every product and sum is an integer below 2^53, exact
;;   in any order.
;; Built into lpc-kernels-wasm.ts by `npm run build:wasm` (a test checks the checked-in bytes).
;; Every address is a byte offset into the imported memory; lpc-kernels.ts lays it out.
(module
  (import "env" "memory" (memory 1))

  ;; $x: n i32 samples (n + 1 readable). $w: n f64 window (n + 1 readable). $xf: 8 + n + 1 f64,
  ;; written here: 8 zeros, the samples as doubles, a spare. $d: 10 + n + 1 f64, written here: 10
  ;; zeros, then d[i] = x[i] · w[i], a spare. $out: 10
  ;; f64: Σ d[i] · d[i − lag] over i in [0, n) for lag 0 … 9 (lag 9 is a by-product).
  (func (export "autocorrelation") (param $x i32) (param $w i32) (param $xf i32) (param $d i32) (param $n i32) (param $out i32)
    (local $i i32) (local $p i32) (local $end i32) (local $s v128)
    (local $a01 v128) (local $a23 v128) (local $a45 v128) (local $a67 v128) (local $a89 v128)
    (v128.store (local.get $xf) (v128.const f64x2 0 0))
    (v128.store offset=16 (local.get $xf) (v128.const f64x2 0 0))
    (v128.store offset=32 (local.get $xf) (v128.const f64x2 0 0))
    (v128.store offset=48 (local.get $xf) (v128.const f64x2 0 0))
    (v128.store (local.get $d) (v128.const f64x2 0 0))
    (v128.store offset=16 (local.get $d) (v128.const f64x2 0 0))
    (v128.store offset=32 (local.get $d) (v128.const f64x2 0 0))
    (v128.store offset=48 (local.get $d) (v128.const f64x2 0 0))
    (v128.store offset=64 (local.get $d) (v128.const f64x2 0 0))
    ;; The samples as doubles, and the windowed samples, two a step (an odd n also converts x[n],
    ;; into the spare slots).
    (local.set $i (i32.const 0))
    (block $converted
      (loop $convert
        (br_if $converted (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (f64x2.convert_low_i32x4_s (v128.load64_zero (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))))
        (v128.store offset=64 (i32.add (local.get $xf) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
        (v128.store offset=80 (i32.add (local.get $d) (i32.shl (local.get $i) (i32.const 3)))
          (f64x2.mul (local.get $s) (v128.load (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $convert)))
    ;; $p points at d[i] (after the 10 zeros); a load at $p − 8·(k + 1) holds d[i − k − 1], d[i − k]:
    ;; lanes lag k + 1 and lag k.
    (local.set $a01 (v128.const f64x2 0 0))
    (local.set $a23 (v128.const f64x2 0 0))
    (local.set $a45 (v128.const f64x2 0 0))
    (local.set $a67 (v128.const f64x2 0 0))
    (local.set $a89 (v128.const f64x2 0 0))
    (local.set $p (i32.add (local.get $d) (i32.const 80)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $s (f64x2.splat (f64.load (local.get $p))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $s) (v128.load (i32.sub (local.get $p) (i32.const 8))))))
        (local.set $a23 (f64x2.add (local.get $a23) (f64x2.mul (local.get $s) (v128.load (i32.sub (local.get $p) (i32.const 24))))))
        (local.set $a45 (f64x2.add (local.get $a45) (f64x2.mul (local.get $s) (v128.load (i32.sub (local.get $p) (i32.const 40))))))
        (local.set $a67 (f64x2.add (local.get $a67) (f64x2.mul (local.get $s) (v128.load (i32.sub (local.get $p) (i32.const 56))))))
        (local.set $a89 (f64x2.add (local.get $a89) (f64x2.mul (local.get $s) (v128.load (i32.sub (local.get $p) (i32.const 72))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $sum)))
    ;; Lanes are (lag k + 1, lag k): swapped into lag order.
    (v128.store (local.get $out) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01)))
    (v128.store offset=16 (local.get $out) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a23) (local.get $a23)))
    (v128.store offset=32 (local.get $out) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a45) (local.get $a45)))
    (v128.store offset=48 (local.get $out) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a67) (local.get $a67)))
    (v128.store offset=64 (local.get $out) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a89) (local.get $a89))))

  ;; residual[i] = x[i] − floor(sum of q[j] · x[i − 1 − j], times scale) for i in [order, n), two samples a step.
  ;; $xf as `autocorrelation` left it. $q: 8 f64 taps, those past the order zero. $r: n + 1 i32.
  ;; Returns 1, or 0 when a residual's magnitude exceeds 2^30 − 1 (the Rice coder's limit).
  (func (export "residual") (param $xf i32) (param $n i32) (param $q i32) (param $order i32) (param $scale f64) (param $r i32) (result i32)
    (local $p i32) (local $end i32) (local $out i32) (local $sum v128) (local $res v128) (local $bad v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128) (local $k v128)
    (local.set $c0 (v128.load64_splat (local.get $q)))
    (local.set $c1 (v128.load64_splat offset=8 (local.get $q)))
    (local.set $c2 (v128.load64_splat offset=16 (local.get $q)))
    (local.set $c3 (v128.load64_splat offset=24 (local.get $q)))
    (local.set $c4 (v128.load64_splat offset=32 (local.get $q)))
    (local.set $c5 (v128.load64_splat offset=40 (local.get $q)))
    (local.set $c6 (v128.load64_splat offset=48 (local.get $q)))
    (local.set $c7 (v128.load64_splat offset=56 (local.get $q)))
    (local.set $k (f64x2.splat (local.get $scale)))
    (local.set $bad (v128.const i64x2 0 0))
    ;; $p points at x[i] (after the 8 zeros). The last step of an odd count reads the spare slot;
    ;; its lane is neither checked nor kept (r has room for it).
    (local.set $p (i32.add (i32.add (local.get $xf) (i32.const 64)) (i32.shl (local.get $order) (i32.const 3))))
    (local.set $end (i32.add (i32.add (local.get $xf) (i32.const 64)) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $out (i32.add (local.get $r) (i32.shl (local.get $order) (i32.const 2))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $sum (f64x2.mul (local.get $c0) (v128.load (i32.sub (local.get $p) (i32.const 8)))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c1) (v128.load (i32.sub (local.get $p) (i32.const 16))))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c2) (v128.load (i32.sub (local.get $p) (i32.const 24))))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c3) (v128.load (i32.sub (local.get $p) (i32.const 32))))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c4) (v128.load (i32.sub (local.get $p) (i32.const 40))))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c5) (v128.load (i32.sub (local.get $p) (i32.const 48))))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c6) (v128.load (i32.sub (local.get $p) (i32.const 56))))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.mul (local.get $c7) (v128.load (i32.sub (local.get $p) (i32.const 64))))))
        (local.set $res (f64x2.sub (v128.load (local.get $p)) (f64x2.floor (f64x2.mul (local.get $sum) (local.get $k)))))
        ;; The second lane past the end is masked out of the check.
        (local.set $bad (v128.or (local.get $bad)
          (v128.and (f64x2.gt (f64x2.abs (local.get $res)) (v128.const f64x2 1073741823 1073741823))
            (select (v128.const i64x2 -1 -1) (v128.const i64x2 -1 0) (i32.lt_u (i32.add (local.get $p) (i32.const 8)) (local.get $end))))))
        (v128.store64_lane 0 (local.get $out) (i32x4.trunc_sat_f64x2_s_zero (local.get $res)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $step)))
    (i32.eqz (v128.any_true (local.get $bad))))
)

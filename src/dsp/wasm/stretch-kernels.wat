;; The phase vocoder's kernels in WebAssembly with 128-bit SIMD (f64x2 lanes, no relaxed SIMD, no
;; fused multiply-add): the complex FFT's stages, the summed spectrum, the peak search, det-math's
;; atan2, log, sine and cosine on the peaks, their rotations, the peaks' regions, the turn, the overlap-add and the stereo
;; polyphase sinc read.
;; Each lane does the very operations, in the very order, of the TypeScript it mirrors
;; (src/dsp/fft.ts, SincInterpolator.polyphaseInto), so results are bit-identical to it and to
;; every host. Built into stretch-kernels-wasm.ts by `npm run build:wasm`
;; (tests/unit/dsp/wasm/stretch-kernels-build.test.ts checks the checked-in bytes).
;; Every address is a byte offset into the imported memory; the caller lays it out.
(module
  (import "env" "memory" (memory 1))

  ;; The bit-reversal permutation: `count` swaps (u32 index pairs at `swaps`) on re and im.
  (func (export "begin") (param $re i32) (param $im i32) (param $swaps i32) (param $count i32)
    (local $s i32) (local $end i32) (local $i i32) (local $j i32) (local $t f64)
    (local.set $s (local.get $swaps))
    (local.set $end (i32.add (local.get $swaps) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $s) (local.get $end)))
        (local.set $i (i32.shl (i32.load (local.get $s)) (i32.const 3)))
        (local.set $j (i32.shl (i32.load offset=4 (local.get $s)) (i32.const 3)))
        (local.set $t (f64.load (i32.add (local.get $re) (local.get $i))))
        (f64.store (i32.add (local.get $re) (local.get $i)) (f64.load (i32.add (local.get $re) (local.get $j))))
        (f64.store (i32.add (local.get $re) (local.get $j)) (local.get $t))
        (local.set $t (f64.load (i32.add (local.get $im) (local.get $i))))
        (f64.store (i32.add (local.get $im) (local.get $i)) (f64.load (i32.add (local.get $im) (local.get $j))))
        (f64.store (i32.add (local.get $im) (local.get $j)) (local.get $t))
        (local.set $s (i32.add (local.get $s) (i32.const 8)))
        (br $next))))

  ;; The first stage of an odd-log2 size: 2-point sums and differences over n points.
  (func (export "radix2") (param $re i32) (param $im i32) (param $n i32)
    (local $a i32) (local $end i32) (local $ar f64) (local $ai f64) (local $br f64) (local $bi f64)
    (local.set $a (i32.const 0))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $br (f64.load offset=8 (i32.add (local.get $re) (local.get $a))))
        (local.set $bi (f64.load offset=8 (i32.add (local.get $im) (local.get $a))))
        (local.set $ar (f64.load (i32.add (local.get $re) (local.get $a))))
        (local.set $ai (f64.load (i32.add (local.get $im) (local.get $a))))
        (f64.store offset=8 (i32.add (local.get $re) (local.get $a)) (f64.sub (local.get $ar) (local.get $br)))
        (f64.store offset=8 (i32.add (local.get $im) (local.get $a)) (f64.sub (local.get $ai) (local.get $bi)))
        (f64.store (i32.add (local.get $re) (local.get $a)) (f64.add (local.get $ar) (local.get $br)))
        (f64.store (i32.add (local.get $im) (local.get $a)) (f64.add (local.get $ai) (local.get $bi)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (br $next))))

  ;; One radix-4 stage with quarter block h ≥ 2 over n points, two butterflies (k, k + 1) per step
  ;; in the two lanes. Twiddles at $tw: per pair of k, six v128 (W^k, W^2k, W^3k as cos, −sin
  ;; pairs: w1r w1i w2r w2i w3r w3i, each holding k and k + 1). $minus and $plus: where after k the
  ;; −i and +i outputs go, in points (h and 3h forward, 3h and h inverse).
  (func (export "radix4") (param $re i32) (param $im i32) (param $n i32) (param $tw i32) (param $h i32) (param $minus i32) (param $plus i32)
    (local $start i32) (local $size i32) (local $k i32) (local $t i32) (local $hb i32) (local $a i32)
    (local $minusB i32) (local $plusB i32)
    (local $w1r v128) (local $w1i v128) (local $w2r v128) (local $w2i v128) (local $w3r v128) (local $w3i v128)
    (local $ar v128) (local $ai v128) (local $xr v128) (local $xi v128) (local $yr v128) (local $yi v128) (local $zr v128) (local $zi v128)
    (local $br v128) (local $bi v128) (local $cr v128) (local $ci v128) (local $dr v128) (local $di v128)
    (local $sumR v128) (local $sumI v128) (local $diffR v128) (local $diffI v128)
    (local $highR v128) (local $highI v128) (local $turnR v128) (local $turnI v128)
    ;; In bytes: a quarter block, a whole block, the −i and +i outputs' distance.
    (local.set $hb (i32.shl (local.get $h) (i32.const 3)))
    (local.set $size (i32.shl (local.get $hb) (i32.const 2)))
    (local.set $minusB (i32.shl (local.get $minus) (i32.const 3)))
    (local.set $plusB (i32.shl (local.get $plus) (i32.const 3)))
    (local.set $start (i32.const 0))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $start) (i32.shl (local.get $n) (i32.const 3))))
        (local.set $k (i32.const 0))
        (local.set $t (local.get $tw))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $k) (local.get $hb)))
            (local.set $w1r (v128.load (local.get $t)))
            (local.set $w1i (v128.load offset=16 (local.get $t)))
            (local.set $w2r (v128.load offset=32 (local.get $t)))
            (local.set $w2i (v128.load offset=48 (local.get $t)))
            (local.set $w3r (v128.load offset=64 (local.get $t)))
            (local.set $w3i (v128.load offset=80 (local.get $t)))
            (local.set $a (i32.add (local.get $start) (local.get $k)))
            (local.set $ar (v128.load (i32.add (local.get $re) (local.get $a))))
            (local.set $ai (v128.load (i32.add (local.get $im) (local.get $a))))
            (local.set $xr (v128.load (i32.add (local.get $re) (i32.add (local.get $a) (local.get $hb)))))
            (local.set $xi (v128.load (i32.add (local.get $im) (i32.add (local.get $a) (local.get $hb)))))
            ;; W²ᵏ·B, Wᵏ·C, W³ᵏ·D
            (local.set $br (f64x2.sub (f64x2.mul (local.get $xr) (local.get $w2r)) (f64x2.mul (local.get $xi) (local.get $w2i))))
            (local.set $bi (f64x2.add (f64x2.mul (local.get $xr) (local.get $w2i)) (f64x2.mul (local.get $xi) (local.get $w2r))))
            (local.set $yr (v128.load (i32.add (local.get $re) (i32.add (local.get $a) (i32.shl (local.get $hb) (i32.const 1))))))
            (local.set $yi (v128.load (i32.add (local.get $im) (i32.add (local.get $a) (i32.shl (local.get $hb) (i32.const 1))))))
            (local.set $cr (f64x2.sub (f64x2.mul (local.get $yr) (local.get $w1r)) (f64x2.mul (local.get $yi) (local.get $w1i))))
            (local.set $ci (f64x2.add (f64x2.mul (local.get $yr) (local.get $w1i)) (f64x2.mul (local.get $yi) (local.get $w1r))))
            (local.set $zr (v128.load (i32.add (local.get $re) (i32.add (local.get $a) (i32.mul (local.get $hb) (i32.const 3))))))
            (local.set $zi (v128.load (i32.add (local.get $im) (i32.add (local.get $a) (i32.mul (local.get $hb) (i32.const 3))))))
            (local.set $dr (f64x2.sub (f64x2.mul (local.get $zr) (local.get $w3r)) (f64x2.mul (local.get $zi) (local.get $w3i))))
            (local.set $di (f64x2.add (f64x2.mul (local.get $zr) (local.get $w3i)) (f64x2.mul (local.get $zi) (local.get $w3r))))
            (local.set $sumR (f64x2.add (local.get $ar) (local.get $br)))
            (local.set $sumI (f64x2.add (local.get $ai) (local.get $bi)))
            (local.set $diffR (f64x2.sub (local.get $ar) (local.get $br)))
            (local.set $diffI (f64x2.sub (local.get $ai) (local.get $bi)))
            (local.set $highR (f64x2.add (local.get $cr) (local.get $dr)))
            (local.set $highI (f64x2.add (local.get $ci) (local.get $di)))
            (local.set $turnR (f64x2.sub (local.get $cr) (local.get $dr)))
            (local.set $turnI (f64x2.sub (local.get $ci) (local.get $di)))
            (v128.store (i32.add (local.get $re) (local.get $a)) (f64x2.add (local.get $sumR) (local.get $highR)))
            (v128.store (i32.add (local.get $im) (local.get $a)) (f64x2.add (local.get $sumI) (local.get $highI)))
            (v128.store (i32.add (local.get $re) (i32.add (local.get $a) (i32.shl (local.get $hb) (i32.const 1)))) (f64x2.sub (local.get $sumR) (local.get $highR)))
            (v128.store (i32.add (local.get $im) (i32.add (local.get $a) (i32.shl (local.get $hb) (i32.const 1)))) (f64x2.sub (local.get $sumI) (local.get $highI)))
            ;; −i·(turn) = turnI − i·turnR; +i·(turn) = −turnI + i·turnR.
            (v128.store (i32.add (local.get $re) (i32.add (local.get $a) (local.get $minusB))) (f64x2.add (local.get $diffR) (local.get $turnI)))
            (v128.store (i32.add (local.get $im) (i32.add (local.get $a) (local.get $minusB))) (f64x2.sub (local.get $diffI) (local.get $turnR)))
            (v128.store (i32.add (local.get $re) (i32.add (local.get $a) (local.get $plusB))) (f64x2.sub (local.get $diffR) (local.get $turnI)))
            (v128.store (i32.add (local.get $im) (i32.add (local.get $a) (local.get $plusB))) (f64x2.add (local.get $diffI) (local.get $turnR)))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (local.set $t (i32.add (local.get $t) (i32.const 96)))
            (br $pairs)))
        (local.set $start (i32.add (local.get $start) (local.get $size)))
        (br $blocks))))

  ;; A radix-4 stage with h = 1 (the first stage of an even-log2 size): one butterfly per block of
  ;; four, scalar; twiddles at $tw as six f64 (cos, −sin of W⁰, W⁰, W⁰), as the TypeScript reads them.
  (func (export "radix4First") (param $re i32) (param $im i32) (param $n i32) (param $tw i32) (param $minus i32) (param $plus i32)
    (local $a i32) (local $end i32) (local $minusB i32) (local $plusB i32)
    (local $w1r f64) (local $w1i f64) (local $w2r f64) (local $w2i f64) (local $w3r f64) (local $w3i f64)
    (local $ar f64) (local $ai f64) (local $xr f64) (local $xi f64) (local $yr f64) (local $yi f64) (local $zr f64) (local $zi f64)
    (local $br f64) (local $bi f64) (local $cr f64) (local $ci f64) (local $dr f64) (local $di f64)
    (local $sumR f64) (local $sumI f64) (local $diffR f64) (local $diffI f64)
    (local $highR f64) (local $highI f64) (local $turnR f64) (local $turnI f64)
    (local.set $w1r (f64.load (local.get $tw)))
    (local.set $w1i (f64.load offset=8 (local.get $tw)))
    (local.set $w2r (f64.load offset=16 (local.get $tw)))
    (local.set $w2i (f64.load offset=24 (local.get $tw)))
    (local.set $w3r (f64.load offset=32 (local.get $tw)))
    (local.set $w3i (f64.load offset=40 (local.get $tw)))
    (local.set $minusB (i32.shl (local.get $minus) (i32.const 3)))
    (local.set $plusB (i32.shl (local.get $plus) (i32.const 3)))
    (local.set $a (i32.const 0))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $ar (f64.load (i32.add (local.get $re) (local.get $a))))
        (local.set $ai (f64.load (i32.add (local.get $im) (local.get $a))))
        (local.set $xr (f64.load offset=8 (i32.add (local.get $re) (local.get $a))))
        (local.set $xi (f64.load offset=8 (i32.add (local.get $im) (local.get $a))))
        (local.set $br (f64.sub (f64.mul (local.get $xr) (local.get $w2r)) (f64.mul (local.get $xi) (local.get $w2i))))
        (local.set $bi (f64.add (f64.mul (local.get $xr) (local.get $w2i)) (f64.mul (local.get $xi) (local.get $w2r))))
        (local.set $yr (f64.load offset=16 (i32.add (local.get $re) (local.get $a))))
        (local.set $yi (f64.load offset=16 (i32.add (local.get $im) (local.get $a))))
        (local.set $cr (f64.sub (f64.mul (local.get $yr) (local.get $w1r)) (f64.mul (local.get $yi) (local.get $w1i))))
        (local.set $ci (f64.add (f64.mul (local.get $yr) (local.get $w1i)) (f64.mul (local.get $yi) (local.get $w1r))))
        (local.set $zr (f64.load offset=24 (i32.add (local.get $re) (local.get $a))))
        (local.set $zi (f64.load offset=24 (i32.add (local.get $im) (local.get $a))))
        (local.set $dr (f64.sub (f64.mul (local.get $zr) (local.get $w3r)) (f64.mul (local.get $zi) (local.get $w3i))))
        (local.set $di (f64.add (f64.mul (local.get $zr) (local.get $w3i)) (f64.mul (local.get $zi) (local.get $w3r))))
        (local.set $sumR (f64.add (local.get $ar) (local.get $br)))
        (local.set $sumI (f64.add (local.get $ai) (local.get $bi)))
        (local.set $diffR (f64.sub (local.get $ar) (local.get $br)))
        (local.set $diffI (f64.sub (local.get $ai) (local.get $bi)))
        (local.set $highR (f64.add (local.get $cr) (local.get $dr)))
        (local.set $highI (f64.add (local.get $ci) (local.get $di)))
        (local.set $turnR (f64.sub (local.get $cr) (local.get $dr)))
        (local.set $turnI (f64.sub (local.get $ci) (local.get $di)))
        (f64.store (i32.add (local.get $re) (local.get $a)) (f64.add (local.get $sumR) (local.get $highR)))
        (f64.store (i32.add (local.get $im) (local.get $a)) (f64.add (local.get $sumI) (local.get $highI)))
        (f64.store offset=16 (i32.add (local.get $re) (local.get $a)) (f64.sub (local.get $sumR) (local.get $highR)))
        (f64.store offset=16 (i32.add (local.get $im) (local.get $a)) (f64.sub (local.get $sumI) (local.get $highI)))
        (f64.store (i32.add (local.get $re) (i32.add (local.get $a) (local.get $minusB))) (f64.add (local.get $diffR) (local.get $turnI)))
        (f64.store (i32.add (local.get $im) (i32.add (local.get $a) (local.get $minusB))) (f64.sub (local.get $diffI) (local.get $turnR)))
        (f64.store (i32.add (local.get $re) (i32.add (local.get $a) (local.get $plusB))) (f64.sub (local.get $diffR) (local.get $turnI)))
        (f64.store (i32.add (local.get $im) (i32.add (local.get $a) (local.get $plusB))) (f64.add (local.get $diffI) (local.get $turnR)))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (br $next))))

  ;; The phase vocoder's summed spectrum (PhaseVocoder.sumSpectrum), the same operations per bin:
  ;; from the packed transform (left real, right imaginary) at $re/$im of `size` points, for k in
  ;; [0, size/2] with n = (size − k) mod size: sr = 0.5(xr + yr) + 0.5(xi + yi), si = 0.5(xi − yi) −
  ;; 0.5(xr − yr), magnitude = sr² + si²; the loudest magnitude (ignoring NaN) stored at $loudest.
  ;; Bin 0 alone, then bins k, k + 1 in the lanes (their partners n, n − 1 loaded and swapped).
  (func (export "sumSpectrum") (param $re i32) (param $im i32) (param $sumRe i32) (param $sumIm i32) (param $magnitude i32) (param $size i32) (param $loudest i32)
    (local $k i32) (local $half i32) (local $a i32) (local $b i32)
    (local $xr v128) (local $xi v128) (local $yr v128) (local $yi v128) (local $sr v128) (local $si v128) (local $m v128) (local $top v128)
    (local $fxr f64) (local $fxi f64) (local $fsr f64) (local $fsi f64) (local $fm f64)
    (local.set $fxr (f64.load (local.get $re)))
    (local.set $fxi (f64.load (local.get $im)))
    (local.set $fsr (f64.add (f64.mul (f64.const 0.5) (f64.add (local.get $fxr) (local.get $fxr))) (f64.mul (f64.const 0.5) (f64.add (local.get $fxi) (local.get $fxi)))))
    (local.set $fsi (f64.sub (f64.mul (f64.const 0.5) (f64.sub (local.get $fxi) (local.get $fxi))) (f64.mul (f64.const 0.5) (f64.sub (local.get $fxr) (local.get $fxr)))))
    (f64.store (local.get $sumRe) (local.get $fsr))
    (f64.store (local.get $sumIm) (local.get $fsi))
    (local.set $fm (f64.add (f64.mul (local.get $fsr) (local.get $fsr)) (f64.mul (local.get $fsi) (local.get $fsi))))
    (f64.store (local.get $magnitude) (local.get $fm))
    (local.set $top (f64x2.pmax (f64x2.splat (f64.const 0)) (f64x2.replace_lane 0 (f64x2.splat (f64.const 0)) (local.get $fm))))
    (local.set $half (i32.shr_u (local.get $size) (i32.const 1)))
    (local.set $k (i32.const 1))
    (block $done
      (loop $pairs
        (br_if $done (i32.gt_u (local.get $k) (local.get $half)))
        (local.set $a (i32.shl (local.get $k) (i32.const 3)))
        (local.set $b (i32.shl (i32.sub (i32.sub (local.get $size) (local.get $k)) (i32.const 1)) (i32.const 3)))
        (local.set $xr (v128.load (i32.add (local.get $re) (local.get $a))))
        (local.set $xi (v128.load (i32.add (local.get $im) (local.get $a))))
        (local.set $yr (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (v128.load (i32.add (local.get $re) (local.get $b))) (v128.const i64x2 0 0)))
        (local.set $yi (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (v128.load (i32.add (local.get $im) (local.get $b))) (v128.const i64x2 0 0)))
        (local.set $sr (f64x2.add (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.add (local.get $xr) (local.get $yr)))
                                  (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.add (local.get $xi) (local.get $yi)))))
        (local.set $si (f64x2.sub (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.sub (local.get $xi) (local.get $yi)))
                                  (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.sub (local.get $xr) (local.get $yr)))))
        (v128.store (i32.add (local.get $sumRe) (local.get $a)) (local.get $sr))
        (v128.store (i32.add (local.get $sumIm) (local.get $a)) (local.get $si))
        (local.set $m (f64x2.add (f64x2.mul (local.get $sr) (local.get $sr)) (f64x2.mul (local.get $si) (local.get $si))))
        (v128.store (i32.add (local.get $magnitude) (local.get $a)) (local.get $m))
        ;; pmax(top, m) = top < m ? m : top, as `if (m > loudest) loudest = m`.
        (local.set $top (f64x2.pmax (local.get $top) (local.get $m)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $pairs)))
    (f64.store (local.get $loudest)
      (select (f64x2.extract_lane 1 (local.get $top)) (f64x2.extract_lane 0 (local.get $top))
        (f64.lt (f64x2.extract_lane 0 (local.get $top)) (f64x2.extract_lane 1 (local.get $top))))))

  ;; One bin of PhaseVocoder.rotate: unpack bin k and its partner n, turn both channels by
  ;; (c, s) and pack them again.
  (func $turnBin (param $re i32) (param $im i32) (param $k i32) (param $n i32) (param $c f64) (param $s f64)
    (local $xr f64) (local $xi f64) (local $yr f64) (local $yi f64) (local $lr f64) (local $li f64) (local $rr f64) (local $ri f64)
    (local $lr2 f64) (local $li2 f64) (local $rr2 f64) (local $ri2 f64)
    (local.set $k (i32.shl (local.get $k) (i32.const 3)))
    (local.set $n (i32.shl (local.get $n) (i32.const 3)))
    (local.set $xr (f64.load (i32.add (local.get $re) (local.get $k))))
    (local.set $xi (f64.load (i32.add (local.get $im) (local.get $k))))
    (local.set $yr (f64.load (i32.add (local.get $re) (local.get $n))))
    (local.set $yi (f64.load (i32.add (local.get $im) (local.get $n))))
    (local.set $lr (f64.mul (f64.const 0.5) (f64.add (local.get $xr) (local.get $yr))))
    (local.set $li (f64.mul (f64.const 0.5) (f64.sub (local.get $xi) (local.get $yi))))
    (local.set $rr (f64.mul (f64.const 0.5) (f64.add (local.get $xi) (local.get $yi))))
    (local.set $ri (f64.mul (f64.const -0.5) (f64.sub (local.get $xr) (local.get $yr))))
    (local.set $lr2 (f64.sub (f64.mul (local.get $lr) (local.get $c)) (f64.mul (local.get $li) (local.get $s))))
    (local.set $li2 (f64.add (f64.mul (local.get $lr) (local.get $s)) (f64.mul (local.get $li) (local.get $c))))
    (local.set $rr2 (f64.sub (f64.mul (local.get $rr) (local.get $c)) (f64.mul (local.get $ri) (local.get $s))))
    (local.set $ri2 (f64.add (f64.mul (local.get $rr) (local.get $s)) (f64.mul (local.get $ri) (local.get $c))))
    (f64.store (i32.add (local.get $re) (local.get $k)) (f64.sub (local.get $lr2) (local.get $ri2)))
    (f64.store (i32.add (local.get $im) (local.get $k)) (f64.add (local.get $li2) (local.get $rr2)))
    (f64.store (i32.add (local.get $re) (local.get $n)) (f64.add (local.get $lr2) (local.get $ri2)))
    (f64.store (i32.add (local.get $im) (local.get $n)) (f64.sub (local.get $rr2) (local.get $li2))))

  ;; An unturned bin (k = n: DC and Nyquist stay real in each channel): unpacked in place.
  (func $unpackBin (param $re i32) (param $im i32) (param $k i32)
    (local $xr f64) (local $xi f64)
    (local.set $k (i32.shl (local.get $k) (i32.const 3)))
    (local.set $xr (f64.load (i32.add (local.get $re) (local.get $k))))
    (local.set $xi (f64.load (i32.add (local.get $im) (local.get $k))))
    (f64.store (i32.add (local.get $re) (local.get $k)) (f64.mul (f64.const 0.5) (f64.add (local.get $xr) (local.get $xr))))
    (f64.store (i32.add (local.get $im) (local.get $k)) (f64.mul (f64.const 0.5) (f64.add (local.get $xi) (local.get $xi)))))

  ;; PhaseVocoder.rotate: both channels of the packed spectrum turned by each bin's (cos θ, sin θ)
  ;; at $cos/$sin (f64, size/2 + 1 bins) and packed again, in place, the same operations per bin:
  ;; bin 0, bins k, k + 1 in the lanes for k = 1, 3, … below size/2 − 1, then bins size/2 − 1 and
  ;; size/2 alone.
  (func (export "rotate") (param $re i32) (param $im i32) (param $cos i32) (param $sin i32) (param $size i32)
    (local $k i32) (local $half i32) (local $a i32) (local $b i32)
    (local $xr v128) (local $xi v128) (local $yr v128) (local $yi v128) (local $lr v128) (local $li v128) (local $rr v128) (local $ri v128)
    (local $c v128) (local $s v128) (local $lr2 v128) (local $li2 v128) (local $rr2 v128) (local $ri2 v128)
    (call $unpackBin (local.get $re) (local.get $im) (i32.const 0))
    (local.set $half (i32.shr_u (local.get $size) (i32.const 1)))
    (local.set $k (i32.const 1))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (i32.add (local.get $k) (i32.const 1)) (i32.sub (local.get $half) (i32.const 1))))
        (local.set $a (i32.shl (local.get $k) (i32.const 3)))
        (local.set $b (i32.shl (i32.sub (i32.sub (local.get $size) (local.get $k)) (i32.const 1)) (i32.const 3)))
        (local.set $xr (v128.load (i32.add (local.get $re) (local.get $a))))
        (local.set $xi (v128.load (i32.add (local.get $im) (local.get $a))))
        (local.set $yr (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (v128.load (i32.add (local.get $re) (local.get $b))) (v128.const i64x2 0 0)))
        (local.set $yi (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (v128.load (i32.add (local.get $im) (local.get $b))) (v128.const i64x2 0 0)))
        (local.set $lr (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.add (local.get $xr) (local.get $yr))))
        (local.set $li (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.sub (local.get $xi) (local.get $yi))))
        (local.set $rr (f64x2.mul (f64x2.splat (f64.const 0.5)) (f64x2.add (local.get $xi) (local.get $yi))))
        (local.set $ri (f64x2.mul (f64x2.splat (f64.const -0.5)) (f64x2.sub (local.get $xr) (local.get $yr))))
        (local.set $c (v128.load (i32.add (local.get $cos) (local.get $a))))
        (local.set $s (v128.load (i32.add (local.get $sin) (local.get $a))))
        (local.set $lr2 (f64x2.sub (f64x2.mul (local.get $lr) (local.get $c)) (f64x2.mul (local.get $li) (local.get $s))))
        (local.set $li2 (f64x2.add (f64x2.mul (local.get $lr) (local.get $s)) (f64x2.mul (local.get $li) (local.get $c))))
        (local.set $rr2 (f64x2.sub (f64x2.mul (local.get $rr) (local.get $c)) (f64x2.mul (local.get $ri) (local.get $s))))
        (local.set $ri2 (f64x2.add (f64x2.mul (local.get $rr) (local.get $s)) (f64x2.mul (local.get $ri) (local.get $c))))
        (v128.store (i32.add (local.get $re) (local.get $a)) (f64x2.sub (local.get $lr2) (local.get $ri2)))
        (v128.store (i32.add (local.get $im) (local.get $a)) (f64x2.add (local.get $li2) (local.get $rr2)))
        (v128.store (i32.add (local.get $re) (local.get $b))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (f64x2.add (local.get $lr2) (local.get $ri2)) (v128.const i64x2 0 0)))
        (v128.store (i32.add (local.get $im) (local.get $b))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (f64x2.sub (local.get $rr2) (local.get $li2)) (v128.const i64x2 0 0)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $pairs)))
    ;; What the pairs left below size/2, then Nyquist.
    (block $singlesDone
      (loop $singles
        (br_if $singlesDone (i32.ge_u (local.get $k) (local.get $half)))
        (call $turnBin (local.get $re) (local.get $im) (local.get $k) (i32.sub (local.get $size) (local.get $k))
          (f64.load (i32.add (local.get $cos) (i32.shl (local.get $k) (i32.const 3))))
          (f64.load (i32.add (local.get $sin) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $singles)))
    (call $unpackBin (local.get $re) (local.get $im) (local.get $half)))

  ;; The vocoder's peak search (PhaseVocoder.findPeaks): bin k in [2, bins − 2) is a peak when its
  ;; power (f64 at $magnitude) is above $floor, above both bins before it and at least both bins
  ;; after it (every comparison false for NaN, as in TypeScript); the peaks' bins go to $peaks (i32)
  ;; in increasing order and their count is returned. Without branches (whether a bin of a noisy
  ;; spectrum is a peak is a coin toss for the branch predictor): every bin is stored at the next
  ;; free place, which moves on only for a peak.
  (func (export "findPeaks") (param $magnitude i32) (param $bins i32) (param $floor f64) (param $peaks i32) (result i32)
    (local $k i32) (local $at i32) (local $end i32) (local $count i32) (local $m f64)
    (local.set $at (i32.add (local.get $magnitude) (i32.const 16)))
    (local.set $end (i32.add (local.get $magnitude) (i32.shl (i32.sub (local.get $bins) (i32.const 2)) (i32.const 3))))
    (local.set $k (i32.const 2))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $m (f64.load (local.get $at)))
        (i32.store (i32.add (local.get $peaks) (i32.shl (local.get $count) (i32.const 2))) (local.get $k))
        (local.set $count (i32.add (local.get $count)
          (i32.and
            (i32.and (f64.gt (local.get $m) (local.get $floor)) (f64.gt (local.get $m) (f64.load (i32.sub (local.get $at) (i32.const 8)))))
            (i32.and
              (i32.and (f64.ge (local.get $m) (f64.load offset=8 (local.get $at))) (f64.gt (local.get $m) (f64.load (i32.sub (local.get $at) (i32.const 16)))))
              (f64.ge (local.get $m) (f64.load offset=16 (local.get $at)))))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $count))

  ;; The overlap-add of a grain: for i in [from, to), plane[at + i] += re[i]·w[i] (left) and
  ;; im[i]·w[i] (right), the sum in f64 and stored as f32, as a Float32Array store does; two
  ;; frames a step. $re, $im, $window: f64; $left, $right: f32, already offset to the grain's frame.
  (func (export "overlapAdd") (param $re i32) (param $im i32) (param $window i32) (param $left i32) (param $right i32) (param $from i32) (param $to i32)
    (local $i i32) (local $w v128) (local $at i32) (local $f i32)
    (local.set $i (local.get $from))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_s (i32.add (local.get $i) (i32.const 1)) (local.get $to)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $f (i32.shl (local.get $i) (i32.const 2)))
        (local.set $w (v128.load (i32.add (local.get $window) (local.get $at))))
        (v128.store64_lane 0 (i32.add (local.get $left) (local.get $f))
          (f32x4.demote_f64x2_zero (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $left) (local.get $f))))
            (f64x2.mul (v128.load (i32.add (local.get $re) (local.get $at))) (local.get $w)))))
        (v128.store64_lane 0 (i32.add (local.get $right) (local.get $f))
          (f32x4.demote_f64x2_zero (f64x2.add
            (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $right) (local.get $f))))
            (f64x2.mul (v128.load (i32.add (local.get $im) (local.get $at))) (local.get $w)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_s (local.get $i) (local.get $to))
      (then
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $f (i32.shl (local.get $i) (i32.const 2)))
        (f32.store (i32.add (local.get $left) (local.get $f))
          (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $left) (local.get $f))))
            (f64.mul (f64.load (i32.add (local.get $re) (local.get $at))) (f64.load (i32.add (local.get $window) (local.get $at)))))))
        (f32.store (i32.add (local.get $right) (local.get $f))
          (f32.demote_f64 (f64.add (f64.promote_f32 (f32.load (i32.add (local.get $right) (local.get $f))))
            (f64.mul (f64.load (i32.add (local.get $im) (local.get $at))) (f64.load (i32.add (local.get $window) (local.get $at))))))))))

  ;; Regions of the peaks (PhaseVocoder.fillRegions/fillTurns): for each of the `count` peaks (i32
  ;; bins at $peaks, increasing, count ≥ 1) its value (f64 at $values) into every bin (f64 at $out)
  ;; of its region, which reaches midway to the next peak, (k + next + 1) >> 1, and the last to
  ;; `bins`; the first region starts at bin 0.
  (func (export "fillRegions") (param $peaks i32) (param $count i32) (param $values i32) (param $out i32) (param $bins i32)
    (local $p i32) (local $q i32) (local $end i32) (local $v f64) (local $last i32)
    (local.set $last (i32.sub (local.get $count) (i32.const 1)))
    (block $done
      (loop $regions
        (br_if $done (i32.ge_s (local.get $p) (local.get $count)))
        (local.set $end
          (if (result i32) (i32.lt_s (local.get $p) (local.get $last))
            (then (i32.shr_s (i32.add (i32.add
              (i32.load (i32.add (local.get $peaks) (i32.shl (local.get $p) (i32.const 2))))
              (i32.load offset=4 (i32.add (local.get $peaks) (i32.shl (local.get $p) (i32.const 2)))))
              (i32.const 1)) (i32.const 1)))
            (else (local.get $bins))))
        (local.set $v (f64.load (i32.add (local.get $values) (i32.shl (local.get $p) (i32.const 3)))))
        (block $filled
          (loop $fill
            (br_if $filled (i32.ge_s (local.get $q) (local.get $end)))
            (f64.store (i32.add (local.get $out) (i32.shl (local.get $q) (i32.const 3))) (local.get $v))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $fill)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $regions))))

  ;; det-math's atan2 (src/std/det-math.ts, fdlibm's) for the vocoder's phase advances, two
  ;; angles a step: ys[i] ← the angle of (xs[i], ys[i]) for i in [0, count) (f64 at $ys and $xs;
  ;; both arrays hold at least count rounded up to even). The very operations of det-math's general
  ;; path (|y|/|x| in [2^−28, 2^60]: the reduction about atan ½, 1, 3⁄2 or ∞ picked per lane by
  ;; selects, the series, the quadrant), so the same bits. Any other lane (a zero, an infinity, NaN,
  ;; a ratio outside that range) is left as it was and its index goes to $specials (i32): the
  ;; caller takes those through det-math. Returns how many.
  (func (export "atan2") (param $ys i32) (param $xs i32) (param $count i32) (param $specials i32) (result i32)
    (local $i i32) (local $at i32) (local $found i32)
    (local $y v128) (local $x v128) (local $a v128) (local $special v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128)
    (local $num v128) (local $den v128) (local $hi v128) (local $lo v128)
    (local $t v128) (local $z v128) (local $w v128) (local $s1 v128) (local $s2 v128) (local $r v128)
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $count)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $y (v128.load (i32.add (local.get $ys) (local.get $at))))
        (local.set $x (v128.load (i32.add (local.get $xs) (local.get $at))))
        (local.set $a (f64x2.div (f64x2.abs (local.get $y)) (f64x2.abs (local.get $x))))
        (local.set $special (v128.not (v128.and
          (f64x2.ge (local.get $a) (v128.const f64x2 3.725290298461914e-9 3.725290298461914e-9))
          (f64x2.le (local.get $a) (v128.const f64x2 1.152921504606847e18 1.152921504606847e18)))))
        (local.set $m0 (f64x2.ge (local.get $a) (v128.const f64x2 0.4375 0.4375)))
        (local.set $m1 (f64x2.lt (local.get $a) (v128.const f64x2 0.6875 0.6875)))
        (local.set $m2 (f64x2.lt (local.get $a) (v128.const f64x2 1.1875 1.1875)))
        (local.set $m3 (f64x2.lt (local.get $a) (v128.const f64x2 2.4375 2.4375)))
        ;; x = (2a − 1)/(2 + a), (a − 1)/(a + 1), (a − 1.5)/(1 + 1.5a), −1/a, or a (a/1) below 0.4375.
        (local.set $num (v128.bitselect
          (v128.bitselect
            (f64x2.sub (f64x2.mul (v128.const f64x2 2 2) (local.get $a)) (v128.const f64x2 1 1))
            (v128.bitselect
              (f64x2.sub (local.get $a) (v128.const f64x2 1 1))
              (v128.bitselect (f64x2.sub (local.get $a) (v128.const f64x2 1.5 1.5)) (v128.const f64x2 -1 -1) (local.get $m3))
              (local.get $m2))
            (local.get $m1))
          (local.get $a)
          (local.get $m0)))
        (local.set $den (v128.bitselect
          (v128.bitselect
            (f64x2.add (v128.const f64x2 2 2) (local.get $a))
            (v128.bitselect
              (f64x2.add (local.get $a) (v128.const f64x2 1 1))
              (v128.bitselect (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (v128.const f64x2 1.5 1.5) (local.get $a))) (local.get $a) (local.get $m3))
              (local.get $m2))
            (local.get $m1))
          (v128.const f64x2 1 1)
          (local.get $m0)))
        (local.set $hi (v128.bitselect
          (v128.bitselect
            (v128.const f64x2 4.63647609000806093515e-1 4.63647609000806093515e-1)
            (v128.bitselect (v128.const f64x2 7.85398163397448278999e-1 7.85398163397448278999e-1)
              (v128.bitselect (v128.const f64x2 9.82793723247329054082e-1 9.82793723247329054082e-1) (v128.const f64x2 1.57079632679489655800 1.57079632679489655800) (local.get $m3))
              (local.get $m2))
            (local.get $m1))
          (v128.const f64x2 0 0)
          (local.get $m0)))
        (local.set $lo (v128.bitselect
          (v128.bitselect
            (v128.const f64x2 2.26987774529616870924e-17 2.26987774529616870924e-17)
            (v128.bitselect (v128.const f64x2 3.06161699786838301793e-17 3.06161699786838301793e-17)
              (v128.bitselect (v128.const f64x2 1.39033110312309984516e-17 1.39033110312309984516e-17) (v128.const f64x2 6.12323399573676603587e-17 6.12323399573676603587e-17) (local.get $m3))
              (local.get $m2))
            (local.get $m1))
          (v128.const f64x2 0 0)
          (local.get $m0)))
        (local.set $t (f64x2.div (local.get $num) (local.get $den)))
        (local.set $z (f64x2.mul (local.get $t) (local.get $t)))
        (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
        (local.set $s1 (f64x2.mul (local.get $z)
          (f64x2.add (v128.const f64x2 3.33333333333329318027e-1 3.33333333333329318027e-1) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 1.42857142725034663711e-1 1.42857142725034663711e-1) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 9.09088713343650656196e-2 9.09088713343650656196e-2) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 6.66107313738753120669e-2 6.66107313738753120669e-2) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 4.97687799461593236017e-2 4.97687799461593236017e-2) (f64x2.mul (local.get $w) (v128.const f64x2 1.62858201153657823623e-2 1.62858201153657823623e-2)))))))))))))
        (local.set $s2 (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 -1.99999999998764832476e-1 -1.99999999998764832476e-1) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 -1.11111104054623557880e-1 -1.11111104054623557880e-1) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 -7.69187620504482999495e-2 -7.69187620504482999495e-2) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 -5.83357013379057348645e-2 -5.83357013379057348645e-2) (f64x2.mul (local.get $w) (v128.const f64x2 -3.65315727442169155270e-2 -3.65315727442169155270e-2)))))))))))
        (local.set $s1 (f64x2.mul (local.get $t) (f64x2.add (local.get $s1) (local.get $s2))))
        ;; atan a: x − x(s1 + s2) below 0.4375, else hi − ((x(s1 + s2) − lo) − x).
        (local.set $r (v128.bitselect
          (f64x2.sub (local.get $hi) (f64x2.sub (f64x2.sub (local.get $s1) (local.get $lo)) (local.get $t)))
          (f64x2.sub (local.get $t) (local.get $s1))
          (local.get $m0)))
        ;; x < 0: π − (z − π_lo); then the sign of y.
        (local.set $r (v128.bitselect
          (f64x2.sub (v128.const f64x2 3.141592653589793 3.141592653589793) (f64x2.sub (local.get $r) (v128.const f64x2 1.2246467991473532e-16 1.2246467991473532e-16)))
          (local.get $r)
          (f64x2.lt (local.get $x) (v128.const f64x2 0 0))))
        (local.set $r (v128.bitselect (f64x2.neg (local.get $r)) (local.get $r) (f64x2.lt (local.get $y) (v128.const f64x2 0 0))))
        (v128.store (i32.add (local.get $ys) (local.get $at)) (v128.bitselect (local.get $y) (local.get $r) (local.get $special)))
        (if (v128.any_true (local.get $special))
          (then (local.set $found (call $noteSpecials (local.get $special) (local.get $i) (local.get $count) (local.get $specials) (local.get $found)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (local.get $found))

  ;; det-math's natural log (fdlibm's) for the vocoder's magnitude ratios, two a step: values[i] ←
  ;; ln values[i] for i in [0, count) (f64 at $values, at least count rounded up to even). The
  ;; very operations of det-math's path for normal x in (0, 2^1023): x = 2^k·m with m in
  ;; [√½, √2) (m is x times a power of two, exact), then the series, so the same bits. Any other
  ;; lane is left as it was and its index goes to $specials, as in atan2. Returns how many.
  (func (export "log") (param $values i32) (param $count i32) (param $specials i32) (result i32)
    (local $i i32) (local $at i32) (local $found i32)
    (local $x v128) (local $special v128) (local $e v128) (local $up v128) (local $m v128) (local $k v128)
    (local $f v128) (local $s v128) (local $z v128) (local $w v128) (local $r v128) (local $hfsq v128)
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $count)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $x (v128.load (i32.add (local.get $values) (local.get $at))))
        (local.set $special (v128.not (v128.and
          (f64x2.ge (local.get $x) (v128.const f64x2 2.2250738585072014e-308 2.2250738585072014e-308))
          (f64x2.lt (local.get $x) (v128.const f64x2 8.98846567431158e307 8.98846567431158e307)))))
        ;; The biased exponent e; 2^−(e − 1023) is the double with biased exponent 2046 − e.
        (local.set $e (i64x2.shr_u (local.get $x) (i32.const 52)))
        (local.set $m (f64x2.mul (local.get $x) (i64x2.shl (i64x2.sub (v128.const i64x2 2046 2046) (local.get $e)) (i32.const 52))))
        ;; Mantissas from 0x6a09c on (m ≥ √2) take the next power of two.
        (local.set $up (i64x2.ge_s
          (v128.and (local.get $x) (v128.const i64x2 0x000fffff00000000 0x000fffff00000000))
          (v128.const i64x2 0x0006a09c00000000 0x0006a09c00000000)))
        (local.set $m (v128.bitselect (f64x2.mul (local.get $m) (v128.const f64x2 0.5 0.5)) (local.get $m) (local.get $up)))
        (local.set $e (i64x2.sub (i64x2.sub (local.get $e) (v128.const i64x2 1023 1023)) (local.get $up)))
        (local.set $k (f64x2.convert_low_i32x4_s (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $e) (local.get $e))))
        (local.set $f (f64x2.sub (local.get $m) (v128.const f64x2 1 1)))
        (local.set $s (f64x2.div (local.get $f) (f64x2.add (v128.const f64x2 2 2) (local.get $f))))
        (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
        (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
        (local.set $r (f64x2.add
          (f64x2.mul (local.get $z)
            (f64x2.add (v128.const f64x2 6.666666666666735130e-1 6.666666666666735130e-1) (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 2.857142874366239149e-1 2.857142874366239149e-1) (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 1.818357216161805012e-1 1.818357216161805012e-1) (f64x2.mul (local.get $w) (v128.const f64x2 1.479819860511658591e-1 1.479819860511658591e-1))))))))
          (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 3.999999999940941908e-1 3.999999999940941908e-1) (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 2.222219843214978396e-1 2.222219843214978396e-1) (f64x2.mul (local.get $w) (v128.const f64x2 1.531383769920937332e-1 1.531383769920937332e-1))))))))
        (local.set $hfsq (f64x2.mul (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $f)) (local.get $f)))
        ;; k·ln2_hi − ((hfsq − (s(hfsq + r) + (k·ln2_lo + 0))) − f)
        (local.set $r (f64x2.sub
          (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-1 6.93147180369123816490e-1))
          (f64x2.sub
            (f64x2.sub (local.get $hfsq)
              (f64x2.add (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r)))
                (f64x2.add (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)) (v128.const f64x2 0 0))))
            (local.get $f))))
        (v128.store (i32.add (local.get $values) (local.get $at)) (v128.bitselect (local.get $x) (local.get $r) (local.get $special)))
        (if (v128.any_true (local.get $special))
          (then (local.set $found (call $noteSpecials (local.get $special) (local.get $i) (local.get $count) (local.get $specials) (local.get $found)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (local.get $found))

  ;; det-math's sine and cosine of one argument (sinCosInPlace, fdlibm's kernels) for the
  ;; vocoder's rotations, two a step: values[i] ← sin values[i], cosines[i] ← cos values[i] for i
  ;; in [from, to) (f64). The very operations of det-math's path for 2^−27 ≤ |x| < ∞ whose first
  ;; reduction by π/2 does not cancel (n = Math.round(x·2/π) as floor(v) + (v − floor(v) ≥ ½),
  ;; which is Math.round's value, ties up), so the same bits. Any other lane is left as it was and
  ;; its index goes to $specials, as in atan2. Returns how many.
  (func (export "sinCos") (param $values i32) (param $cosines i32) (param $from i32) (param $to i32) (param $specials i32) (result i32)
    (local $i i32) (local $at i32) (local $found i32)
    (local $x v128) (local $special v128) (local $v v128) (local $n v128) (local $r v128) (local $w v128) (local $y v128) (local $tail v128)
    (local $z v128) (local $p v128) (local $sine v128) (local $cosine v128) (local $q v128) (local $odd v128) (local $sin v128) (local $cos v128)
    (local.set $i (local.get $from))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $to)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $x (v128.load (i32.add (local.get $values) (local.get $at))))
        (local.set $v (f64x2.mul (local.get $x) (v128.const f64x2 6.36619772367581382433e-1 6.36619772367581382433e-1)))
        (local.set $n (f64x2.floor (local.get $v)))
        (local.set $n (f64x2.add (local.get $n)
          (v128.and (f64x2.ge (f64x2.sub (local.get $v) (local.get $n)) (v128.const f64x2 0.5 0.5)) (v128.const f64x2 1 1))))
        (local.set $r (f64x2.sub (local.get $x) (f64x2.mul (local.get $n) (v128.const f64x2 1.57079632673412561417 1.57079632673412561417))))
        (local.set $w (f64x2.mul (local.get $n) (v128.const f64x2 6.07710050650619224932e-11 6.07710050650619224932e-11)))
        (local.set $y (f64x2.sub (local.get $r) (local.get $w)))
        (local.set $special (v128.or
          (v128.not (v128.and
            (f64x2.ge (f64x2.abs (local.get $x)) (v128.const f64x2 7.450580596923828e-9 7.450580596923828e-9))
            (f64x2.lt (f64x2.abs (local.get $x)) (v128.const f64x2 inf inf))))
          ;; The reduction cancelled (exponent of x − exponent of y > 16): det-math takes more of π/2's bits.
          (i64x2.gt_s
            (i64x2.sub
              (v128.and (i64x2.shr_u (local.get $x) (i32.const 52)) (v128.const i64x2 0x7ff 0x7ff))
              (v128.and (i64x2.shr_u (local.get $y) (i32.const 52)) (v128.const i64x2 0x7ff 0x7ff)))
            (v128.const i64x2 16 16))))
        (local.set $tail (f64x2.sub (f64x2.sub (local.get $r) (local.get $y)) (local.get $w)))
        ;; The sine kernel: x − (((z(½·tail − v·r) − tail) − v·S1)), v = z·x.
        (local.set $z (f64x2.mul (local.get $y) (local.get $y)))
        (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
        (local.set $p (f64x2.add
          (f64x2.add (v128.const f64x2 8.33333333332248946124e-3 8.33333333332248946124e-3) (f64x2.mul (local.get $z) (f64x2.add (v128.const f64x2 -1.98412698298579493134e-4 -1.98412698298579493134e-4) (f64x2.mul (local.get $z) (v128.const f64x2 2.75573137070700676789e-6 2.75573137070700676789e-6)))))
          (f64x2.mul (f64x2.mul (local.get $z) (local.get $w)) (f64x2.add (v128.const f64x2 -2.50507602534068634195e-8 -2.50507602534068634195e-8) (f64x2.mul (local.get $z) (v128.const f64x2 1.58969099521155010221e-10 1.58969099521155010221e-10))))))
        (local.set $v (f64x2.mul (local.get $z) (local.get $y)))
        (local.set $sine (f64x2.sub (local.get $y)
          (f64x2.sub
            (f64x2.sub
              (f64x2.mul (local.get $z) (f64x2.sub (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $tail)) (f64x2.mul (local.get $v) (local.get $p))))
              (local.get $tail))
            (f64x2.mul (local.get $v) (v128.const f64x2 -1.66666666666666324348e-1 -1.66666666666666324348e-1)))))
        ;; The cosine kernel: one + (((1 − one) − hz) + (z·r − x·tail)), hz = ½z, one = 1 − hz.
        (local.set $p (f64x2.add
          (f64x2.mul (local.get $z) (f64x2.add (v128.const f64x2 4.16666666666666019037e-2 4.16666666666666019037e-2) (f64x2.mul (local.get $z) (f64x2.add (v128.const f64x2 -1.38888888888741095749e-3 -1.38888888888741095749e-3) (f64x2.mul (local.get $z) (v128.const f64x2 2.48015872894767294178e-5 2.48015872894767294178e-5))))))
          (f64x2.mul (f64x2.mul (local.get $w) (local.get $w))
            (f64x2.add (v128.const f64x2 -2.75573143513906633035e-7 -2.75573143513906633035e-7) (f64x2.mul (local.get $z) (f64x2.add (v128.const f64x2 2.08757232129817482790e-9 2.08757232129817482790e-9) (f64x2.mul (local.get $z) (v128.const f64x2 -1.13596475577881948265e-11 -1.13596475577881948265e-11))))))))
        (local.set $v (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $z)))
        (local.set $w (f64x2.sub (v128.const f64x2 1 1) (local.get $v)))
        (local.set $cosine (f64x2.add (local.get $w)
          (f64x2.add
            (f64x2.sub (f64x2.sub (v128.const f64x2 1 1) (local.get $w)) (local.get $v))
            (f64x2.sub (f64x2.mul (local.get $z) (local.get $p)) (f64x2.mul (local.get $y) (local.get $tail))))))
        ;; Quarter q = n mod 4 (in each i64 lane): sin x is the sine kernel's in quarters 0 and 2,
        ;; the cosine's in 1 and 3, negated in 2 and 3; cos x one quarter on.
        (local.set $q (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $n))))
        (local.set $odd (i64x2.eq (v128.and (local.get $q) (v128.const i64x2 1 1)) (v128.const i64x2 1 1)))
        (local.set $sin (v128.bitselect (local.get $cosine) (local.get $sine) (local.get $odd)))
        (local.set $sin (v128.bitselect (f64x2.neg (local.get $sin)) (local.get $sin)
          (i64x2.eq (v128.and (local.get $q) (v128.const i64x2 2 2)) (v128.const i64x2 2 2))))
        (local.set $cos (v128.bitselect (local.get $sine) (local.get $cosine) (local.get $odd)))
        (local.set $cos (v128.bitselect (f64x2.neg (local.get $cos)) (local.get $cos)
          (i64x2.eq (v128.and (i64x2.add (local.get $q) (v128.const i64x2 1 1)) (v128.const i64x2 2 2)) (v128.const i64x2 2 2))))
        (local.set $sin (v128.bitselect (local.get $x) (local.get $sin) (local.get $special)))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $to))
          (then
            (v128.store (i32.add (local.get $values) (local.get $at)) (local.get $sin))
            (v128.store (i32.add (local.get $cosines) (local.get $at)) (local.get $cos)))
          (else
            ;; The last of an odd range: the lane after it belongs to someone else.
            (v128.store64_lane 0 (i32.add (local.get $values) (local.get $at)) (local.get $sin))
            (v128.store64_lane 0 (i32.add (local.get $cosines) (local.get $at)) (local.get $cos))))
        (if (v128.any_true (local.get $special))
          (then (local.set $found (call $noteSpecials (local.get $special) (local.get $i) (local.get $to) (local.get $specials) (local.get $found)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (local.get $found))

  ;; Math.round of each lane (ties up, −0 for [−½, −0]): floor(v) + (v − floor(v) ≥ ½), the
  ;; difference exact below 2^52 (and NaN and ±∞ pass through), a zero taking v's sign.
  (func $round (param $v v128) (result v128)
    (local $n v128)
    (local.set $n (f64x2.floor (local.get $v)))
    (local.set $n (f64x2.add (local.get $n)
      (v128.and (f64x2.ge (f64x2.sub (local.get $v) (local.get $n)) (v128.const f64x2 0.5 0.5)) (v128.const f64x2 1 1))))
    (v128.bitselect
      (v128.and (local.get $v) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
      (local.get $n)
      (f64x2.eq (local.get $n) (v128.const f64x2 0 0))))

  ;; The angle wrapped into (−π, π] as the vocoder's `principal`: a − 2π·round(a / 2π).
  (func $principal (param $a v128) (result v128)
    (f64x2.sub (local.get $a)
      (f64x2.mul (v128.const f64x2 6.283185307179586 6.283185307179586) (call $round (f64x2.div (local.get $a) (v128.const f64x2 6.283185307179586 6.283185307179586))))))

  ;; PhaseVocoder.rotations for peaks [from, to), the same operations per peak, two a step: the
  ;; parabolic offset from the log ratios (f64 at $below, $above), ω = 2π(k + offset)/size (bins k,
  ;; i32 at $peaks), refined by the advance since the previous grain (f64 at $advance) when
  ;; $withPrevious; at an anchor ($anchored) by the span since the last anchor (f64 at $spanAngle)
  ;; when $withAnchor and steady, the rotation principal(ω·displacement); else principal(θ_prev[k] +
  ;; ω·hop − advance) (θ_prev f64 per bin at $prevTheta). Each rotation into $cos and $sin (f64).
  (func (export "rotations")
    (param $peaks i32) (param $below i32) (param $above i32) (param $advance i32) (param $spanAngle i32) (param $prevTheta i32)
    (param $cos i32) (param $sin i32) (param $from i32) (param $to i32)
    (param $size f64) (param $analysisHop f64) (param $span f64) (param $displacement f64) (param $hop f64)
    (param $withPrevious i32) (param $anchored i32) (param $withAnchor i32)
    (local $i i32) (local $at i32) (local $k v128) (local $b v128) (local $a v128) (local $den v128) (local $omega v128)
    (local $adv v128) (local $refined v128) (local $rotation v128) (local $theta v128)
    (local.set $i (local.get $from))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $to)))
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $k (v128.load64_zero (i32.add (local.get $peaks) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $b (v128.load (i32.add (local.get $below) (local.get $at))))
        (local.set $a (v128.load (i32.add (local.get $above) (local.get $at))))
        (local.set $den (f64x2.add (local.get $b) (local.get $a)))
        ;; offset = ½(below − above) / (den < 0 ? den : −∞); ω = 2π(k + offset) / size.
        (local.set $omega (f64x2.div
          (f64x2.mul (v128.const f64x2 6.283185307179586 6.283185307179586)
            (f64x2.add (f64x2.convert_low_i32x4_s (local.get $k))
              (f64x2.div (f64x2.mul (v128.const f64x2 0.5 0.5) (f64x2.sub (local.get $b) (local.get $a)))
                (v128.bitselect (local.get $den) (v128.const f64x2 -inf -inf) (f64x2.lt (local.get $den) (v128.const f64x2 0 0))))))
          (f64x2.splat (local.get $size))))
        (local.set $adv (v128.load (i32.add (local.get $advance) (local.get $at))))
        (if (local.get $withPrevious)
          (then
            (local.set $omega (f64x2.add (local.get $omega)
              (f64x2.div
                (call $principal (f64x2.sub (local.get $adv) (f64x2.mul (local.get $omega) (f64x2.splat (local.get $analysisHop)))))
                (f64x2.splat (local.get $analysisHop)))))))
        (if (local.get $anchored)
          (then
            (if (local.get $withAnchor)
              (then
                (local.set $refined (f64x2.add (local.get $omega)
                  (f64x2.div
                    (call $principal (f64x2.sub (v128.load (i32.add (local.get $spanAngle) (local.get $at))) (f64x2.mul (local.get $omega) (f64x2.splat (local.get $span)))))
                    (f64x2.splat (local.get $span)))))
                ;; A partial that moved since that anchor (or started after it) keeps its local ω: steady
                ;; partials differ by under 2e−6 rad/frame (≈ 0.014 Hz at 44.1 kHz).
                (local.set $omega (v128.bitselect (local.get $refined) (local.get $omega)
                  (f64x2.lt (f64x2.abs (f64x2.sub (local.get $refined) (local.get $omega))) (v128.const f64x2 2e-6 2e-6))))))
            (local.set $rotation (call $principal (f64x2.mul (local.get $omega) (f64x2.splat (local.get $displacement))))))
          (else
            (local.set $theta (f64x2.replace_lane 1
              (f64x2.splat (f64.load (i32.add (local.get $prevTheta) (i32.shl (i32x4.extract_lane 0 (local.get $k)) (i32.const 3)))))
              (f64.load (i32.add (local.get $prevTheta) (i32.shl (i32x4.extract_lane 1 (local.get $k)) (i32.const 3))))))
            (local.set $rotation (call $principal
              (f64x2.sub (f64x2.add (local.get $theta) (f64x2.mul (local.get $omega) (f64x2.splat (local.get $hop)))) (local.get $adv))))))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $to))
          (then
            (v128.store (i32.add (local.get $cos) (local.get $at)) (local.get $rotation))
            (v128.store (i32.add (local.get $sin) (local.get $at)) (local.get $rotation)))
          (else
            (v128.store64_lane 0 (i32.add (local.get $cos) (local.get $at)) (local.get $rotation))
            (v128.store64_lane 0 (i32.add (local.get $sin) (local.get $at)) (local.get $rotation))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs))))

  ;; The indices i and i + 1 whose lane of $mask is set (and below $count) appended to $specials
  ;; (i32) after $found of them; returns the new count.
  (func $noteSpecials (param $mask v128) (param $i i32) (param $count i32) (param $specials i32) (param $found i32) (result i32)
    (if (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $mask)))
      (then
        (i32.store (i32.add (local.get $specials) (i32.shl (local.get $found) (i32.const 2))) (local.get $i))
        (local.set $found (i32.add (local.get $found) (i32.const 1)))))
    (if (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $mask))) (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $count)))
      (then
        (i32.store (i32.add (local.get $specials) (i32.shl (local.get $found) (i32.const 2))) (i32.add (local.get $i) (i32.const 1)))
        (local.set $found (i32.add (local.get $found) (i32.const 1)))))
    (local.get $found))

  ;; The stereo polyphase sinc read (SincInterpolator's kernel table and blend of two rows) in
  ;; single precision, eight taps a step: for n in [from, to), the planes (f32, `length` frames at
  ;; $left and $right) read at positions[n] (f64 at $positions) into f64 at $outLeft and
  ;; $outRight. The table at $rows holds phases + 1 rows of `taps` taps (f32), each row padded
  ;; with zeros to `stride` (a multiple of 8). Per plane and row, accumulator lane m of set s sums
  ;; the products of taps j with j mod 4 = m and floor(j / 4) mod 2 = s in f32 in increasing j (two sets,
  ;; so two chains of additions run at once); the sets are added lane by lane, then the row's value
  ;; is (lane 0 + lane 1) + (lane 2 + lane 3), all in f32; the two rows blend in f64 as
  ;; A + w·(B − A). A read whose taps
  ;; reach past a plane's ends goes through $scratch (2·stride f32) with zeros there.
  ;; $unitStep: whole positions copy the frame.
  (func (export "gatherStereo")
    (param $left i32) (param $right i32) (param $length i32) (param $rows i32) (param $taps i32) (param $stride i32)
    (param $phases i32) (param $positions i32) (param $from i32) (param $to i32) (param $unitStep i32)
    (param $outLeft i32) (param $outRight i32) (param $scratch i32)
    (local $n i32) (local $position f64) (local $base f64) (local $halfTaps f64) (local $phase f64) (local $weight f64)
    (local $row i32) (local $first i32) (local $j i32) (local $end i32) (local $index i32)
    (local $pl i32) (local $pr i32) (local $ra i32) (local $rb i32) (local $o i32)
    (local $la v128) (local $lb v128) (local $rA v128) (local $rB v128) (local $l v128) (local $r v128) (local $ka v128) (local $kb v128)
    (local $la1 v128) (local $lb1 v128) (local $rA1 v128) (local $rB1 v128)
    (local $leftA f64) (local $leftB f64) (local $rightA f64) (local $rightB f64)
    (local.set $halfTaps (f64.convert_i32_s (i32.shr_s (local.get $taps) (i32.const 1))))
    (local.set $end (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $n (local.get $from))
    (block $done
      (loop $frames
        (br_if $done (i32.ge_s (local.get $n) (local.get $to)))
        (local.set $o (i32.shl (local.get $n) (i32.const 3)))
        (local.set $position (f64.load (i32.add (local.get $positions) (local.get $o))))
        (local.set $base (f64.floor (local.get $position)))
        (block $written
          (if (i32.and (local.get $unitStep) (f64.eq (local.get $position) (local.get $base)))
            (then
              (if (i32.and (f64.ge (local.get $position) (f64.const 0)) (f64.lt (local.get $position) (f64.convert_i32_s (local.get $length))))
                (then
                  (local.set $index (i32.shl (i32.trunc_f64_s (local.get $position)) (i32.const 2)))
                  (f64.store (i32.add (local.get $outLeft) (local.get $o)) (f64.promote_f32 (f32.load (i32.add (local.get $left) (local.get $index)))))
                  (f64.store (i32.add (local.get $outRight) (local.get $o)) (f64.promote_f32 (f32.load (i32.add (local.get $right) (local.get $index))))))
                (else
                  (f64.store (i32.add (local.get $outLeft) (local.get $o)) (f64.const 0))
                  (f64.store (i32.add (local.get $outRight) (local.get $o)) (f64.const 0))))
              (br $written)))
          ;; Also rejects NaN and positions so far out that no tap touches the planes.
          (if (i32.eqz (i32.and
                (f64.gt (local.get $position) (f64.neg (local.get $halfTaps)))
                (f64.lt (local.get $position) (f64.add (f64.convert_i32_s (local.get $length)) (local.get $halfTaps)))))
            (then
              (f64.store (i32.add (local.get $outLeft) (local.get $o)) (f64.const 0))
              (f64.store (i32.add (local.get $outRight) (local.get $o)) (f64.const 0))
              (br $written)))
          (local.set $phase (f64.mul (f64.sub (local.get $position) (local.get $base)) (f64.convert_i32_s (local.get $phases))))
          (local.set $row (i32.trunc_f64_s (local.get $phase)))
          (local.set $weight (f64.sub (local.get $phase) (f64.convert_i32_s (local.get $row))))
          (local.set $first (i32.add (i32.sub (i32.trunc_f64_s (local.get $base)) (i32.shr_s (local.get $taps) (i32.const 1))) (i32.const 1)))
          (if (i32.and (i32.ge_s (local.get $first) (i32.const 0)) (i32.le_s (i32.add (local.get $first) (local.get $stride)) (local.get $length)))
            (then
              (local.set $pl (i32.add (local.get $left) (i32.shl (local.get $first) (i32.const 2))))
              (local.set $pr (i32.add (local.get $right) (i32.shl (local.get $first) (i32.const 2)))))
            (else
              ;; The taps inside the planes, zeros elsewhere.
              (local.set $pl (local.get $scratch))
              (local.set $pr (i32.add (local.get $scratch) (local.get $end)))
              (local.set $j (i32.const 0))
              (block $copied
                (loop $copy
                  (br_if $copied (i32.ge_s (local.get $j) (local.get $stride)))
                  (local.set $index (i32.add (local.get $first) (local.get $j)))
                  (if (i32.and (i32.ge_s (local.get $index) (i32.const 0)) (i32.lt_s (local.get $index) (local.get $length)))
                    (then
                      (f32.store (i32.add (local.get $pl) (i32.shl (local.get $j) (i32.const 2))) (f32.load (i32.add (local.get $left) (i32.shl (local.get $index) (i32.const 2)))))
                      (f32.store (i32.add (local.get $pr) (i32.shl (local.get $j) (i32.const 2))) (f32.load (i32.add (local.get $right) (i32.shl (local.get $index) (i32.const 2))))))
                    (else
                      (f32.store (i32.add (local.get $pl) (i32.shl (local.get $j) (i32.const 2))) (f32.const 0))
                      (f32.store (i32.add (local.get $pr) (i32.shl (local.get $j) (i32.const 2))) (f32.const 0))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $copy)))))
          (local.set $ra (i32.add (local.get $rows) (i32.shl (i32.mul (local.get $row) (local.get $stride)) (i32.const 2))))
          (local.set $rb (i32.add (local.get $ra) (local.get $end)))
          (local.set $la (v128.const f32x4 0 0 0 0))
          (local.set $lb (v128.const f32x4 0 0 0 0))
          (local.set $rA (v128.const f32x4 0 0 0 0))
          (local.set $rB (v128.const f32x4 0 0 0 0))
          (local.set $la1 (v128.const f32x4 0 0 0 0))
          (local.set $lb1 (v128.const f32x4 0 0 0 0))
          (local.set $rA1 (v128.const f32x4 0 0 0 0))
          (local.set $rB1 (v128.const f32x4 0 0 0 0))
          (local.set $j (i32.const 0))
          (block $tapsDone
            (loop $taps4
              (br_if $tapsDone (i32.ge_u (local.get $j) (local.get $end)))
              (local.set $l (v128.load (i32.add (local.get $pl) (local.get $j))))
              (local.set $r (v128.load (i32.add (local.get $pr) (local.get $j))))
              (local.set $ka (v128.load (i32.add (local.get $ra) (local.get $j))))
              (local.set $kb (v128.load (i32.add (local.get $rb) (local.get $j))))
              (local.set $la (f32x4.add (local.get $la) (f32x4.mul (local.get $l) (local.get $ka))))
              (local.set $lb (f32x4.add (local.get $lb) (f32x4.mul (local.get $l) (local.get $kb))))
              (local.set $rA (f32x4.add (local.get $rA) (f32x4.mul (local.get $r) (local.get $ka))))
              (local.set $rB (f32x4.add (local.get $rB) (f32x4.mul (local.get $r) (local.get $kb))))
              (local.set $l (v128.load offset=16 (i32.add (local.get $pl) (local.get $j))))
              (local.set $r (v128.load offset=16 (i32.add (local.get $pr) (local.get $j))))
              (local.set $ka (v128.load offset=16 (i32.add (local.get $ra) (local.get $j))))
              (local.set $kb (v128.load offset=16 (i32.add (local.get $rb) (local.get $j))))
              (local.set $la1 (f32x4.add (local.get $la1) (f32x4.mul (local.get $l) (local.get $ka))))
              (local.set $lb1 (f32x4.add (local.get $lb1) (f32x4.mul (local.get $l) (local.get $kb))))
              (local.set $rA1 (f32x4.add (local.get $rA1) (f32x4.mul (local.get $r) (local.get $ka))))
              (local.set $rB1 (f32x4.add (local.get $rB1) (f32x4.mul (local.get $r) (local.get $kb))))
              (local.set $j (i32.add (local.get $j) (i32.const 32)))
              (br $taps4)))
          (local.set $leftA (call $lanes (f32x4.add (local.get $la) (local.get $la1))))
          (local.set $leftB (call $lanes (f32x4.add (local.get $lb) (local.get $lb1))))
          (local.set $rightA (call $lanes (f32x4.add (local.get $rA) (local.get $rA1))))
          (local.set $rightB (call $lanes (f32x4.add (local.get $rB) (local.get $rB1))))
          (f64.store (i32.add (local.get $outLeft) (local.get $o))
            (f64.add (local.get $leftA) (f64.mul (local.get $weight) (f64.sub (local.get $leftB) (local.get $leftA)))))
          (f64.store (i32.add (local.get $outRight) (local.get $o))
            (f64.add (local.get $rightA) (f64.mul (local.get $weight) (f64.sub (local.get $rightB) (local.get $rightA))))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $frames))))

  ;; (lane 0 + lane 1) + (lane 2 + lane 3) in f32, as f64.
  (func $lanes (param $v v128) (result f64)
    (f64.promote_f32 (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v))))))
)

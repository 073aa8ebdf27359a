//! Frozen perceptron weights laid out for fast scoring.
//!
//! Scoring is memory-bound: a sentence looks up hundreds of hashed features in tables of tens
//! of megabytes, so nearly every lookup is a cache miss. The layout keeps that to two misses
//! per feature and lets the misses of one decision overlap:
//!
//! - an open-addressed table of 8-byte slots (32-bit key fingerprint, 32-bit offset), probed
//!   linearly from the low bits of the key; eight slots share a cache line, so a probe rarely
//!   leaves the first line;
//! - one flat byte array of runs, each `[count: u16][classes: u8 or u16 each][weights: i16
//!   each]`, the weights quantized to 16 bits against one scale per model (the quantization
//!   the model file always had): a parser feature that is found carries ~30 class weights, so
//!   3 bytes a weight instead of 8 halves the cache lines a lookup touches.
//!
//! [`Weights::scores`] first resolves every feature of a decision to its run and only then
//! adds the runs up, so the table misses of all features are in flight together instead of one
//! after the other. The full 64-bit keys are kept apart, in run order, for saving and pruning
//! only, so they take no cache space while scoring.

use crate::codec::{Dec, Enc};
use crate::ModelError;

/// Marks the quantized weight layout in model files (no model has this many classes).
const QUANTIZED: u32 = u32::MAX;
/// Features resolved per batch in [`Weights::scores`].
const BATCH: usize = 128;

/// Frozen averaged weights: immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Weights {
    nclasses: usize,
    /// Real value of one quantization step.
    scale: f32,
    mask: usize,
    /// `fingerprint << 32 | (run offset + 1)`; 0 is an empty slot.
    slots: HugeBuf<u64>,
    /// Bytes per class id in the runs: 1 when there are at most 256 classes, else 2.
    cw: usize,
    /// The runs while the weights are built; moved to `runs` by [`Weights::sealed`].
    building: Vec<u8>,
    runs: HugeBuf<u8>,
    /// The key of each run, in run order.
    keys: Vec<u64>,
    nkeys: usize,
    nweights: usize,
}

/// The size of a transparent huge page on x86-64 and aarch64 Linux.
const HUGE: usize = 2 << 20;

/// A fixed-size buffer placed at a 2 MB boundary and rounded up to whole 2 MB pages, which the
/// kernel is asked to back with transparent huge pages: scoring touches random places in
/// tables of tens of megabytes, where 4 KB pages make nearly every lookup a TLB miss as well
/// as a cache miss (a costly one under virtualisation, where a page walk is two-dimensional).
/// A plain allocation only gets huge pages for the 2 MB pages wholly inside it, which leaves
/// the small tables and the ends of the big ones on 4 KB pages; hence the alignment.
///
/// The buffer is carved out of a zeroed `Vec` one huge page longer than needed: the pages
/// before the aligned start are never touched, so they cost address space, not memory.
struct HugeBuf<T> {
    buf: Vec<T>,
    off: usize,
    len: usize,
}

impl<T: Copy + Default> HugeBuf<T> {
    /// A copy of `v` in huge-page memory (where the kernel grants it).
    fn from_slice(v: &[T]) -> HugeBuf<T> {
        let mut h = HugeBuf::zeroed(v.len());
        let (off, len) = (h.off, h.len);
        h.buf[off..off + len].copy_from_slice(v);
        h
    }

    /// `len` default values (zero for the integer types used here).
    fn zeroed(len: usize) -> HugeBuf<T> {
        let size = std::mem::size_of::<T>().max(1);
        let per = (HUGE / size).max(1);
        let cap = len.div_ceil(per) * per + per;
        // `vec!` of zeroes asks the allocator for zeroed memory: fresh pages, untouched.
        let buf = vec![T::default(); cap];
        let p = buf.as_ptr() as usize;
        let off = (p.next_multiple_of(HUGE) - p) / size;
        advise_huge(p + off * size, len.div_ceil(per) * per * size);
        HugeBuf { buf, off, len }
    }
}

impl<T> std::ops::Deref for HugeBuf<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        &self.buf[self.off..self.off + self.len]
    }
}

impl<T> std::ops::DerefMut for HugeBuf<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.buf[self.off..self.off + self.len]
    }
}

impl<T: Copy + Default> Clone for HugeBuf<T> {
    fn clone(&self) -> HugeBuf<T> {
        HugeBuf::from_slice(self)
    }
}

impl<T> std::fmt::Debug for HugeBuf<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HugeBuf({} items)", self.len)
    }
}

/// Asks Linux to back `len` bytes at `start` (2 MB-aligned, inside an allocation of ours) with
/// transparent huge pages. Only advice: when refused, or elsewhere than Linux, nothing changes.
fn advise_huge(start: usize, len: usize) {
    #[cfg(target_os = "linux")]
    if len > 0 {
        // SAFETY: madvise only gives the kernel a hint about a range inside our own
        // allocation; MADV_HUGEPAGE does not change its contents or validity.
        unsafe {
            libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (start, len);
}

/// Starts loading the cache line at `p` (a hint; `p` is never dereferenced here).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, whatever the address, and reads nothing into Rust.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[inline]
fn fingerprint(key: u64) -> u64 {
    key >> 32
}

/// Quantized rows gathered before the table is built, so that they can be stored hottest
/// first (see [`Rows::build`]).
#[derive(Default)]
struct Rows {
    /// `(key, start, count)` of each row's pairs in `pairs`.
    keys: Vec<(u64, u32, u32)>,
    pairs: Vec<(u16, i16)>,
}

impl Rows {
    /// Adds the row of feature `key`; zero weights are dropped, and a row left empty too.
    fn add(&mut self, key: u64, pairs: impl Iterator<Item = (u16, i16)>) {
        let start = self.pairs.len();
        self.pairs.extend(pairs.filter(|p| p.1 != 0));
        let n = self.pairs.len() - start;
        if n > 0 {
            self.keys.push((key, start as u32, n as u32));
        }
    }

    /// The frozen table, and false when a key occurred twice (kept once).
    ///
    /// Rows go in longest first. A feature with many classes is one the perceptron updated
    /// often in training, so one that is frequent: inserting those first gives them their
    /// home slot (one probe), and their runs end up side by side at the start of the run
    /// array, a few hundred kilobytes that stay in cache instead of lines shared with rare
    /// features. The order changes where things are, never what a lookup finds.
    fn build(mut self, nclasses: usize, scale: f32) -> (Weights, bool) {
        self.keys.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        let mut w = Weights::with_capacity(nclasses, self.keys.len(), scale);
        w.building
            .reserve(self.pairs.len() * (w.cw + 2) + 2 * self.keys.len());
        w.keys.reserve(self.keys.len());
        let mut ok = true;
        for &(k, start, n) in &self.keys {
            let (start, n) = (start as usize, n as usize);
            ok &= w.push(k, &self.pairs[start..start + n]);
        }
        (w.sealed(), ok)
    }
}

impl Weights {
    /// An empty table sized for `nkeys` features.
    fn with_capacity(nclasses: usize, nkeys: usize, scale: f32) -> Weights {
        // Load factor between 0.33 and 0.67.
        let cap = (nkeys.max(1) * 3 / 2 + 1).next_power_of_two().max(8);
        Weights {
            nclasses,
            scale,
            mask: cap - 1,
            slots: HugeBuf::zeroed(cap),
            cw: if nclasses <= 256 { 1 } else { 2 },
            building: Vec::new(),
            runs: HugeBuf::zeroed(0),
            keys: Vec::new(),
            nkeys: 0,
            nweights: 0,
        }
    }

    /// Adds feature `key` with its `(class, quantized weight)` pairs; zero weights are
    /// dropped and a feature without weights is not stored. Returns false when the key is
    /// already present (a corrupt file) or the table is full.
    fn push(&mut self, key: u64, pairs: &[(u16, i16)]) -> bool {
        let n = pairs.iter().filter(|p| p.1 != 0).count();
        if n == 0 {
            return true;
        }
        let at = self.building.len();
        if self.nkeys + 1 > self.slots.len() * 3 / 4
            || at + 1 > u32::MAX as usize
            || self.find(key).is_some()
        {
            return false;
        }
        self.building.extend_from_slice(&(n as u16).to_le_bytes());
        for &(c, _) in pairs.iter().filter(|p| p.1 != 0) {
            if self.cw == 1 {
                self.building.push(c as u8);
            } else {
                self.building.extend_from_slice(&c.to_le_bytes());
            }
        }
        for &(_, v) in pairs.iter().filter(|p| p.1 != 0) {
            self.building.extend_from_slice(&v.to_le_bytes());
        }
        let mut i = key as usize & self.mask;
        while self.slots[i] != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = fingerprint(key) << 32 | (at as u64 + 1);
        self.keys.push(key);
        self.nkeys += 1;
        self.nweights += n;
        true
    }

    /// Moves the runs into huge-page memory once they are complete.
    fn sealed(mut self) -> Weights {
        self.runs = HugeBuf::from_slice(&std::mem::take(&mut self.building));
        self
    }

    /// The run offset of `key`, if it has weights.
    #[inline]
    fn find(&self, key: u64) -> Option<usize> {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s >> 32 == fp {
                return Some((s as u32 - 1) as usize);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The (key, run offset) of every feature, by key.
    fn sorted_runs(&self) -> Vec<(u64, usize)> {
        let mut v = Vec::with_capacity(self.keys.len());
        let mut at = 0;
        for &k in &self.keys {
            v.push((k, at));
            at += 2 + self.run_len(at) * (self.cw + 2);
        }
        v.sort_unstable();
        v
    }

    #[inline]
    fn run_len(&self, at: usize) -> usize {
        u16::from_le_bytes([self.runs[at], self.runs[at + 1]]) as usize
    }

    fn pairs(&self, at: usize) -> impl Iterator<Item = (u16, i16)> + '_ {
        let n = self.run_len(at);
        let cls = &self.runs[at + 2..at + 2 + n * self.cw];
        let vals = &self.runs[at + 2 + n * self.cw..at + 2 + n * (self.cw + 2)];
        let cw = self.cw;
        (0..n).map(move |i| {
            let c = if cw == 1 {
                cls[i] as u16
            } else {
                u16::from_le_bytes([cls[2 * i], cls[2 * i + 1]])
            };
            (c, i16::from_le_bytes([vals[2 * i], vals[2 * i + 1]]))
        })
    }

    /// Builds weights from real-valued rows `(key, [(class, weight)])`, quantizing them to
    /// 16 bits against the largest magnitude.
    pub(crate) fn from_rows(nclasses: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, (_, v)| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut b = Rows::default();
        for (k, r) in rows {
            b.add(
                *k,
                r.iter()
                    .map(|&(c, v)| (c, (v / scale).round().clamp(-32767.0, 32767.0) as i16)),
            );
        }
        // Keys come from a map, so they are distinct.
        b.build(nclasses, scale).0
    }

    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Number of (feature, class) weights kept.
    pub fn len(&self) -> usize {
        self.nweights
    }

    /// Number of features with at least one weight.
    pub fn features(&self) -> usize {
        self.nkeys
    }

    pub fn is_empty(&self) -> bool {
        self.nweights == 0
    }

    /// Scores every class for the features `feats` into `scores`.
    #[inline]
    pub fn scores(&self, feats: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.nclasses, 0.0);
        let mut found = [0u32; BATCH];
        let mut acc = [0i32; 256];
        for chunk in feats.chunks(BATCH) {
            // Prefetch every slot, then resolve the features and prefetch their runs, then
            // add: the misses of the whole batch are in flight together. A plain loop would
            // wait for each miss in turn, as whether a feature is known is unpredictable.
            for &f in chunk {
                prefetch(self.slots.as_ptr().wrapping_add(f as usize & self.mask));
            }
            let mut m = 0;
            for &f in chunk {
                if let Some(at) = self.find(f) {
                    let p = self.runs.as_ptr().wrapping_add(at);
                    prefetch(p);
                    prefetch(p.wrapping_add(64));
                    found[m] = at as u32;
                    m += 1;
                }
            }
            if self.cw == 1 {
                // Byte class ids index a 256-entry integer accumulator: no bounds checks
                // and no conversions in the inner loop.
                for &at in &found[..m] {
                    let at = at as usize;
                    let n = self.run_len(at);
                    let cls = &self.runs[at + 2..at + 2 + n];
                    let vals = &self.runs[at + 2 + n..at + 2 + 3 * n];
                    for (&c, v) in cls.iter().zip(vals.chunks_exact(2)) {
                        acc[c as usize] += i16::from_le_bytes([v[0], v[1]]) as i32;
                    }
                }
            } else {
                for &at in &found[..m] {
                    for (c, v) in self.pairs(at as usize) {
                        if let Some(s) = scores.get_mut(c as usize) {
                            *s += v as f32;
                        }
                    }
                }
            }
        }
        if self.cw == 1 {
            for (s, a) in scores.iter_mut().zip(acc.iter()) {
                *s = *a as f32;
            }
        }
        for s in scores.iter_mut() {
            *s *= self.scale;
        }
    }

    /// The same weights without those of magnitude below `min` (a smaller, slightly less
    /// accurate model; see `dyad train --prune`).
    pub fn pruned(&self, min: f32) -> Weights {
        let mut b = Rows::default();
        for (k, at) in self.sorted_runs() {
            b.add(
                k,
                self.pairs(at)
                    .filter(|&(_, v)| (v as f32 * self.scale).abs() >= min),
            );
        }
        b.build(self.nclasses, self.scale).0
    }

    /// Writes the weights: class count, scale, then each feature key (ascending) with its
    /// `(class, quantized weight)` pairs.
    pub fn encode(&self, e: &mut Enc) {
        e.u32(QUANTIZED);
        e.len(self.nclasses);
        e.f32(self.scale);
        let runs = self.sorted_runs();
        e.len(runs.len());
        for (k, at) in runs {
            e.u64(k);
            e.u16(self.run_len(at) as u16);
            for (c, v) in self.pairs(at) {
                e.u16(c);
                e.u16(v as u16);
            }
        }
    }

    /// Reads weights written by [`Weights::encode`] (or the earlier unquantized layout).
    pub fn decode(d: &mut Dec) -> Result<Weights, ModelError> {
        let first = d.u32()?;
        if first != QUANTIZED {
            return Weights::decode_unquantized(first as usize, d);
        }
        let nclasses = d.u32()? as usize;
        let scale = d.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(d.corrupt("weight scale is not a positive number"));
        }
        let n = d.len(10)?;
        let mut b = Rows::default();
        b.keys.reserve(n);
        let mut pairs: Vec<(u16, i16)> = Vec::new();
        for _ in 0..n {
            let k = d.u64()?;
            let m = d.u16()? as usize;
            pairs.clear();
            for _ in 0..m {
                pairs.push((d.index(nclasses, "class")?, d.u16()? as i16));
            }
            b.add(k, pairs.iter().copied());
        }
        match b.build(nclasses, scale) {
            (w, true) => Ok(w),
            _ => Err(d.corrupt("a feature key appears twice")),
        }
    }

    fn decode_unquantized(nclasses: usize, d: &mut Dec) -> Result<Weights, ModelError> {
        let n = d.len(10)?;
        let mut rows = Vec::with_capacity(n);
        let mut seen = std::collections::HashSet::with_capacity(n);
        for _ in 0..n {
            let k = d.u64()?;
            let m = d.u16()? as usize;
            let mut r = Vec::with_capacity(m);
            for _ in 0..m {
                r.push((d.index(nclasses, "class")?, d.f32()?));
            }
            if !seen.insert(k) {
                return Err(d.corrupt("a feature key appears twice"));
            }
            rows.push((k, r));
        }
        Ok(Weights::from_rows(nclasses, &rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_sum_the_weights_of_known_features() {
        let rows = vec![
            (7u64, vec![(0u16, 1.0f32), (2, -0.5)]),
            (u64::MAX, vec![(1, 2.0)]),
            (1 << 40 | 7, vec![(2, 1.0)]), // same home slot as 7, other fingerprint
            (9, vec![(0, 0.0)]),           // no weight left: not stored
        ];
        let w = Weights::from_rows(3, &rows);
        assert_eq!((w.len(), w.nkeys), (4, 3));
        let wide = Weights::from_rows(300, &[(3, vec![(299, 1.0), (0, -1.0)])]);
        let mut s = Vec::new();
        wide.scores(&[3], &mut s);
        assert_eq!((s[299], s[0], s[1]), (1.0, -1.0, 0.0));
        let mut s = Vec::new();
        w.scores(&[7, u64::MAX, 12345, 1 << 40 | 7, 9], &mut s);
        let want = [1.0, 2.0, 0.5];
        for (a, b) in s.iter().zip(want) {
            assert!((a - b).abs() < 1e-3, "{s:?}");
        }
        let p = w.pruned(0.9);
        assert_eq!(p.len(), 3);
        let mut e = Enc::default();
        w.encode(&mut e);
        let w2 = Weights::decode(&mut Dec::new(&e.buf)).unwrap();
        let mut s2 = Vec::new();
        w2.scores(&[7, u64::MAX, 1 << 40 | 7], &mut s2);
        assert_eq!(s, s2);
        // A key written twice is a corrupt file, not a silent overwrite.
        let mut e = Enc::default();
        e.u32(QUANTIZED);
        e.len(3);
        e.f32(1.0);
        e.len(2);
        for _ in 0..2 {
            e.u64(5);
            e.u16(1);
            e.u16(0);
            e.u16(1);
        }
        assert!(Weights::decode(&mut Dec::new(&e.buf)).is_err());
    }

    #[test]
    fn many_features_fill_the_table_without_loss() {
        let rows: Vec<(u64, Vec<(u16, f32)>)> = (0..5000u64)
            .map(|k| (crate::hash::finalize(k), vec![((k % 4) as u16, 1.0)]))
            .collect();
        let w = Weights::from_rows(4, &rows);
        let mut s = Vec::new();
        for (k, r) in rows.iter().step_by(97) {
            w.scores(&[*k], &mut s);
            assert!((s[r[0].0 as usize] - 1.0).abs() < 1e-4);
        }
    }
}

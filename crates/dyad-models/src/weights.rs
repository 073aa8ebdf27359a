//! Frozen perceptron weights laid out for fast scoring.
//!
//! A parser decision adds up the weight rows of ~110 hashed features, a tagger or NER word
//! ~45, out of tables of up to 16 MB. Two costs dominate, in about equal parts: the cache and
//! TLB misses of the lookups, and the adding itself (two thousand weights a parser decision).
//! The layout answers both:
//!
//! - an open-addressed table of 8-byte slots (32-bit key fingerprint, 32-bit payload), probed
//!   linearly from the low bits of the key; eight slots share a cache line, so a probe rarely
//!   leaves the first line;
//! - rows with few classes are sparse runs in one flat array of 32-bit entries, each a
//!   class in the low 16 bits and its weight in the high 16, the weights quantized to 16 bits
//!   against one scale per model (the quantization the model file always had); the slot's
//!   payload holds where the run starts and how long it is, so adding a run is one load and
//!   one add a weight; a row of one class (with at most 256 classes) fits in the slot's
//!   payload itself and costs no second miss;
//! - rows with many classes (a sixteenth of the classes or more, see [`dense_min`]: the
//!   frequent features, which make most of the weights added) are dense `i16` rows, added
//!   eight classes at a time with vector instructions
//!   ([`crate::hugemem::add_rows`]) instead of one scattered add per weight;
//! - every array sits on 2 MB pages ([`crate::hugemem::HugeBuf`]), and rows are stored
//!   longest first, so the hot rows get their home slot and share cache lines.
//!
//! [`Weights::scores`] first resolves every feature of a decision to its row and only then
//! adds the rows up, so the table misses of all features are in flight together instead of
//! one after the other. Sums are exact integers until the final scaling, so the layout (and
//! the order of adding) never changes a score. The full 64-bit keys are kept apart, for
//! saving and pruning only, so they take no cache space while scoring.

use std::mem::MaybeUninit;

use crate::codec::{Dec, Enc};
use crate::hugemem::{prefetch, HugeBuf};
use crate::ModelError;

/// Marks the quantized weight layout in model files (no model has this many classes).
const QUANTIZED: u32 = u32::MAX;
/// Features resolved per batch in [`Weights::scores`].
const BATCH: usize = 128;
/// Keys looked ahead while the table is built (see [`Rows::build`]).
const AHEAD: usize = 48;
/// Marks a slot payload that is a dense row number, not a run offset.
const DENSE: u32 = 1 << 31;
/// Marks a slot payload that is a whole one-class row: class in bits 16..24, quantized
/// weight in the low 16 bits (only with at most 256 classes).
const INLINE: u32 = 1 << 30;
/// A slot payload with neither mark is a sparse run: `(start + 1) << RUN_BITS | length`,
/// the length 0 when it does not fit in `RUN_BITS` bits (then the run's first entry holds it).
const RUN_BITS: u32 = 4;
/// Runs end below this entry (the start must fit the payload beside the marks).
const RUN_LIMIT: usize = 1 << (30 - RUN_BITS);
/// Dense rows are padded to a multiple of this many classes (32 bytes: one AVX2 load).
const LANES: usize = 16;

/// Frozen averaged weights: immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Weights {
    nclasses: usize,
    /// Real value of one quantization step.
    scale: f32,
    mask: usize,
    /// `fingerprint << 32 | payload`, the payload being a sparse run (see [`RUN_BITS`]),
    /// `DENSE | row` or an `INLINE` one-class row;
    /// 0 is an empty slot.
    slots: HugeBuf<u64>,
    /// Bytes per class id in the model file's rows: 1 when there are at most 256 classes,
    /// else 2 (then every row is a sparse run).
    cw: usize,
    /// The sparse runs: `(weight as u16) << 16 | class` each.
    runs: HugeBuf<u32>,
    /// Dense rows of `stride` weights each (only with at most 256 classes).
    dense: HugeBuf<i16>,
    stride: usize,
    /// Each feature's key, in the order they were stored (its payload is in its slot: see
    /// [`Weights::entries`]; 8 bytes a feature kept, not 16 with the payload beside it).
    keys: Vec<u64>,
    nweights: usize,
}

#[inline]
fn fingerprint(key: u64) -> u64 {
    key >> 32
}

/// Rows with at least this many classes are stored dense. A sparse weight costs a scattered
/// add of its own (about seven instructions with the loop), a dense row one vector add per
/// eight classes ([`crate::hugemem::add_rows`]), so from a sixteenth of the
/// classes on the dense row is the cheaper one. The rows that long are the frequent
/// features (a perceptron gives a feature more classes the more often it is updated), a few
/// hundred thousand rows: the models take about 15 MB more memory than with a quarter of the
/// classes as the bound (EWT test, `examples/speed`: 85 -> 100 MB resident), for about 15%
/// more tokens a second.
fn dense_min(nclasses: usize) -> usize {
    (nclasses / 16).max(4)
}

/// Quantized rows gathered before the table is built, so that they can be stored hottest
/// first (see [`Rows::build`]): each row's `(class: u16, weight: i16)` pairs, little-endian,
/// four bytes a pair, the layout of the model file itself, so a model being loaded is built
/// straight from the decompressed payload (no copy of its four million pairs).
#[derive(Default)]
struct Rows {
    /// `(key, offset, count)` of each row's pairs in `bytes`.
    keys: Vec<(u64, u32, u32)>,
    bytes: Vec<u8>,
}

impl Rows {
    /// Adds the row of feature `key`; zero weights are dropped, and a row left empty too.
    fn add(&mut self, key: u64, pairs: impl Iterator<Item = (u16, i16)>) {
        let start = self.bytes.len();
        for (c, v) in pairs.filter(|p| p.1 != 0) {
            self.bytes.extend_from_slice(&c.to_le_bytes());
            self.bytes.extend_from_slice(&v.to_le_bytes());
        }
        let n = (self.bytes.len() - start) / 4;
        if n > 0 {
            let start = u32::try_from(start).expect("weight rows over 4 GB");
            self.keys.push((key, start, n as u32));
        }
    }

    /// The frozen table, and false when a key occurred twice (kept once) or the rows do not
    /// fit the layout (over 64M weights in runs).
    fn build(self, nclasses: usize, scale: f32) -> (Weights, bool) {
        build(&self.keys, &self.bytes, false, nclasses, scale)
    }
}

/// The frozen table of the rows `keys` (see [`Rows`] for where their pairs are), and false
/// when a key occurred twice (kept once) or the rows do not fit the layout (over 64M weights
/// in runs).
///
/// Rows go in longest first. A feature with many classes is one the perceptron updated
/// often in training, so one that is frequent: inserting those first gives them their
/// home slot (one probe), and their rows end up side by side at the start of the arrays,
/// a few hundred kilobytes that stay in cache instead of lines shared with rare
/// features. The order changes where things are, never what a lookup finds.
fn build(
    keys: &[(u64, u32, u32)],
    bytes: &[u8],
    ascending: bool,
    nclasses: usize,
    scale: f32,
) -> (Weights, bool) {
    if nclasses <= 256 {
        build_cw::<1>(keys, bytes, ascending, nclasses, scale)
    } else {
        build_cw::<2>(keys, bytes, ascending, nclasses, scale)
    }
}

/// [`build`] with `CW` bytes a class id in the runs (1 with at most 256 classes, else 2).
fn build_cw<const CW: usize>(
    keys: &[(u64, u32, u32)],
    bytes: &[u8],
    ascending: bool,
    nclasses: usize,
    scale: f32,
) -> (Weights, bool) {
    let order = hottest_first(keys, ascending);
    // Load factor between 0.33 and 0.67.
    let cap = (order.len().max(1) * 3 / 2 + 1).next_power_of_two().max(8);
    let cw = CW;
    let (stride, min) = if cw == 1 {
        (nclasses.next_multiple_of(LANES), dense_min(nclasses))
    } else {
        (0, usize::MAX)
    };
    // The arrays are sized first and written in place: no growing vectors copied into
    // the huge pages at the end.
    let (mut ndense, mut nruns) = (0usize, 0usize);
    for &(_, _, n) in keys {
        if n as usize >= min {
            ndense += 1;
        } else if !(cw == 1 && n == 1) {
            nruns += n as usize + (n >= 1 << RUN_BITS) as usize;
        }
    }
    let mut slots = HugeBuf::<u64>::zeroed(cap);
    let mut dense = HugeBuf::<i16>::zeroed(ndense * stride);
    let mut runs = HugeBuf::<u32>::zeroed(nruns);
    let (mut dense_rows, mut at) = (0usize, 0usize);
    let mut stored = Vec::with_capacity(keys.len());
    let (mut ok, mut nweights) = (true, 0);
    let mask = cap - 1;
    for (j, &r) in order.iter().enumerate() {
        let (k, off, n) = keys[r as usize];
        let off = off as usize;
        // The home slots and rows of the next keys are fetched while this one goes in:
        // inserting is one cache miss after another otherwise.
        if let Some(&r2) = order.get(j + AHEAD) {
            let (k2, o2, _) = keys[r2 as usize];
            prefetch(slots.as_ptr().wrapping_add(k2 as usize & mask));
            prefetch(bytes.as_ptr().wrapping_add(o2 as usize));
        }
        // `(class, weight)` as two little-endian u16 each; classes are below `nclasses`.
        let row = &bytes[off..off + 4 * n as usize];
        let len = n as usize;
        // The slot where `k` goes: the first empty one from its home, unless a key with
        // the same fingerprint comes first (what [`probe`] would find).
        let fp = fingerprint(k);
        let mut i = k as usize & mask;
        let mut taken = false;
        while slots[i] != 0 {
            if slots[i] >> 32 == fp {
                taken = true;
                break;
            }
            i = (i + 1) & mask;
        }
        if taken {
            ok = false;
            continue;
        }
        let payload = if cw == 1 && len == 1 {
            // The row fits the slot: no second miss to fetch it.
            INLINE | (row[0] as u32) << 16 | u16::from_le_bytes([row[2], row[3]]) as u32
        } else if len >= min {
            let d = &mut dense[dense_rows * stride..(dense_rows + 1) * stride];
            for p in row.chunks_exact(4) {
                d[p[0] as usize] = i16::from_le_bytes([p[2], p[3]]);
            }
            dense_rows += 1;
            DENSE | (dense_rows - 1) as u32
        } else {
            let long = len >= 1 << RUN_BITS;
            let size = len + long as usize;
            if at + size >= RUN_LIMIT {
                ok = false;
                continue;
            }
            let run = &mut runs[at..at + size];
            if long {
                run[0] = len as u32;
            }
            for (e, p) in run[long as usize..].iter_mut().zip(row.chunks_exact(4)) {
                *e = u32::from_le_bytes([p[0], p[1], p[2], p[3]]);
            }
            at += size;
            ((at - size + 1) as u32) << RUN_BITS | if long { 0 } else { len as u32 }
        };
        slots[i] = fp << 32 | payload as u64;
        stored.push(k);
        nweights += len;
    }
    // Only rows skipped as repeated keys leave room at the ends.
    dense.truncate(dense_rows * stride);
    runs.truncate(at);
    let w = Weights {
        nclasses,
        scale,
        mask,
        slots,
        cw,
        runs,
        dense,
        stride,
        keys: stored,
        nweights,
    };
    (w, ok)
}

/// The indices of the rows in `keys`, longest first, and by key among rows of one length:
/// what a stable sort on `(length descending, key)` gives, by counting the lengths (the rows
/// of a model file come by key already, so a bucket rarely needs sorting). Indices, not
/// copies of the rows: a fifth of the memory to write.
///
/// With `ascending` (the keys come in key order) the buckets are in key order already.
fn hottest_first(keys: &[(u64, u32, u32)], ascending: bool) -> Vec<u32> {
    assert!(keys.len() <= u32::MAX as usize, "too many weight rows");
    let longest = keys.iter().map(|r| r.2 as usize).max().unwrap_or(0);
    // first[n]: where the rows of length n start in the output.
    let mut first = vec![0usize; longest + 2];
    for r in keys {
        first[longest - r.2 as usize + 1] += 1;
    }
    for n in 1..first.len() {
        first[n] += first[n - 1];
    }
    let bounds = first.clone();
    let mut order = vec![0u32; keys.len()];
    for (i, r) in keys.iter().enumerate() {
        let slot = &mut first[longest - r.2 as usize];
        order[*slot] = i as u32;
        *slot += 1;
    }
    if ascending {
        return order;
    }
    for w in bounds.windows(2) {
        let bucket = &mut order[w[0]..w[1]];
        if !bucket.is_sorted_by_key(|&i| keys[i as usize].0) {
            bucket.sort_by_key(|&i| keys[i as usize].0);
        }
    }
    order
}

/// The largest class of the `(class, weight)` pairs of `row` and its number of zero
/// weights, without a branch per pair.
#[inline(always)]
fn row_stats(row: &[u8]) -> (u16, u32) {
    let (mut top, mut zeros) = (0u16, 0u32);
    // Each pair read as one little-endian word: the class in the low half, the weight in
    // the high half.
    for p in row.chunks_exact(4) {
        let w = u32::from_le_bytes([p[0], p[1], p[2], p[3]]);
        top = top.max(w as u16);
        zeros += (w >> 16 == 0) as u32;
    }
    (top, zeros)
}

/// Reads up to `n` weight rows from `pos` in `data` while they are whole, not empty, with
/// classes below `nclasses` and no zero weight (every row of a file this crate wrote),
/// adding `(key, offset of the pairs, count)` to `keys`; returns the rows read and the
/// offset after them. Any other row is left to the caller, which words the error.
#[inline(never)]
fn scan_clean_rows(
    data: &[u8],
    mut pos: usize,
    n: usize,
    nclasses: usize,
    keys: &mut Vec<(u64, u32, u32)>,
) -> (usize, usize) {
    let mut done = 0;
    while done < n {
        let Some((head, tail)) = data[pos..].split_first_chunk::<10>() else {
            break;
        };
        let k = u64::from_le_bytes([
            head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
        ]);
        let m = u16::from_le_bytes([head[8], head[9]]) as usize;
        let Some(row) = tail.get(..4 * m) else {
            break;
        };
        let (top, zeros) = row_stats(row);
        if m == 0 || zeros > 0 || top as usize >= nclasses {
            break;
        }
        // Offsets fit 32 bits: the caller checked the payload's length.
        keys.push((k, (pos + 10) as u32, m as u32));
        pos += 10 + 4 * m;
        done += 1;
    }
    (done, pos)
}

/// The error of the first pair of `row` (at `start` in the payload) whose class is not
/// below `nclasses`.
#[cold]
#[inline(never)]
fn class_out_of_range(row: &[u8], start: usize, nclasses: usize) -> ModelError {
    let (i, c) = row
        .chunks_exact(4)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .enumerate()
        .find(|&(_, c)| c as usize >= nclasses)
        .unwrap_or((0, 0));
    ModelError::Corrupt {
        path: String::new(),
        offset: start + 4 * i,
        what: format!("class index {c} out of range (< {nclasses})"),
    }
}

/// The payload of `key` in `slots` (`mask + 1` of them, a power of two), if it is there.
#[inline(always)]
fn probe(slots: &[u64], mask: usize, key: u64) -> Option<u32> {
    let fp = fingerprint(key);
    let mut i = key as usize & mask;
    loop {
        let s = slots[i & mask];
        if s == 0 {
            return None;
        }
        if s >> 32 == fp {
            return Some(s as u32);
        }
        i = (i + 1) & mask;
    }
}

impl Weights {
    /// The `(class, quantized weight)` pairs of the row with `payload`, by class.
    fn pairs(&self, payload: u32) -> Vec<(u16, i16)> {
        if payload & DENSE == 0 && payload & INLINE != 0 {
            return vec![((payload >> 16) as u8 as u16, payload as u16 as i16)];
        }
        if payload & DENSE != 0 {
            let r = (payload & !DENSE) as usize;
            let row = &self.dense[r * self.stride..(r + 1) * self.stride];
            return (0..self.nclasses)
                .filter(|&c| row[c] != 0)
                .map(|c| (c as u16, row[c]))
                .collect();
        }
        let (at, n) = self.run(payload);
        self.runs[at..at + n]
            .iter()
            .map(|&e| (e as u16, (e >> 16) as u16 as i16))
            .collect()
    }

    /// Where the run of `payload` starts in `runs` and its length.
    #[inline(always)]
    fn run(&self, payload: u32) -> (usize, usize) {
        let at = (payload >> RUN_BITS) as usize - 1;
        match (payload & ((1 << RUN_BITS) - 1)) as usize {
            0 => (at + 1, self.runs[at] as usize),
            n => (at, n),
        }
    }

    /// The (key, payload) of every feature, in the order they were stored.
    fn entries(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.keys.iter().map(|&k| {
            let p = probe(&self.slots, self.mask, k).expect("a stored key is in the table");
            (k, p)
        })
    }

    /// The (key, payload) of every feature, by key.
    fn sorted_keys(&self) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = self.entries().collect();
        v.sort_unstable();
        v
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

    /// The real-valued rows `(key, [(class, weight)])`, keys ascending: the inverse of
    /// [`Weights::from_rows`] (used to average several NER models).
    pub(crate) fn to_rows(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        self.sorted_keys()
            .into_iter()
            .map(|(k, p)| {
                let row = self.pairs(p).into_iter();
                (k, row.map(|(c, v)| (c, v as f32 * self.scale)).collect())
            })
            .collect()
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
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nweights == 0
    }

    /// Scores every class for the features `feats` into `scores`.
    #[inline]
    pub fn scores(&self, feats: &[u64], scores: &mut Vec<f32>) {
        if self.integer_sums() {
            let mut acc = [0i32; 256];
            self.accumulate(feats, &mut acc);
            self.finish(&acc, scores);
            return;
        }
        scores.clear();
        scores.resize(self.nclasses, 0.0);
        for chunk in feats.chunks(BATCH) {
            for &f in chunk {
                if let Some(p) = probe(&self.slots, self.mask, f) {
                    for (c, v) in self.pairs(p) {
                        if let Some(s) = scores.get_mut(c as usize) {
                            *s += v as f32;
                        }
                    }
                }
            }
        }
        for s in scores.iter_mut() {
            *s *= self.scale;
        }
    }

    /// [`Weights::scores`] with the caller's accumulator, of which only the sums
    /// [`Weights::accumulate`] can reach are cleared here (a few cache lines instead of the
    /// whole array a call would clear for a model with few classes).
    #[inline]
    pub(crate) fn scores_with(&self, feats: &[u64], acc: &mut [i32; 256], scores: &mut Vec<f32>) {
        if !self.integer_sums() {
            self.scores(feats, scores);
            return;
        }
        acc[..self.width()].fill(0);
        self.accumulate(feats, acc);
        self.finish(acc, scores);
    }

    /// [`Weights::scores_with`] of features whose table slots the caller has just started
    /// loading ([`Weights::prefetch`]): the same scores, without prefetching the slots again.
    #[inline]
    pub(crate) fn scores_prefetched(
        &self,
        feats: &[u64],
        acc: &mut [i32; 256],
        scores: &mut Vec<f32>,
    ) {
        if !self.integer_sums() {
            self.scores(feats, scores);
            return;
        }
        acc[..self.width()].fill(0);
        self.accumulate_prefetched(feats, acc);
        self.finish(acc, scores);
    }

    /// The sums [`Weights::accumulate`] can change: those of the classes, and of the padding
    /// of a dense row (only with [`Weights::integer_sums`]).
    #[inline]
    pub(crate) fn width(&self) -> usize {
        self.stride.max(self.nclasses).min(256)
    }

    /// True when [`Weights::accumulate`] can be used: at most 256 classes (every model of
    /// dyad). Larger label sets are scored by [`Weights::scores`] alone.
    pub(crate) fn integer_sums(&self) -> bool {
        self.cw == 1
    }

    /// Adds the quantized weights of `feats` into `acc` (one integer per class), exactly:
    /// the sums of several calls can be kept, combined in any order and turned into scores
    /// by [`Weights::finish`], with the same result as one call on all the features.
    /// Only when [`Weights::integer_sums`].
    #[inline]
    pub(crate) fn accumulate(&self, feats: &[u64], acc: &mut [i32; 256]) {
        debug_assert!(self.integer_sums());
        // The dense row width of dyad's models as a constant: the rows' cache lines are
        // then prefetched by straight-line code and their offsets need no multiply.
        match self.stride {
            16 => self.accumulate_n::<2, false>(feats, acc),
            112 => self.accumulate_n::<14, false>(feats, acc),
            _ => self.accumulate_n::<0, false>(feats, acc),
        }
    }

    /// [`Weights::accumulate`] of features whose table slots the caller has just started
    /// loading ([`Weights::prefetch`]): the same sums, without prefetching the slots again.
    #[inline]
    pub(crate) fn accumulate_prefetched(&self, feats: &[u64], acc: &mut [i32; 256]) {
        debug_assert!(self.integer_sums());
        match self.stride {
            16 => self.accumulate_n::<2, true>(feats, acc),
            112 => self.accumulate_n::<14, true>(feats, acc),
            _ => self.accumulate_n::<0, true>(feats, acc),
        }
    }

    /// [`Weights::accumulate`] for dense rows of `8 * N` classes (`N == 0`: any stride);
    /// with `PREFETCHED` the slots of `feats` are already on their way (only the first
    /// batch's: a longer list is prefetched here batch by batch as usual).
    #[inline(always)]
    fn accumulate_n<const N: usize, const PREFETCHED: bool>(
        &self,
        feats: &[u64],
        acc: &mut [i32; 256],
    ) {
        let stride = if N > 0 { 8 * N } else { self.stride };
        // The rows of a batch to add: run offsets and dense row numbers. Only the first `m`
        // and `k` are ever read, all written first, so the arrays are not cleared (a
        // kilobyte of stores per call otherwise).
        let mut sparse = [MaybeUninit::<u32>::uninit(); BATCH];
        let mut dense = [MaybeUninit::<u32>::uninit(); BATCH];
        let row_lines = (stride * 2).div_ceil(64);
        // Sliced to `mask + 1` slots once, so that a probe's `i & mask` needs no bounds check.
        let slots = &self.slots[..=self.mask];
        for (b, chunk) in feats.chunks(BATCH).enumerate() {
            // Prefetch every slot, then resolve the features and prefetch their rows, then
            // add: the misses of the whole batch are in flight together. A plain loop would
            // wait for each miss in turn, as whether a feature is known is unpredictable.
            if !(PREFETCHED && b == 0) {
                for &f in chunk {
                    prefetch(slots.as_ptr().wrapping_add(f as usize & self.mask));
                }
            }
            let (mut m, mut k) = (0, 0);
            for &f in chunk {
                let Some(p) = probe(slots, self.mask, f) else {
                    continue;
                };
                if p & DENSE == 0 && p & INLINE != 0 {
                    acc[(p >> 16) as u8 as usize] += p as u16 as i16 as i32;
                } else if p & DENSE != 0 {
                    let r = (p & !DENSE) as usize * stride;
                    let row = self.dense.as_ptr().wrapping_add(r) as *const u8;
                    for l in 0..row_lines {
                        prefetch(row.wrapping_add(64 * l));
                    }
                    dense[k] = MaybeUninit::new(p & !DENSE);
                    k += 1;
                } else {
                    let q = self
                        .runs
                        .as_ptr()
                        .wrapping_add((p >> RUN_BITS) as usize - 1);
                    // A run of a model with at most 256 classes has fewer than 16 entries
                    // (see [`dense_min`]); those of dyad's models at most five.
                    prefetch(q);
                    prefetch(q.wrapping_add(4));
                    sparse[m] = MaybeUninit::new(p);
                    m += 1;
                }
            }
            // Byte class ids index a 256-entry integer accumulator: no bounds checks in the
            // inner loop.
            // SAFETY: the first `m` payloads were written just above.
            let sparse = unsafe { std::slice::from_raw_parts(sparse.as_ptr() as *const u32, m) };
            for &p in sparse {
                let (at, n) = self.run(p);
                for &e in &self.runs[at..at + n] {
                    acc[e as u8 as usize] += (e as i32) >> 16;
                }
            }
            // SAFETY: the first `k` row numbers were written just above.
            let dense = unsafe { std::slice::from_raw_parts(dense.as_ptr() as *const u32, k) };
            crate::hugemem::add_rows_n::<N>(acc, &self.dense, dense, stride);
        }
    }

    /// Starts loading the table slot of feature `key` (see [`Weights::prefetch`]).
    #[inline(always)]
    pub(crate) fn prefetch_key(&self, key: u64) {
        prefetch(self.slots.as_ptr().wrapping_add(key as usize & self.mask));
    }

    /// Starts loading the table slots of `feats`, for a caller about to accumulate several
    /// lists in a row: their misses then overlap as those of one list do.
    #[inline]
    pub(crate) fn prefetch(&self, feats: &[u64]) {
        for &f in feats {
            prefetch(self.slots.as_ptr().wrapping_add(f as usize & self.mask));
        }
    }

    /// The scores of the integer sums `acc` of [`Weights::accumulate`].
    #[inline]
    pub(crate) fn finish(&self, acc: &[i32; 256], scores: &mut Vec<f32>) {
        scores.clear();
        scores.extend(acc[..self.nclasses].iter().map(|&a| a as f32 * self.scale));
    }

    /// [`Weights::scores`] the plain way, for tests: each feature found by a scan of the key
    /// list, its weights added one by one.
    #[cfg(test)]
    pub(crate) fn scores_reference(&self, feats: &[u64], scores: &mut Vec<f32>) {
        let mut acc = vec![0i64; self.nclasses];
        for f in feats {
            if let Some((_, p)) = self.entries().find(|(k, _)| k == f) {
                for (c, v) in self.pairs(p) {
                    acc[c as usize] += v as i64;
                }
            }
        }
        scores.clear();
        scores.extend(acc.iter().map(|&a| a as f32 * self.scale));
    }

    /// The same weights without those of magnitude below `min` (a smaller, slightly less
    /// accurate model; see `dyad train --prune`).
    pub fn pruned(&self, min: f32) -> Weights {
        let mut b = Rows::default();
        for (k, p) in self.sorted_keys() {
            b.add(
                k,
                self.pairs(p)
                    .into_iter()
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
        let keys = self.sorted_keys();
        e.len(keys.len());
        for (k, p) in keys {
            e.u64(k);
            let pairs = self.pairs(p);
            e.u16(pairs.len() as u16);
            for (c, v) in pairs {
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
        // Rows are found by 32-bit offsets (16 bytes a row to write and read back, not 24).
        if d.data().len() > u32::MAX as usize {
            return Err(d.corrupt("payload over 4 GB"));
        }
        // One pass over the rows in file order checks their classes and finds each row's
        // place in the payload; the table is then built from the payload bytes themselves.
        let data = d.data();
        let mut keys: Vec<(u64, u32, u32)> = Vec::with_capacity(n);
        // The rows without their zero weights, once a row has some (a file this crate did
        // not write): then every row is copied here and the table built from this.
        let mut own: Option<Vec<u8>> = None;
        // Read from a local offset (the decoder's is set at the end or at an error): a
        // million small reads otherwise each store it back.
        let mut pos = d.position();
        let mut left = n;
        while left > 0 {
            if own.is_none() {
                // The common rows in a tight loop; it stops at any other.
                let (done, p) = scan_clean_rows(data, pos, left, nclasses, &mut keys);
                (left, pos) = (left - done, p);
                if left == 0 {
                    break;
                }
            }
            left -= 1;
            let rest = &data[pos..];
            // The key and the count in one read, then the row in one piece: `(class,
            // weight)` as two u16 each.
            let Some((head, tail)) = rest.split_first_chunk::<10>() else {
                return Err(d.truncated_at(pos, "weight row"));
            };
            let k = u64::from_le_bytes([
                head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
            ]);
            let m = u16::from_le_bytes([head[8], head[9]]) as usize;
            if tail.len() < 4 * m {
                return Err(d.truncated_at(pos + 10, "weight row"));
            }
            let start = pos + 10;
            let row = &tail[..4 * m];
            pos = start + 4 * m;
            let (top, zeros) = row_stats(row);
            if m > 0 && top as usize >= nclasses {
                d.seek(pos);
                return Err(class_out_of_range(row, start, nclasses));
            }
            let kept = m as u32 - zeros;
            if kept == 0 {
                continue;
            }
            if zeros > 0 && own.is_none() {
                let mut v = Vec::new();
                for r in keys.iter_mut() {
                    let at = v.len();
                    let off = r.1 as usize;
                    v.extend_from_slice(&data[off..off + 4 * r.2 as usize]);
                    r.1 = at as u32;
                }
                own = Some(v);
            }
            match own.as_mut() {
                None => keys.push((k, start as u32, kept)),
                Some(v) => {
                    let at = v.len();
                    for p in row.chunks_exact(4).filter(|p| (p[2] | p[3]) != 0) {
                        v.extend_from_slice(p);
                    }
                    keys.push((k, at as u32, kept));
                }
            }
        }
        d.seek(pos);
        // Whether the keys come ascending, as [`Weights::encode`] writes them: then rows of
        // one length are in key order already (see [`hottest_first`]).
        let ascending = keys.windows(2).all(|w| w[0].0 < w[1].0);
        let (w, ok) = build(
            &keys,
            own.as_deref().unwrap_or(data),
            ascending,
            nclasses,
            scale,
        );
        drop(own);
        drop(keys);
        crate::hugemem::return_freed_memory();
        if !ok {
            return Err(d.corrupt("a feature key appears twice"));
        }
        Ok(w)
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
        assert_eq!((w.len(), w.features()), (4, 3));
        // Over 256 classes every row is a run, some longer than a payload can count (the
        // length then leads the run), and they come back whole from the file format.
        let long: Vec<(u16, f32)> = (0..40).map(|c| (c * 7, c as f32 - 20.5)).collect();
        let rows = vec![
            (3, vec![(299, 1.0), (0, -1.0)]),
            (4, long.clone()),
            (5, long[..15].to_vec()),
            (6, vec![(280, 2.0)]),
        ];
        let wide = Weights::from_rows(300, &rows);
        let mut s = Vec::new();
        wide.scores(&[3], &mut s);
        let near = |a: f32, b: f32| (a - b).abs() < 1e-2;
        assert!(
            near(s[299], 1.0) && near(s[0], -1.0) && s[1] == 0.0,
            "{s:?}"
        );
        let mut want = Vec::new();
        wide.scores(&[4, 3, 6, 5, 9], &mut s);
        wide.scores_reference(&[4, 3, 6, 5, 9], &mut want);
        assert_eq!(s, want);
        assert!(near(s[7 * 39], long[39].1) && near(s[280], 2.0) && near(s[0], -42.0));
        let mut e = Enc::default();
        wide.encode(&mut e);
        let back = Weights::decode(&mut Dec::new(&e.buf)).unwrap();
        assert_eq!(back.to_rows(), wide.to_rows());
        assert_eq!(wide.to_rows()[1].1.len(), 40);
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

    /// The scorer (slot table, sparse runs, dense vector rows, batches) gives exactly the
    /// scores of the plain sum over a key list, on a model trained here whose rows range from
    /// one class to all of them.
    #[test]
    fn optimised_scores_equal_the_reference_on_a_trained_model() {
        use crate::hash::{feat, Rng};
        use crate::perceptron::{argmax, Trainer};
        let nclasses = 100;
        let mut t = Trainer::new(nclasses);
        let mut rng = Rng::new(11);
        let mut scores = Vec::new();
        // Feature k % 7 == 0 is shared by many classes (a long, dense row), the others are
        // rarer, template 98 rarest (rows of two or three classes: sparse runs); the class
        // depends on the first two features.
        let example = |rng: &mut Rng| {
            let a = rng.next_u64() % 300;
            let b = rng.next_u64() % 50;
            let rare = rng.next_u64() % 3000;
            let feats: Vec<u64> = (0..12)
                .map(|k| {
                    feat(
                        k,
                        if k < 2 {
                            [a, b][k as usize]
                        } else {
                            rng.next_u64() % 90
                        },
                    )
                })
                .chain([feat(99, 0), feat(7, b % 3), feat(98, rare)])
                .collect();
            (feats, ((a * 7 + b) % nclasses as u64) as usize)
        };
        for _ in 0..4000 {
            let (feats, gold) = example(&mut rng);
            t.scores(&feats, &mut scores);
            let guess = argmax(&scores, |_| true).unwrap();
            t.tick();
            t.update(&feats, gold, guess);
        }
        let w = t.average(0.0);
        assert!(
            w.stride > 0 && !w.dense.is_empty() && !w.runs.is_empty(),
            "{} {} {}",
            w.stride,
            w.dense.len(),
            w.runs.len()
        );
        let dense_rows = w.entries().filter(|k| k.1 & DENSE != 0).count();
        assert!(dense_rows > 0 && dense_rows < w.features(), "{dense_rows}");
        let mut want = Vec::new();
        for i in 0..500 {
            let (mut feats, _) = example(&mut rng);
            if i % 50 == 0 {
                // Over one batch, with repeats and unknown keys.
                feats = feats.repeat(20);
                feats.push(12345);
            }
            w.scores(&feats, &mut scores);
            w.scores_reference(&feats, &mut want);
            assert_eq!(scores.len(), nclasses);
            for (a, b) in scores.iter().zip(&want) {
                assert_eq!(a.to_bits(), b.to_bits(), "{scores:?} vs {want:?}");
            }
        }
        // The same after a round trip through the file format, and after pruning.
        let mut e = Enc::default();
        w.encode(&mut e);
        let back = Weights::decode(&mut Dec::new(&e.buf)).unwrap();
        let mut e2 = Enc::default();
        back.encode(&mut e2);
        assert_eq!(e.buf, e2.buf);
        let p = w.pruned(0.5);
        assert!(p.len() < w.len());
        // Training updates two classes at a time; pruning leaves rows of one class, which
        // live in their slot. Runs, slot rows and dense rows all occur and sum exactly.
        let inline = |p: u32| p & DENSE == 0 && p & INLINE != 0;
        assert!(p.entries().any(|k| inline(k.1)));
        assert!(p.entries().any(|k| k.1 & (DENSE | INLINE) == 0));
        assert!(p.entries().any(|k| k.1 & DENSE != 0));
        for _ in 0..200 {
            let (feats, _) = example(&mut rng);
            p.scores(&feats, &mut scores);
            p.scores_reference(&feats, &mut want);
            assert_eq!(scores, want);
        }
        let mut e = Enc::default();
        p.encode(&mut e);
        let p_back = Weights::decode(&mut Dec::new(&e.buf)).unwrap();
        assert_eq!(p_back.to_rows(), p.to_rows());
        let (feats, _) = example(&mut rng);
        back.scores(&feats, &mut scores);
        w.scores_reference(&feats, &mut want);
        assert_eq!(scores, want);
        p.scores(&feats, &mut scores);
        p.scores_reference(&feats, &mut want);
        assert_eq!(scores, want);
    }

    /// Rows with zero weights in the file (which this crate never writes) load as the same
    /// table as the file without them, and a class out of range is reported at its pair.
    #[test]
    fn zero_weights_in_a_file_are_dropped_and_bad_classes_located() {
        let file = |rows: &[(u64, &[(u16, i16)])]| {
            let mut e = Enc::default();
            e.u32(QUANTIZED);
            e.len(40);
            e.f32(0.5);
            e.len(rows.len());
            for (k, r) in rows {
                e.u64(*k);
                e.u16(r.len() as u16);
                for &(c, v) in r.iter() {
                    e.u16(c);
                    e.u16(v as u16);
                }
            }
            e.buf
        };
        let long: Vec<(u16, i16)> = (0..20).map(|c| (c, c as i16 - 3)).collect();
        let long_clean: Vec<(u16, i16)> = long.iter().copied().filter(|p| p.1 != 0).collect();
        // Clean rows before the first zero weight are copied too.
        let with_zeros = file(&[
            (0, &[(1, 4), (2, 4)]),
            (1, &[(0, 5), (3, 0), (7, -2)]),
            (2, &[(1, 0)]),
            (3, &[(2, 0), (39, 9)]),
            (4, &long),
            (5, &[(4, 1), (6, 2), (8, 3)]),
        ]);
        let clean = file(&[
            (0, &[(1, 4), (2, 4)]),
            (1, &[(0, 5), (7, -2)]),
            (3, &[(39, 9)]),
            (4, &long_clean),
            (5, &[(4, 1), (6, 2), (8, 3)]),
        ]);
        let a = Weights::decode(&mut Dec::new(&with_zeros)).unwrap();
        let b = Weights::decode(&mut Dec::new(&clean)).unwrap();
        assert_eq!((a.len(), a.features()), (b.len(), b.features()));
        assert_eq!(a.sorted_keys(), b.sorted_keys());
        assert_eq!(&a.slots[..], &b.slots[..]);
        assert_eq!(&a.runs[..], &b.runs[..]);
        assert_eq!(&a.dense[..], &b.dense[..]);
        assert!(a.entries().any(|k| k.1 & DENSE != 0));
        assert!(a.entries().any(|k| k.1 & (DENSE | INLINE) == 0));
        let mut e = Enc::default();
        a.encode(&mut e);
        assert_eq!(e.buf, clean);

        // Class 40 of 40, the second pair of the second row: header 16 bytes, first row
        // 10 + 4, second row's head 10, its first pair 4.
        let bad = file(&[(1, &[(0, 5)]), (2, &[(1, 1), (40, 1), (41, 1)])]);
        match Weights::decode(&mut Dec::new(&bad)) {
            Err(ModelError::Corrupt { offset, what, .. }) => {
                assert_eq!(offset, 16 + 14 + 10 + 4);
                assert_eq!(what, "class index 40 out of range (< 40)");
            }
            other => panic!("{other:?}"),
        }
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

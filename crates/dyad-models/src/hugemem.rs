//! Memory helpers of the weight tables ([`crate::weights`]): buffers on transparent huge
//! pages, software prefetch, and the vector loop that adds dense weight rows.
//!
//! They are apart from the table logic because they are the only unsafe code of the crate
//! (a kernel hint, a prefetch instruction and a CPU-feature dispatch), each a few lines with
//! its safety argument.

/// The size of a transparent huge page on x86-64 and aarch64 Linux.
const HUGE: usize = 2 << 20;
/// The size of a small page (a multiple of the real one everywhere dyad runs).
const SMALL: usize = 4096;

/// A fixed-size buffer placed at a 2 MB boundary and rounded up to whole 2 MB pages, which the
/// kernel is asked to back with transparent huge pages: scoring touches random places in
/// tables of tens of megabytes, where 4 KB pages make nearly every lookup a TLB miss as well
/// as a cache miss (a costly one under virtualisation, where a page walk is two-dimensional).
/// A plain allocation only gets huge pages for the 2 MB pages wholly inside it, which leaves
/// the small tables and the ends of the big ones on 4 KB pages; hence the alignment.
///
/// The memory is mapped straight from the kernel (one huge page more than needed, to align
/// the start), not taken from the allocator: a heap block may already be backed by small
/// pages, and the unused head and tail of the mapping are never touched, so they cost
/// address space, not memory.
pub(crate) struct HugeBuf<T: Zeroed> {
    ptr: *mut T,
    len: usize,
    /// The values that fit the mapped pages from `ptr` on (at least `len`).
    cap: usize,
    /// The whole mapping (null for an empty buffer).
    map: *mut libc::c_void,
    map_len: usize,
}

/// Types for which all-zero bytes are a valid value: what a fresh mapping holds.
pub(crate) trait Zeroed: Copy {}
impl Zeroed for u8 {}
impl Zeroed for i16 {}
impl Zeroed for u32 {}
impl Zeroed for u64 {}

// SAFETY: a HugeBuf owns its memory exclusively, like a Vec<T>; it holds plain integers.
unsafe impl<T: Zeroed + Send> Send for HugeBuf<T> {}
// SAFETY: shared access only reads, as for a Vec<T>.
unsafe impl<T: Zeroed + Sync> Sync for HugeBuf<T> {}

impl<T: Zeroed> HugeBuf<T> {
    /// A copy of `v` in huge-page memory (where the kernel grants it).
    pub(crate) fn from_slice(v: &[T]) -> HugeBuf<T> {
        let mut h = HugeBuf::zeroed(v.len());
        h.copy_from_slice(v);
        h
    }

    /// `len` zero values.
    pub(crate) fn zeroed(len: usize) -> HugeBuf<T> {
        let raw = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("buffer size overflows");
        if raw == 0 {
            return HugeBuf {
                ptr: std::ptr::NonNull::dangling().as_ptr(),
                len: 0,
                cap: 0,
                map: std::ptr::null_mut(),
                map_len: 0,
            };
        }
        // Under 1 MB a buffer spans few small pages, and a huge one would mostly be waste.
        let (bytes, align) = if raw < HUGE / 2 {
            (raw.next_multiple_of(SMALL), 0)
        } else {
            (raw.next_multiple_of(HUGE), HUGE)
        };
        let map_len = bytes + align;
        // SAFETY: an anonymous private mapping of fresh zeroed pages; no file, no aliasing.
        let map = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if map == libc::MAP_FAILED {
            // Out of memory, as a failed Vec allocation would be.
            let layout = std::alloc::Layout::from_size_align(map_len, SMALL)
                .unwrap_or(std::alloc::Layout::new::<u64>());
            std::alloc::handle_alloc_error(layout);
        }
        let mut start = map as usize;
        if align > 0 {
            start = start.next_multiple_of(HUGE);
            advise_huge(start, bytes);
        }
        HugeBuf {
            ptr: start as *mut T,
            len,
            cap: bytes / std::mem::size_of::<T>(),
            map,
            map_len,
        }
    }
}

impl<T: Zeroed> HugeBuf<T> {
    /// Shortens the buffer to its first `len` values (the memory stays mapped).
    pub(crate) fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    /// Sets the length to `len` when the mapped pages hold that many values (the values past
    /// the old length are zero or what was written there before), for a buffer reused
    /// instead of mapped afresh; false, unchanged, when they do not.
    pub(crate) fn fit(&mut self, len: usize) -> bool {
        if len > self.cap {
            return false;
        }
        self.len = len;
        true
    }
}

impl<T: Zeroed> Drop for HugeBuf<T> {
    fn drop(&mut self) {
        if !self.map.is_null() {
            // SAFETY: `map`/`map_len` are exactly the mapping made in `zeroed`, unmapped once.
            unsafe {
                libc::munmap(self.map, self.map_len);
            }
        }
    }
}

impl<T: Zeroed> std::ops::Deref for HugeBuf<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` points to `len` initialized (zeroed or written) values inside the
        // mapping we own (or is dangling with `len` 0), aligned to 2 MB.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl<T: Zeroed> std::ops::DerefMut for HugeBuf<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `deref`, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T: Zeroed> Clone for HugeBuf<T> {
    fn clone(&self) -> HugeBuf<T> {
        HugeBuf::from_slice(self)
    }
}

impl<T: Zeroed> std::fmt::Debug for HugeBuf<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HugeBuf({} items)", self.len)
    }
}

/// Asks Linux to back `len` bytes at `start` (2 MB-aligned, inside a mapping of ours) with
/// transparent huge pages. Only advice: when refused, or elsewhere than Linux, nothing changes.
fn advise_huge(start: usize, len: usize) {
    #[cfg(target_os = "linux")]
    // SAFETY: madvise only gives the kernel a hint about a range inside our own mapping;
    // MADV_HUGEPAGE does not change its contents or validity.
    unsafe {
        libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (start, len);
}

/// Hands the heap memory freed so far back to the kernel. Loading a model stages its rows in
/// tens of megabytes of temporary vectors before the final tables are mapped; glibc keeps
/// such freed blocks for reuse, which would count them in the resident size of every
/// process that loads the models.
pub(crate) fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap pages; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Starts loading the cache line at `p` (a hint; `p` is never dereferenced here).
#[inline(always)]
pub(crate) fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, whatever the address, and reads nothing into Rust.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Adds the dense weight rows `rows` (row `r` is `data[r * stride..][..stride]`) into `acc`
/// (`stride` long), exactly, in 32-bit integers. With AVX2 (checked at run time: the build
/// targets baseline x86-64) eight classes are added per instruction; the sums are the same
/// integers either way, so the scores never depend on the machine.
#[inline]
pub(crate) fn add_rows(acc: &mut [i32], data: &[i16], rows: &[u32], stride: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been checked to support AVX2, the only requirement of
        // `add_rows_avx2` beyond those of safe Rust.
        unsafe { add_rows_avx2(acc, data, rows, stride) };
        return;
    }
    add_rows_plain(acc, data, rows, stride);
}

/// [`add_rows`] for a stride of `8 * N` classes known at compile time (`N == 0`: `stride`).
#[inline(always)]
pub(crate) fn add_rows_n<const N: usize>(
    acc: &mut [i32],
    data: &[i16],
    rows: &[u32],
    stride: usize,
) {
    #[cfg(target_arch = "x86_64")]
    if N > 0 && N <= 16 && std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been checked to support AVX2, the only requirement of
        // `add_rows_regs` beyond those of safe Rust.
        unsafe { add_rows_regs::<N>(acc, data, rows) };
        return;
    }
    add_rows(acc, data, rows, stride);
}

#[inline(always)]
fn add_rows_plain(acc: &mut [i32], data: &[i16], rows: &[u32], stride: usize) {
    let acc = &mut acc[..stride];
    for &r in rows {
        let row = &data[r as usize * stride..][..stride];
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += w as i32;
        }
    }
}

/// [`add_rows_plain`] with AVX2. A stride of up to 128 classes (every model of dyad) is
/// summed in registers: each group of eight classes stays in one register while all the
/// rows are added to it, and `acc` is read and written once, not once per row (which made
/// every row's adds wait for the previous row's stores).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_rows_avx2(acc: &mut [i32], data: &[i16], rows: &[u32], stride: usize) {
    if stride % 8 != 0 {
        add_rows_plain(acc, data, rows, stride);
        return;
    }
    match stride / 8 {
        1 => add_rows_regs::<1>(acc, data, rows),
        2 => add_rows_regs::<2>(acc, data, rows),
        4 => add_rows_regs::<4>(acc, data, rows),
        6 => add_rows_regs::<6>(acc, data, rows),
        8 => add_rows_regs::<8>(acc, data, rows),
        10 => add_rows_regs::<10>(acc, data, rows),
        12 => add_rows_regs::<12>(acc, data, rows),
        14 => add_rows_regs::<14>(acc, data, rows),
        16 => add_rows_regs::<16>(acc, data, rows),
        _ => add_rows_plain(acc, data, rows, stride),
    }
}

/// [`add_rows_plain`] for a stride of `8 * N` classes, the sums of each group of eight in a
/// register.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_rows_regs<const N: usize>(acc: &mut [i32], data: &[i16], rows: &[u32]) {
    use std::arch::x86_64::*;
    let stride = 8 * N;
    let acc = &mut acc[..stride];
    let mut sums = [_mm256_setzero_si256(); N];
    for (i, s) in sums.iter_mut().enumerate() {
        // SAFETY: `acc` holds `8 * N` values, so eight from `8 * i` are in bounds.
        *s = unsafe { _mm256_loadu_si256(acc.as_ptr().add(8 * i) as *const __m256i) };
    }
    // One comparison a row instead of the two bounds checks of slicing it.
    let nrows = data.len() / stride;
    for &r in rows {
        let r = r as usize;
        assert!(r < nrows, "dense row out of range");
        // SAFETY: `r < nrows`, so the `8 * N` weights from `r * stride` are inside `data`.
        let row = unsafe { data.as_ptr().add(r * stride) };
        for (i, s) in sums.iter_mut().enumerate() {
            // SAFETY: `row` holds `8 * N` weights, so eight from `8 * i` are in bounds.
            let w = unsafe { _mm_loadu_si128(row.add(8 * i) as *const __m128i) };
            *s = _mm256_add_epi32(*s, _mm256_cvtepi16_epi32(w));
        }
    }
    for (i, s) in sums.iter().enumerate() {
        // SAFETY: as for the loads above.
        unsafe { _mm256_storeu_si256(acc.as_mut_ptr().add(8 * i) as *mut __m256i, *s) };
    }
}

/// `out[..width]` = the sum of `parts`, class by class (`width` at most 256).
#[inline]
pub(crate) fn sum_of<const K: usize>(out: &mut [i32; 256], parts: [&[i32; 256]; K], width: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been checked to support AVX2, the only requirement of
        // `sum_of_avx2` beyond those of safe Rust.
        unsafe { sum_of_avx2(out, parts, width) };
        return;
    }
    sum_of_plain(out, parts, width);
}

#[inline(always)]
fn sum_of_plain<const K: usize>(out: &mut [i32; 256], parts: [&[i32; 256]; K], width: usize) {
    let w = width.min(256);
    for (c, o) in out[..w].iter_mut().enumerate() {
        *o = parts.iter().map(|p| p[c]).sum();
    }
}

/// [`sum_of_plain`] compiled for AVX2 (eight classes an instruction).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn sum_of_avx2<const K: usize>(out: &mut [i32; 256], parts: [&[i32; 256]; K], width: usize) {
    sum_of_plain(out, parts, width);
}

/// The index of the first largest value of `xs` (not empty): what a scan keeping the first
/// value strictly above the best so far gives. Without NaNs (scores never have them) the
/// largest value is found four at a time and then its first place; with one, the scan.
#[inline]
pub(crate) fn first_max(xs: &[f32]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if xs.len() >= 8 {
        if let Some(i) = first_max_sse(xs) {
            return i;
        }
    }
    first_max_plain(xs)
}

#[inline(always)]
fn first_max_plain(xs: &[f32]) -> usize {
    let Some((&first, rest)) = xs.split_first() else {
        return 0;
    };
    let (mut bi, mut bx) = (0, first);
    for (i, &x) in rest.iter().enumerate() {
        if x > bx {
            (bi, bx) = (i + 1, x);
        }
    }
    bi
}

/// [`first_max`] with SSE (part of every x86-64 CPU); `None` when `xs` holds a NaN.
#[cfg(target_arch = "x86_64")]
#[inline]
fn first_max_sse(xs: &[f32]) -> Option<usize> {
    use std::arch::x86_64::*;
    let chunks = xs.chunks_exact(4);
    let tail = chunks.remainder();
    // SAFETY: SSE is part of every x86-64 CPU, and each load reads a chunk of four values.
    unsafe {
        let mut top = _mm_set1_ps(f32::NEG_INFINITY);
        let mut nan = _mm_setzero_ps();
        for c in chunks.clone() {
            let v = _mm_loadu_ps(c.as_ptr());
            nan = _mm_or_ps(nan, _mm_cmpunord_ps(v, v));
            top = _mm_max_ps(top, v);
        }
        if _mm_movemask_ps(nan) != 0 || tail.iter().any(|x| x.is_nan()) {
            return None;
        }
        let mut lanes = [0f32; 4];
        _mm_storeu_ps(lanes.as_mut_ptr(), top);
        let max = tail
            .iter()
            .chain(&lanes)
            .fold(f32::NEG_INFINITY, |m, &x| m.max(x));
        let want = _mm_set1_ps(max);
        for (k, c) in chunks.enumerate() {
            let eq = _mm_movemask_ps(_mm_cmpeq_ps(_mm_loadu_ps(c.as_ptr()), want));
            if eq != 0 {
                return Some(4 * k + eq.trailing_zeros() as usize);
            }
        }
        let at = xs.len() - tail.len();
        tail.iter().position(|&x| x == max).map(|p| at + p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_buffers_hold_their_values_and_rows_add_exactly() {
        let v: Vec<u64> = (0..5000).collect();
        let h = HugeBuf::from_slice(&v);
        assert_eq!(&h[..], &v[..]);
        assert_eq!(h.as_ptr() as usize % SMALL, 0);
        let big = HugeBuf::<u8>::zeroed(HUGE + 1);
        assert_eq!((big.as_ptr() as usize % HUGE, big.len()), (0, HUGE + 1));
        assert_eq!(&h.clone()[..], &v[..]);
        let mut z = HugeBuf::<u64>::zeroed(3);
        assert_eq!(&z[..], &[0, 0, 0]);
        // A small buffer is whole 4 KB pages: 512 values fit, 513 do not.
        assert!(z.fit(512) && z.len() == 512 && z[511] == 0);
        assert!(!z.fit(513) && z.len() == 512);
        // Two rows of stride 20 (odd lengths exercise the vector loop's tail).
        let data: Vec<i16> = (0..60).map(|i| (i as i16 - 30) * 1000).collect();
        let mut acc = vec![7i32; 20];
        add_rows(&mut acc, &data, &[2, 0, 2], 20);
        for (c, a) in acc.iter().enumerate() {
            let want = 7 + 2 * data[40 + c] as i32 + data[c] as i32;
            assert_eq!(*a, want, "class {c}");
        }
        let mut plain = vec![7i32; 20];
        add_rows_plain(&mut plain, &data, &[2, 0, 2], 20);
        assert_eq!(acc, plain);
        // The strides of the models (16 and 112 classes, summed in registers), with extreme
        // weights and many rows, against the plain loop.
        for stride in [8, 16, 24, 112, 128] {
            let data: Vec<i16> = (0..stride * 40)
                .map(|i| match i % 7 {
                    0 => i16::MAX,
                    1 => i16::MIN,
                    k => (i as i16).wrapping_mul(31 + k as i16),
                })
                .collect();
            let rows: Vec<u32> = (0..120).map(|i| (i * 7 % 40) as u32).collect();
            let mut acc: Vec<i32> = (0..stride as i32).map(|c| c * 3 - 100).collect();
            let mut plain = acc.clone();
            add_rows(&mut acc, &data, &rows, stride);
            add_rows_plain(&mut plain, &data, &rows, stride);
            assert_eq!(acc, plain, "stride {stride}");
        }
        // The first largest score, as the plain scan finds it, ties, zeros, infinities and
        // NaNs included.
        let mut rng = crate::hash::Rng::new(8);
        let vals = [
            -1.5,
            0.0,
            -0.0,
            2.0,
            2.5,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
        ];
        for round in 0..20000 {
            let n = 1 + (rng.next_u64() % 40) as usize;
            let kinds = if round % 4 == 0 { 8 } else { 5 };
            let xs: Vec<f32> = (0..n)
                .map(|_| vals[(rng.next_u64() % kinds) as usize])
                .collect();
            assert_eq!(first_max(&xs), first_max_plain(&xs), "{xs:?}");
        }
        // Group sums added class by class, over the width asked only.
        let arr = |k: i32| -> [i32; 256] { std::array::from_fn(|c| c as i32 * k - 7) };
        let (a, b, c, d) = (arr(3), arr(-1000), arr(77777), arr(-5));
        for width in [0, 13, 16, 103, 112, 256] {
            let mut out = [5i32; 256];
            sum_of(&mut out, [&a, &b, &c], width);
            let mut out4 = [5i32; 256];
            sum_of(&mut out4, [&a, &b, &c, &d], width);
            for (i, (o, o4)) in out.iter().zip(&out4).enumerate() {
                let want = if i < width { a[i] + b[i] + c[i] } else { 5 };
                assert_eq!(*o, want, "width {width}, class {i}");
                let want = if i < width { want + d[i] } else { 5 };
                assert_eq!(*o4, want, "width {width}, class {i}");
            }
        }
    }
}

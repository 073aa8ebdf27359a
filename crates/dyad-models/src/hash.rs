//! Feature hashing.
//!
//! Every feature of every model is one `u64`: a template number mixed with the hashes of the
//! strings or ids it looks at. Hashing instead of interning keeps feature extraction free of
//! allocation and lookups; 64-bit keys make collisions negligible at our sizes. The functions
//! are fixed (FNV-1a then a splitmix finaliser), never seeded, so a model file means the same
//! thing on every machine and run.

use std::hash::{BuildHasherDefault, Hasher};

/// splitmix64 finaliser: a cheap, well-mixing bijection on `u64`.
#[inline]
pub fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = FNV_START;
    for &c in b {
        h = fnv_step(h, c);
    }
    finalize(h)
}

/// The FNV-1a state before any byte ([`hash_bytes`] is [`finalize`] of the state after all).
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into an FNV-1a state.
#[inline(always)]
pub(crate) fn fnv_step(h: u64, c: u8) -> u64 {
    (h ^ c as u64).wrapping_mul(0x0100_0000_01b3)
}

/// Mixes two hashes (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finalize(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A feature key: template `t` applied to the value hash `v`.
#[inline]
pub fn feat(t: u32, v: u64) -> u64 {
    mix((t as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d), v)
}

/// A hasher for keys that are already hashes: it passes them through.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only used for u64 keys; fall back to FNV for anything else.
        self.0 ^= hash_bytes(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<IdHasher>;

/// A small deterministic random number generator (xorshift64*), for shuffling and exploration.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(finalize(seed ^ 0x5851_f42d_4c95_7f2d) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A uniform float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_distinct() {
        assert_eq!(hash_str("dog"), hash_str("dog"));
        assert_ne!(hash_str("dog"), hash_str("Dog"));
        assert_ne!(feat(1, 5), feat(2, 5));
        assert_ne!(mix(1, 2), mix(2, 1));
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let mut v: Vec<u32> = (0..10).collect();
        a.shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }
}

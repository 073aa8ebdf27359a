//! The matcher's word table: folded word -> small integer id.
//!
//! The dictionary pass looks up every token of every document here, and on real text that
//! lookup is bound by memory latency, not arithmetic: a general hash map of boxed strings
//! costs a control-byte load, a bucket load and a load of the key's heap string. Words of
//! up to 12 bytes (nearly all of them) are therefore stored inline in 16-byte slots of an
//! open-addressing table, so a lookup is one cache line; longer words go to an ordinary
//! map. Lookups are split in two steps, [`Vocab::prepare`] (key and hash, no memory
//! access) and [`Vocab::probe`], so the matcher can prepare a whole sentence first and
//! then probe it in a tight loop where the processor overlaps the cache misses.

use rustc_hash::FxHashMap;

const INLINE: usize = 12;

#[derive(Clone, Copy, Default)]
struct Slot {
    key: [u8; INLINE],
    /// 0 marks an empty slot; word ids start at 1.
    id: u32,
}

/// A word ready to be probed (see [`Vocab::prepare`]).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Prepared {
    key: [u8; INLINE],
    /// Start slot, or `u32::MAX` for a long word whose id is already known.
    slot: u32,
    id: u32,
}

/// Folded word -> id (ids start at 1).
#[derive(Default)]
pub(crate) struct Vocab {
    slots: Vec<Slot>,
    shift: u32,
    long: FxHashMap<Box<str>, u32>,
    len: usize,
}

fn inline_key(word: &[u8]) -> Option<[u8; INLINE]> {
    // NUL pads the inline keys, so a word containing NUL is looked up in the long map
    if word.len() > INLINE || word.is_empty() || word.contains(&0) {
        return None;
    }
    let mut k = [0u8; INLINE];
    k[..word.len()].copy_from_slice(word);
    Some(k)
}

fn hash(k: &[u8; INLINE]) -> u64 {
    let a = u64::from_le_bytes(k[..8].try_into().expect("8 bytes"));
    let b = u32::from_le_bytes(k[8..].try_into().expect("4 bytes")) as u64;
    (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Vocab {
    /// A table for the given words; each distinct word gets the next id, in order.
    #[cfg_attr(not(test), allow(dead_code))] // the matcher uses `new_with_ids`
    pub(crate) fn new<'a>(words: impl Iterator<Item = &'a str>) -> Vocab {
        Vocab::new_with_ids(words, &mut Vec::new())
    }

    /// [`Vocab::new`], which also appends the id of every word given, in order, to `ids_out`
    /// (what [`Vocab::get`] would answer for it).
    pub(crate) fn new_with_ids<'a>(
        words: impl Iterator<Item = &'a str>,
        ids_out: &mut Vec<u32>,
    ) -> Vocab {
        let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut order = Vec::new();
        for w in words {
            let next = ids.len() as u32 + 1;
            let id = *ids.entry(w).or_insert_with(|| {
                order.push(w);
                next
            });
            ids_out.push(id);
        }
        let cap = (order.len() * 3).next_power_of_two().max(16);
        let mut v = Vocab {
            slots: vec![Slot::default(); cap],
            shift: 64 - cap.trailing_zeros(),
            long: FxHashMap::default(),
            len: order.len(),
        };
        for w in order {
            let id = ids[w];
            match inline_key(w.as_bytes()) {
                Some(k) => {
                    let mut i = (hash(&k) >> v.shift) as usize;
                    while v.slots[i].id != 0 {
                        i = (i + 1) & (cap - 1);
                    }
                    v.slots[i] = Slot { key: k, id };
                }
                None => {
                    v.long.insert(w.into(), id);
                }
            }
        }
        v
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The id of a folded word, if the table has it.
    #[cfg_attr(not(test), allow(dead_code))] // the matcher gets its ids from `new_with_ids`
    pub(crate) fn get(&self, word: &str) -> Option<u32> {
        match self.probe(&self.prepare(word)) {
            0 => None,
            id => Some(id),
        }
    }

    /// First step of a lookup: the inline key and its slot, or the id of a long word.
    #[inline]
    pub(crate) fn prepare(&self, word: &str) -> Prepared {
        match inline_key(word.as_bytes()) {
            Some(key) => {
                let slot = (hash(&key) >> self.shift) as usize;
                self.prefetch(slot);
                Prepared {
                    key,
                    slot: slot as u32,
                    id: 0,
                }
            }
            None => Prepared {
                key: [0; INLINE],
                slot: u32::MAX,
                id: self.long.get(word).copied().unwrap_or(0),
            },
        }
    }

    /// [`Vocab::prepare`] of the fold of an ASCII token (its lower case), read straight
    /// from the token with no folded copy; `None` when that fold would not be an inline
    /// key (the token is empty, longer than 12 bytes, not ASCII, or holds a NUL): then the
    /// caller folds and calls [`Vocab::prepare`].
    #[inline]
    pub(crate) fn prepare_ascii(&self, token: &str) -> Option<Prepared> {
        let bytes = token.as_bytes();
        if bytes.is_empty() || bytes.len() > INLINE {
            return None;
        }
        let mut key = [0u8; INLINE];
        for (k, &b) in key.iter_mut().zip(bytes) {
            if b == 0 || !b.is_ascii() {
                return None;
            }
            *k = b.to_ascii_lowercase();
        }
        let slot = (hash(&key) >> self.shift) as usize;
        self.prefetch(slot);
        Some(Prepared {
            key,
            slot: slot as u32,
            id: 0,
        })
    }

    /// Asks the processor to start loading a slot, so the later probe finds it in cache.
    #[inline]
    fn prefetch(&self, slot: usize) {
        #[cfg(target_arch = "x86_64")]
        if let Some(s) = self.slots.get(slot) {
            // SAFETY: a prefetch is a hint that never faults, and the pointer comes from a
            // live reference into `self.slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(
                    (s as *const Slot).cast::<i8>(),
                    std::arch::x86_64::_MM_HINT_T0,
                )
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slot;
    }

    /// Second step: the word's id, or 0 when the table does not have it.
    #[inline]
    pub(crate) fn probe(&self, p: &Prepared) -> u32 {
        if p.slot == u32::MAX {
            return p.id;
        }
        let mask = self.slots.len() - 1;
        let mut i = p.slot as usize;
        loop {
            let s = &self.slots[i];
            if s.id == 0 || s.key == p.key {
                return s.id;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_first_occurrence_and_lookups_are_exact() {
        let words = [
            "the",
            "united",
            "states",
            "the",
            "a-very-long-word-indeed",
            "états",
        ];
        let v = Vocab::new(words.iter().copied());
        assert_eq!(v.len(), 5);
        assert_eq!(v.get("the"), Some(1));
        assert_eq!(v.get("united"), Some(2));
        assert_eq!(v.get("a-very-long-word-indeed"), Some(4));
        assert_eq!(v.get("états"), Some(5));
        assert_eq!(v.get("th"), None);
        assert_eq!(v.get("thee"), None);
        assert_eq!(v.get("the\0"), None);
        assert_eq!(v.get(""), None);
    }

    #[test]
    fn the_ids_given_back_are_those_the_table_answers() {
        let words = ["b", "a", "b", "a-very-long-word-indeed", "c", "a"];
        let mut ids = Vec::new();
        let v = Vocab::new_with_ids(words.iter().copied(), &mut ids);
        assert_eq!(ids, [1, 2, 1, 3, 4, 2]);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(v.get(w), Some(*id));
        }
    }

    #[test]
    fn the_ascii_shortcut_prepares_what_the_fold_prepares() {
        let v = Vocab::new(["the", "u.s.", "abcdefghijkl", "a\0b"].into_iter());
        for t in [
            "The",
            "THE",
            "U.S.",
            "u.s.",
            "AbcdefghijkL",
            "abcdefghijklm",
            "",
            "a\0b",
            "A\0B",
            "Ōbama",
            "x",
            "-",
            "'s",
        ] {
            let folded = crate::normalize::fold(t);
            let want = v.probe(&v.prepare(&folded));
            match v.prepare_ascii(t) {
                Some(p) => {
                    assert_eq!(p.key, v.prepare(&folded).key, "{t:?}");
                    assert_eq!(v.probe(&p), want, "{t:?}");
                }
                None => assert!(
                    t.is_empty() || t.len() > INLINE || !t.is_ascii() || t.contains('\0'),
                    "{t:?}"
                ),
            }
        }
        assert_eq!(v.probe(&v.prepare_ascii("THE").unwrap()), 1);
    }

    #[test]
    fn many_words_all_found() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let v = Vocab::new(words.iter().map(String::as_str));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.get(w), Some(i as u32 + 1));
        }
        assert_eq!(v.get("w5000"), None);
    }
}

//! The tables of the geocoder (`geo.rs`): the places of `data/gkg/places.tsv` in columns and
//! the index of their names, built by [`Tables::build`]. The build script runs that build on
//! the embedded tables and writes the result as static arrays (so a run pays nothing for
//! them); [`Gazetteer::parse`](crate::Gazetteer::parse) runs it on other texts. This file
//! is compiled twice, into the build script (`build.rs`) and into the crate, so it uses only
//! `std` and `dyad-places`.
//!
//! Names are keyed by [`key_into`]: lower case, spaces removed. The keys are sorted and
//! concatenated; each key owns a run of candidates (place index, primary name or alias
//! rather than an alternate name), in the order the places and aliases name them. A key is
//! found through an open-addressing hash table over the keys ([`Tables::slots`]), hashed by
//! std's `DefaultHasher::new()`, which is the same function in the build script and the
//! crate: both are compiled by the same toolchain, and its key is fixed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use dyad_places::Feature;

/// The path of the aliases table in the repository, as errors name it.
pub const ALIASES_PATH: &str = "data/gkg/country_aliases.tsv";

/// A malformed line of a table: its file, 1-based line and what is wrong with it.
#[derive(Debug)]
pub struct TableError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// The places in columns (index `i` of each is place `i`) and their name index.
#[derive(Clone, Debug, PartialEq)]
pub struct Tables {
    /// The `places.tsv` text that [`Tables::fields`] cut.
    pub text: Cow<'static, str>,
    pub geonameid: Cow<'static, [u64]>,
    pub feature: Cow<'static, [Feature]>,
    pub lat: Cow<'static, [f64]>,
    pub lon: Cow<'static, [f64]>,
    pub population: Cow<'static, [u64]>,
    /// Per place, 8 byte offsets into `text`: start and end of its name, ISO2, ISO3 and
    /// admin1 fields.
    pub fields: Cow<'static, [u32]>,
    /// The sorted keys, concatenated.
    pub keys: Cow<'static, str>,
    /// Key `k` is `keys[key_bounds[k]..key_bounds[k + 1]]`; starts with 0.
    pub key_bounds: Cow<'static, [u32]>,
    /// The candidates of key `k` are `cands[cand_bounds[k]..cand_bounds[k + 1]]`; starts
    /// with 0.
    pub cand_bounds: Cow<'static, [u32]>,
    /// Place index and whether the key is its primary name or an alias.
    pub cands: Cow<'static, [(u32, bool)]>,
    /// The hash table of the keys: a power of two of slots, each 0 (empty) or 1 + the
    /// number of a key; a key is in the first slot from its [`hash`] on (wrapping) that is
    /// empty or holds it. At most half the slots are full.
    pub slots: Cow<'static, [u32]>,
    /// The most tokens of a name (a space separates two, a hyphen is one of its own).
    pub longest: usize,
}

/// The index key of a name: lower case, spaces removed, into a reused buffer.
pub fn key_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // The same as the general case below for ASCII, without decoding characters: a
        // copy lower-cased in place, and spaces dropped only from the few names with one.
        out.push_str(s);
        if s.bytes().any(|b| (b as char).is_whitespace()) {
            out.retain(|c| !c.is_whitespace());
        }
        out.make_ascii_lowercase();
    } else {
        for c in s.chars() {
            if c.is_ascii() {
                // What `is_whitespace` and `to_lowercase` give for ASCII, without their
                // Unicode tables.
                if !matches!(c, ' ' | '\t'..='\r') {
                    out.push(c.to_ascii_lowercase());
                }
            } else if !c.is_whitespace() {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// The hash of a key, for [`Tables::slots`].
fn hash(k: &str) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(k.as_bytes());
    h.finish()
}

/// The tokens of a name: a space separates two, a hyphen is one of its own.
fn words(name: &str) -> usize {
    1 + name
        .bytes()
        .map(|b| match b {
            b' ' => 1,
            b'-' => 2,
            _ => 0,
        })
        .sum::<usize>()
}

impl Tables {
    /// Reads `places.tsv` and `country_aliases.tsv` texts (`#` lines are comments) and
    /// indexes every name, alternate name and alias.
    pub fn build(places: &str, aliases: &str) -> Result<Tables, TableError> {
        let base = places.as_ptr() as usize;
        let offset = |s: &str| (s.as_ptr() as usize - base) as u32;
        let range = |s: &str| [offset(s), offset(s) + s.len() as u32];
        let mut t = Tables {
            text: Cow::Owned(places.to_string()),
            geonameid: Cow::Owned(Vec::new()),
            feature: Cow::Owned(Vec::new()),
            lat: Cow::Owned(Vec::new()),
            lon: Cow::Owned(Vec::new()),
            population: Cow::Owned(Vec::new()),
            fields: Cow::Owned(Vec::new()),
            keys: Cow::Owned(String::new()),
            key_bounds: Cow::Owned(vec![0]),
            cand_bounds: Cow::Owned(vec![0]),
            cands: Cow::Owned(Vec::new()),
            slots: Cow::Owned(Vec::new()),
            longest: 1,
        };
        // Key -> candidates, in the order the names come.
        let mut index: HashMap<String, Vec<(u32, bool)>> = HashMap::new();
        let mut k = String::new();
        let mut add = |name: &str, idx: u32, primary: bool, longest: &mut usize| {
            *longest = (*longest).max(words(name));
            key_into(name, &mut k);
            let v = index.entry(k.clone()).or_default();
            if !v.iter().any(|(i, _)| *i == idx) {
                v.push((idx, primary));
            }
        };
        let mut by_iso3 = HashMap::new();
        for (n, row) in dyad_places::rows(places).enumerate() {
            let n = n as u32;
            let row = row.map_err(|e| TableError {
                file: dyad_places::PLACES_PATH,
                line: e.line,
                message: e.message,
            })?;
            if row.feature == Feature::Country {
                by_iso3.insert(row.iso3, n);
            }
            t.geonameid.to_mut().push(row.geonameid);
            t.feature.to_mut().push(row.feature);
            t.lat.to_mut().push(row.lat);
            t.lon.to_mut().push(row.lon);
            t.population.to_mut().push(row.population);
            for f in [row.name, row.iso2, row.iso3, row.admin1] {
                t.fields.to_mut().extend(range(f));
            }
            add(row.name, n, true, &mut t.longest);
            for alt in row.alternates() {
                add(alt, n, false, &mut t.longest);
            }
        }
        for (n, line) in aliases.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let err = |message: String| TableError {
                file: ALIASES_PATH,
                line: n + 1,
                message,
            };
            let (alias, iso3) = line
                .split_once('\t')
                .ok_or_else(|| err("expected alias<TAB>ISO3".into()))?;
            let idx = *by_iso3
                .get(iso3)
                .ok_or_else(|| err(format!("unknown country {iso3:?}")))?;
            add(alias, idx, true, &mut t.longest);
        }
        let mut sorted: Vec<(String, Vec<(u32, bool)>)> = index.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (key, cands) in sorted {
            t.keys.to_mut().push_str(&key);
            t.key_bounds.to_mut().push(t.keys.len() as u32);
            t.cands.to_mut().extend(cands);
            t.cand_bounds.to_mut().push(t.cands.len() as u32);
        }
        let keys = t.key_bounds.len() - 1;
        let mask = (2 * keys).next_power_of_two().max(2) - 1;
        let mut slots = vec![0u32; mask + 1];
        for n in 0..keys {
            let mut at = hash(t.key(n)) as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = n as u32 + 1;
        }
        t.slots = Cow::Owned(slots);
        Ok(t)
    }

    /// The number of places.
    pub fn len(&self) -> usize {
        self.geonameid.len()
    }

    /// Field `f` (0 name, 1 ISO2, 2 ISO3, 3 admin1) of place `i`.
    pub fn field(&self, i: usize, f: usize) -> &str {
        let at = 8 * i + 2 * f;
        &self.text[self.fields[at] as usize..self.fields[at + 1] as usize]
    }

    /// Key `k` of the sorted keys.
    fn key(&self, k: usize) -> &str {
        &self.keys[self.key_bounds[k] as usize..self.key_bounds[k + 1] as usize]
    }

    /// The candidates of key `k`: place index and whether `k` is its primary name or an
    /// alias; empty when no name has the key.
    pub fn candidates(&self, k: &str) -> &[(u32, bool)] {
        let mask = self.slots.len() - 1;
        let mut at = hash(k) as usize & mask;
        loop {
            let n = match self.slots[at] {
                0 => return &[],
                s => s as usize - 1,
            };
            if self.key(n) == k {
                let r = self.cand_bounds[n] as usize..self.cand_bounds[n + 1] as usize;
                return &self.cands[r];
            }
            at = (at + 1) & mask;
        }
    }
}

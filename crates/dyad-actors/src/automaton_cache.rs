//! The compiled automaton, cached on disk so a process does not rebuild it.
//!
//! Building the double-array automaton of the built-in dictionaries (about 50,000 token
//! phrases over an alphabet of about 40,000 word ids) takes more than a second, most of it
//! placing the root's tens of thousands of children; loading it back is a copy. So the
//! first process to build an automaton writes it to
//! `$DYAD_CACHE_DIR` (else `$XDG_CACHE_HOME/dyad`, else `~/.cache/dyad`; an empty
//! `DYAD_CACHE_DIR` turns the cache off), and later processes load it.
//!
//! The file is derived data, named by the SHA-256 of the phrase list it was built from, so
//! editing a dictionary simply makes a new file. It starts with a magic string and a format
//! version, then the SHA-256 of its payload: a missing, stale, truncated or corrupt file is
//! ignored (the automaton is rebuilt and the file rewritten), never trusted. Writes go to a
//! temporary file renamed into place, so concurrent processes never read a partial file.
//! Small automata (user dictionaries, tests) are built directly: they compile in
//! milliseconds.
//!
//! Loading uses daachorse's unchecked deserializer, so a payload must be exactly what this
//! build's daachorse serialized for this phrase list. The file name therefore hashes, besides
//! the phrases and the format version, the serialization of a tiny probe automaton: a
//! daachorse release that serializes differently names its files differently and never reads
//! an old one. The fuzz target `automaton_cache` checks that no file content changes what the
//! loaded automaton finds ([`matches_with_cache_file`]).
//!
//! Cost (measured in session 12): the built-in file is 3.9 MB, and a load hashes it and the
//! phrase list (about 0.8 MB) with SHA-256. sha2 uses the CPU's SHA extensions when it has
//! them, as the development machine does: about 2.3 ms for the file (1.7 GB/s). Valgrind
//! hides those extensions, so under callgrind sha2 runs its portable code and the two hashes
//! show as about 250M instructions of `Pipeline::new`, mostly an artefact of the measurement.
//! The threat model above would allow a fast non-cryptographic 128-bit checksum of the
//! payload (a forged file gets past SHA-256 as well, and accidental damage is caught either
//! way), keeping SHA-256 for the key that names the file; it would save about 2 ms a start
//! but needs a hash crate the workspace does not have, so SHA-256 stays for now. What did
//! shrink the file is the matcher's encoding of word ids as small scalars (4.19 -> 3.92 MB,
//! see [`crate::matcher`]).

use std::path::{Path, PathBuf};

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use sha2::{Digest, Sha256};

use crate::error::ActorError;

const MAGIC: &[u8; 8] = b"DYADDAAC";
/// Bump when the layout or the daachorse major version changes.
const FORMAT_VERSION: u32 = 1;
/// Below this many phrases the automaton is built without the cache.
const MIN_PATTERNS: usize = 5_000;

type Automaton = CharwiseDoubleArrayAhoCorasick<u32>;

/// The cache directory, or `None` when caching is off or no directory is known.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DYAD_CACHE_DIR") {
        return (!d.is_empty()).then(|| PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("dyad"));
    }
    std::env::var_os("HOME")
        .filter(|d| !d.is_empty())
        .map(|h| PathBuf::from(h).join(".cache").join("dyad"))
}

fn build(patterns: &[String]) -> Result<Automaton, ActorError> {
    CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(patterns.iter().enumerate().map(|(i, p)| (p, i as u32)))
        .map_err(|e| ActorError::Build(e.to_string()))
}

/// The identity of an automaton: SHA-256 of the format version, the phrase list and the
/// probe serialization. It names the file and is part of the file's checksum, so a file
/// is only ever read for the phrase list and the daachorse it was written by.
type Key = [u8; 32];

fn key(patterns: &[String]) -> Key {
    let mut h = Sha256::new();
    h.update(FORMAT_VERSION.to_le_bytes());
    for p in patterns {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    h.update(probe());
    h.finalize().into()
}

/// The name of the cache file of a phrase list.
fn file_name(patterns: &[String]) -> String {
    name_of(&key(patterns))
}

/// The file name of a key (its first 12 bytes in hex).
fn name_of(key: &Key) -> String {
    let hex: String = key[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("actors-{hex}.daac")
}

/// The checksum stored in a file: SHA-256 of the key and the payload.
fn checksum(key: &Key, payload: &[u8]) -> Key {
    let mut h = Sha256::new();
    h.update(key);
    h.update(payload);
    h.finalize().into()
}

/// The serialization of a tiny fixed automaton: it changes when daachorse's format does.
fn probe() -> Vec<u8> {
    let phrases = ["a".to_string(), "ab".to_string(), "b".to_string()];
    build(&phrases).map(|ac| ac.serialize()).unwrap_or_default()
}

/// Header + payload of a cache file.
fn encode(key: &Key, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 52);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&checksum(key, payload));
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a cache file, if the header, length and checksum (for `key`) are right.
fn decode<'a>(bytes: &'a [u8], key: &Key) -> Option<&'a [u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (version, rest) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*version) != FORMAT_VERSION {
        return None;
    }
    let (sum, rest) = rest.split_first_chunk::<32>()?;
    let (len, payload) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*len) != payload.len() as u64 || checksum(key, payload)[..] != sum[..] {
        return None;
    }
    Some(payload)
}

/// Loads the automaton of `patterns` from the cache, or builds it (and caches it).
pub(crate) fn load_or_build(patterns: &[String]) -> Result<Automaton, ActorError> {
    load_or_build_in(cache_dir(), patterns)
}

fn load_or_build_in(dir: Option<PathBuf>, patterns: &[String]) -> Result<Automaton, ActorError> {
    cached(dir.filter(|_| patterns.len() >= MIN_PATTERNS), patterns)
}

/// Loads the automaton of `patterns` from `dir`, or builds it and writes the file there.
fn cached(dir: Option<PathBuf>, patterns: &[String]) -> Result<Automaton, ActorError> {
    let Some(dir) = dir else {
        return build(patterns);
    };
    let key = key(patterns);
    let name = name_of(&key);
    let path = dir.join(&name);
    if let Some(ac) = std::fs::read(&path)
        .ok()
        .as_deref()
        .and_then(|b| load(b, &key))
    {
        return Ok(ac);
    }
    let ac = build(patterns)?;
    // best effort: a read-only or missing home only costs the next process the build
    let tmp = dir.join(format!(".{name}.{}", std::process::id()));
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&tmp, encode(&key, &ac.serialize())))
        .and_then(|()| std::fs::rename(&tmp, &path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(ac)
}

fn load(bytes: &[u8], key: &Key) -> Option<Automaton> {
    let payload = decode(bytes, key)?;
    // SAFETY: the checksum covers the key (phrase list, format version, daachorse's
    // serialization of the probe) and the payload, so the payload is exactly what
    // `serialize()` of this daachorse wrote for this phrase list: a correct serialized
    // automaton, as the function requires. Only a deliberately forged file (SHA-256 computed
    // by hand) could get past it.
    let (ac, rest) = unsafe { Automaton::deserialize_unchecked(payload) };
    rest.is_empty().then_some(ac)
}

/// For the fuzz target `automaton_cache` and tests: puts `bytes` where the cache file of
/// `patterns` belongs in `dir`, loads the automaton through the cache as the dictionaries do
/// (whatever the number of phrases), and returns what it finds in `text` as
/// (start, end, phrase index). Whatever the bytes, the result must equal that of a freshly
/// built automaton ([`matches_built`]).
#[doc(hidden)]
pub fn matches_with_cache_file(
    dir: &Path,
    bytes: &[u8],
    patterns: &[String],
    text: &str,
) -> Result<Vec<(usize, usize, u32)>, ActorError> {
    std::fs::write(dir.join(file_name(patterns)), bytes)
        .map_err(|e| ActorError::Build(format!("cannot write the cache file: {e}")))?;
    let ac = cached(Some(dir.to_path_buf()), patterns)?;
    Ok(find_all(&ac, text))
}

/// For the fuzz target `automaton_cache`: whether `bytes` is a forged cache file of
/// `patterns`, one whose checksum is right although its payload is not what this build
/// serializes for them. Only a forged SHA-256 gets there (libFuzzer does it: it reads the
/// expected checksum off the comparison and writes it into the file); the loader trusts a
/// matching checksum, so such a file is outside what it promises (see the module docs).
#[doc(hidden)]
pub fn is_forged(bytes: &[u8], patterns: &[String]) -> Result<bool, ActorError> {
    let Some(payload) = decode(bytes, &key(patterns)) else {
        return Ok(false);
    };
    Ok(payload != build(patterns)?.serialize().as_slice())
}

/// What a freshly built automaton of `patterns` finds in `text` (see
/// [`matches_with_cache_file`]).
#[doc(hidden)]
pub fn matches_built(
    patterns: &[String],
    text: &str,
) -> Result<Vec<(usize, usize, u32)>, ActorError> {
    Ok(find_all(&build(patterns)?, text))
}

fn find_all(ac: &Automaton, text: &str) -> Vec<(usize, usize, u32)> {
    ac.leftmost_find_iter(text)
        .map(|m| (m.start(), m.end(), m.value()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_damage() {
        let patterns: Vec<String> = ["ab", "abc", "b"].iter().map(|s| s.to_string()).collect();
        let ac = build(&patterns).unwrap();
        let k = key(&patterns);
        let file = encode(&k, &ac.serialize());
        let back = load(&file, &k).expect("a good file loads");
        let found: Vec<u32> = back.leftmost_find_iter("abcb").map(|m| m.value()).collect();
        assert_eq!(found, vec![1, 2]);
        let mut bad = file.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(load(&bad, &k).is_none(), "checksum catches a flipped byte");
        assert!(load(&file[..file.len() - 3], &k).is_none(), "truncated");
        assert!(load(b"DYADDAAC", &k).is_none());
        assert!(load(b"", &k).is_none());
        assert!(
            load(&file, &key(&patterns[..2])).is_none(),
            "another phrase list"
        );
        let mut other = file.clone();
        other[8] = 99;
        assert!(load(&other, &k).is_none(), "other format version");
    }

    #[test]
    fn file_name_depends_on_the_phrases() {
        let a = vec!["x".to_string(), "y".to_string()];
        let b = vec!["xy".to_string()];
        assert_ne!(file_name(&a), file_name(&b));
        assert_eq!(file_name(&a), file_name(&a.clone()));
    }

    #[test]
    fn large_automaton_is_written_then_loaded_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let at = || Some(dir.path().to_path_buf());
        let patterns: Vec<String> = (0..MIN_PATTERNS).map(|i| format!("p{i}q")).collect();
        let first = load_or_build_in(at(), &patterns).unwrap();
        let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(files.len(), 1, "one cache file, no temporary left");
        let second = load_or_build_in(at(), &patterns).unwrap();
        let hits = |ac: &Automaton| ac.leftmost_find_iter("p17q p4999q").count();
        assert_eq!(hits(&first), 2);
        assert_eq!(hits(&second), 2);
        // a damaged file is rebuilt and replaced
        let path = files[0].as_ref().unwrap().path();
        std::fs::write(&path, b"DYADDAAC garbage").unwrap();
        let third = load_or_build_in(at(), &patterns).unwrap();
        assert_eq!(hits(&third), 2);
        let k = key(&patterns);
        assert!(
            load(&std::fs::read(&path).unwrap(), &k).is_some(),
            "rewritten"
        );
    }

    #[test]
    fn any_cache_file_content_leaves_the_matches_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let patterns: Vec<String> = ["ab", "abc", "b"].iter().map(|s| s.to_string()).collect();
        let want = matches_built(&patterns, "xabcb ab").unwrap();
        assert_eq!(want.len(), 3);
        let k = key(&patterns);
        let good = encode(&k, &build(&patterns).unwrap().serialize());
        let zz = vec!["zz".to_string()];
        let other = encode(&key(&zz), &build(&zz).unwrap().serialize());
        for bytes in [&good[..], &other[..], b"", b"DYADDAAC\x01\0\0\0"] {
            let got = matches_with_cache_file(dir.path(), bytes, &patterns, "xabcb ab").unwrap();
            assert_eq!(got, want);
        }
    }
}

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

use std::path::PathBuf;

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

/// The name of the cache file of a phrase list.
fn file_name(patterns: &[String]) -> String {
    let mut h = Sha256::new();
    h.update(FORMAT_VERSION.to_le_bytes());
    for p in patterns {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    let d = h.finalize();
    let hex: String = d[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("actors-{hex}.daac")
}

/// Header + payload of a cache file.
fn encode(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 52);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&Sha256::digest(payload));
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a cache file, if the header, length and checksum are right.
fn decode(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (version, rest) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*version) != FORMAT_VERSION {
        return None;
    }
    let (sum, rest) = rest.split_first_chunk::<32>()?;
    let (len, payload) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*len) != payload.len() as u64 || Sha256::digest(payload)[..] != sum[..] {
        return None;
    }
    Some(payload)
}

/// Loads the automaton of `patterns` from the cache, or builds it (and caches it).
pub(crate) fn load_or_build(patterns: &[String]) -> Result<Automaton, ActorError> {
    load_or_build_in(cache_dir(), patterns)
}

fn load_or_build_in(dir: Option<PathBuf>, patterns: &[String]) -> Result<Automaton, ActorError> {
    let Some(dir) = dir.filter(|_| patterns.len() >= MIN_PATTERNS) else {
        return build(patterns);
    };
    let path = dir.join(file_name(patterns));
    if let Some(ac) = std::fs::read(&path).ok().as_deref().and_then(load) {
        return Ok(ac);
    }
    let ac = build(patterns)?;
    // best effort: a read-only or missing home only costs the next process the build
    let tmp = dir.join(format!(".{}.{}", file_name(patterns), std::process::id()));
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&tmp, encode(&ac.serialize())))
        .and_then(|()| std::fs::rename(&tmp, &path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(ac)
}

fn load(bytes: &[u8]) -> Option<Automaton> {
    let payload = decode(bytes)?;
    // SAFETY: the payload is exactly the bytes `serialize()` wrote for this phrase list
    // (same file name = same SHA-256 of the phrases and format version), and its SHA-256
    // checksum matched, so it is a correct serialized automaton as the function requires.
    let (ac, rest) = unsafe { Automaton::deserialize_unchecked(payload) };
    rest.is_empty().then_some(ac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_damage() {
        let patterns: Vec<String> = ["ab", "abc", "b"].iter().map(|s| s.to_string()).collect();
        let ac = build(&patterns).unwrap();
        let file = encode(&ac.serialize());
        let back = load(&file).expect("a good file loads");
        let found: Vec<u32> = back.leftmost_find_iter("abcb").map(|m| m.value()).collect();
        assert_eq!(found, vec![1, 2]);
        let mut bad = file.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(load(&bad).is_none(), "checksum catches a flipped byte");
        assert!(load(&file[..file.len() - 3]).is_none(), "truncated");
        assert!(load(b"DYADDAAC").is_none());
        assert!(load(b"").is_none());
        let mut other = file.clone();
        other[8] = 99;
        assert!(load(&other).is_none(), "other format version");
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
        assert!(load(&std::fs::read(&path).unwrap()).is_some(), "rewritten");
    }
}

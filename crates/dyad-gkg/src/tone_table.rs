//! The entries of the tonal lexicon (`tone.rs`), read by [`entries`] from a
//! `word<TAB>valence` text. The build script reads the embedded `data/gkg/vader.tsv` with it
//! and writes the entries as static arrays (so a run parses no numbers);
//! [`ToneLexicon::parse`](crate::ToneLexicon::parse) reads other texts with it. This file is
//! compiled twice, into the build script (`build.rs`) and into the crate, so it uses only
//! `std`.

/// The (word, valence) entries of a `word<TAB>valence` text, in order; `#` lines and blank
/// lines are skipped. A malformed line is an error with its 1-based number.
pub fn entries(text: &str) -> Result<Vec<(&str, f64)>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (w, v) = line
            .split_once('\t')
            .ok_or_else(|| (i + 1, "expected word<TAB>valence".to_string()))?;
        let v: f64 = v
            .trim()
            .parse()
            .map_err(|_| (i + 1, format!("bad valence {v:?}")))?;
        out.push((w, v));
    }
    Ok(out)
}

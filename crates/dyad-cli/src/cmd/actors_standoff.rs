//! Standoff actor gold files (`testdata/actors/*/*.tsv`): annotations over texts that may not
//! be copied into the repository.
//!
//! The inline gold format (`{{mention|CODE}}` in the text, `dyad_actors::gold`) needs the text
//! itself in the file. The news pages of the article-extraction benchmark are third-party
//! pages redistributed for evaluation only, so a set built on them keeps the text where it is
//! and lists the mentions beside it:
//!
//! ```text
//! # source: ../shared/data/extraction/article-extraction-benchmark/ground-truth.json#c58aa507c4
//! # date: 2019-11-19
//! Boris Johnson<TAB>1<TAB>GBRGOV
//! he<TAB>3<TAB>GBRGOV
//! ```
//!
//! `source` is a JSON file and the key prefix of one entry, whose `articleBody` is the text.
//! The path is tried against the gold file's folder and each folder above it, so a set keeps
//! working wherever the repository sits next to the data. A row is the mention as written, its
//! occurrence (1-based, counting every place the string starts, overlapping ones included,
//! so an annotator's script can find it with repeated `find`), and the code (`-` for an actor
//! nothing can be said of). The result is the same [`GoldDoc`] the inline reader builds, so
//! scoring does not know which format a set uses.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use dyad_actors::gold::{GoldDoc, GoldMention};
use dyad_actors::Date;
use dyad_core::Span;
use dyad_gkg::eval::json_body;

/// Parsed benchmark files, shared by the gold files of one run.
pub type JsonCache = HashMap<PathBuf, serde_json::Map<String, serde_json::Value>>;

/// Reads one standoff gold file and the text it names.
pub fn read_standoff(path: &Path, cache: &mut JsonCache) -> Result<GoldDoc> {
    let file = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| anyhow!("cannot read {file}: {e}"))?;
    let mut doc = GoldDoc::default();
    let mut rows = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(meta) = line.strip_prefix('#') {
            let Some((k, v)) = meta.trim_start().split_once(':') else {
                continue;
            };
            match k.trim() {
                "source" => doc.source = v.trim().to_string(),
                "date" => {
                    doc.date = Some(
                        Date::parse_iso(v.trim())
                            .ok_or_else(|| anyhow!("{file}:{n}: date must be YYYY-MM-DD"))?,
                    )
                }
                _ => {}
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [mention, occurrence, code] = f[..] else {
            bail!(
                "{file}:{n}: expected mention<TAB>occurrence<TAB>CODE, found {} fields",
                f.len()
            );
        };
        let occurrence: usize = occurrence
            .trim()
            .parse()
            .ok()
            .filter(|&o| o > 0)
            .ok_or_else(|| anyhow!("{file}:{n}: occurrence {occurrence:?} is not a number >= 1"))?;
        let valid = code == "-"
            || (code.len() >= 3
                && code.len() % 3 == 0
                && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'));
        if mention.is_empty() || !valid {
            bail!("{file}:{n}: bad row {mention:?} {code:?} (code: `-` or a CAMEO actor code)");
        }
        rows.push((n, mention, occurrence, code));
    }
    let (json, prefix) = doc
        .source
        .split_once('#')
        .ok_or_else(|| anyhow!("{file}: `# source:` must be FILE.json#KEY-PREFIX"))?;
    let json = locate(path, json)
        .ok_or_else(|| anyhow!("{file}: {json} not found beside or above the gold file (the text lives outside the repository; this set needs that data to be evaluated)"))?;
    doc.text = json_body(&json, prefix, cache).map_err(|e| anyhow!("{file}: {e}"))?;
    for (n, mention, occurrence, code) in rows {
        let start = nth_start(&doc.text, mention, occurrence).ok_or_else(|| {
            anyhow!("{file}:{n}: {mention:?} does not occur {occurrence} times in the text")
        })?;
        doc.mentions.push(GoldMention {
            span: Span::new(start, start + mention.len()),
            text: mention.to_string(),
            code: (code != "-").then(|| code.to_string()),
            line: n,
        });
    }
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    if let Some(w) = doc
        .mentions
        .windows(2)
        .find(|w| w[1].span.start < w[0].span.end)
    {
        bail!(
            "{file}:{}: {:?} overlaps {:?} of line {}",
            w[1].line,
            w[1].text,
            w[0].text,
            w[0].line
        );
    }
    Ok(doc)
}

/// `rel` joined to the gold file's folder or the nearest folder above it where it exists.
pub fn locate(gold: &Path, rel: &str) -> Option<PathBuf> {
    let start = gold.parent().unwrap_or(Path::new("."));
    start
        .ancestors()
        .map(|d| d.join(rel))
        .chain(std::iter::once(PathBuf::from(rel)))
        .find(|p| p.is_file())
}

/// Byte offset of the `n`-th (1-based) place where `needle` starts in `text`, overlapping
/// places counted.
fn nth_start(text: &str, needle: &str, n: usize) -> Option<usize> {
    let mut from = 0;
    let mut seen = 0;
    while let Some(i) = text.get(from..)?.find(needle) {
        let at = from + i;
        seen += 1;
        if seen == n {
            return Some(at);
        }
        // Step one character past this start, so overlapping places are counted.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_overlap_and_count_inside_words() {
        let t = "The head said he saw her; he left.";
        assert_eq!(nth_start(t, "he", 1), Some(1));
        assert_eq!(nth_start(t, "he", 2), Some(4));
        assert_eq!(nth_start(t, "he", 3), Some(14));
        assert_eq!(nth_start(t, "he", 4), Some(21)); // inside "her"
        assert_eq!(nth_start(t, "he", 5), Some(26));
        assert_eq!(nth_start(t, "he", 6), None);
        assert_eq!(nth_start("aaa", "aa", 2), Some(1));
        assert_eq!(nth_start("é é", "é", 2), Some(3));
    }

    fn setup(dir: &Path, gold: &str) -> PathBuf {
        std::fs::create_dir_all(dir.join("sets/a")).unwrap();
        std::fs::write(
            dir.join("bench.json"),
            r#"{"ab12ff00": {"articleBody": "Merkel met Macron. She praised him."},
                "cd34": {"articleBody": "x"}}"#,
        )
        .unwrap();
        let p = dir.join("sets/a/g.tsv");
        std::fs::write(&p, gold).unwrap();
        p
    }

    #[test]
    fn reads_rows_into_spans_of_the_named_text() {
        let dir = std::env::temp_dir().join(format!("dyad-standoff-{}", std::process::id()));
        let p = setup(
            &dir,
            "# source: ../../bench.json#ab12\n# date: 2020-01-02\n\
             Macron\t1\tFRAGOV\nMerkel\t1\tDEUGOV\nShe\t1\tDEUGOV\nhim\t1\t-\n",
        );
        let doc = read_standoff(&p, &mut JsonCache::new()).unwrap();
        assert_eq!(doc.text, "Merkel met Macron. She praised him.");
        assert_eq!(doc.date, Date::parse_iso("2020-01-02"));
        let got: Vec<(&str, Option<&str>, usize)> = doc
            .mentions
            .iter()
            .map(|m| {
                (
                    &doc.text[m.span.start..m.span.end],
                    m.code.as_deref(),
                    m.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Merkel", Some("DEUGOV"), 4),
                ("Macron", Some("FRAGOV"), 3),
                ("She", Some("DEUGOV"), 5),
                ("him", None, 6)
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let dir = std::env::temp_dir().join(format!("dyad-standoff-bad-{}", std::process::id()));
        for (gold, want) in [
            (
                "# source: ../../bench.json#ab12\nMerkel\t2\tDEUGOV\n",
                "g.tsv:2: \"Merkel\" does not occur 2 times",
            ),
            (
                "# source: ../../bench.json#ab12\nMerkel\t1\n",
                "g.tsv:2: expected mention",
            ),
            (
                "# source: ../../bench.json#ab12\nMerkel\t1\tdeu\n",
                "g.tsv:2: bad row",
            ),
            (
                "# source: ../../bench.json#ab12\nMerkel\t0\tDEU\n",
                "g.tsv:2: occurrence",
            ),
            (
                "# source: ../../bench.json#ab12\nMerkel met\t1\tDEU\nmet Macron\t1\tFRA\n",
                "g.tsv:3: \"met Macron\" overlaps",
            ),
            (
                "# source: ../../nothere.json#ab12\nMerkel\t1\tDEU\n",
                "not found beside or above",
            ),
            (
                "# source: ../../bench.json#ff\nMerkel\t1\tDEU\n",
                "expected exactly one",
            ),
        ] {
            let p = setup(&dir, gold);
            let e = read_standoff(&p, &mut JsonCache::new())
                .unwrap_err()
                .to_string();
            assert!(e.contains(want), "{e:?} lacks {want:?}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The committed standoff sets parse against the benchmark they name, and every span holds
    /// its mention. Needs `../shared` (absent on a user's clone: then skipped, saying so).
    #[test]
    fn committed_standoff_sets_resolve() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let bench = root.join("../shared/data/extraction/article-extraction-benchmark");
        if !bench.is_dir() {
            eprintln!("skipped: {} is absent (team data)", bench.display());
            return;
        }
        let mut cache = JsonCache::new();
        let mut files = 0;
        for set in std::fs::read_dir(root.join("testdata/actors")).unwrap() {
            let set = set.unwrap().path();
            if !set.is_dir() {
                continue;
            }
            for f in std::fs::read_dir(&set).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "tsv") {
                    let doc = read_standoff(&f, &mut cache).unwrap();
                    assert!(!doc.mentions.is_empty(), "{}", f.display());
                    for m in &doc.mentions {
                        assert_eq!(doc.text[m.span.start..m.span.end], m.text);
                    }
                    files += 1;
                }
            }
        }
        assert!(files >= 11, "only {files} standoff files found");
    }
}

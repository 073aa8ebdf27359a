//! Runs the golden cases under `testdata/segment/` and `testdata/tokenize/`: TOML files of
//! `[[case]]` tables `{name, text, expected}`. Every failing case is reported, then the test
//! fails once with the count.

use std::path::{Path, PathBuf};

use dyad_text::{segmenter, tokenizer};

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
}

#[derive(serde::Deserialize)]
struct File {
    case: Vec<Case>,
}

fn cases(dir: &str) -> Vec<(PathBuf, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no golden files in {}", dir.display());
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let parsed: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.extend(parsed.case.into_iter().map(|c| (f.clone(), c)));
    }
    out
}

fn check(dir: &str, run: impl Fn(&str) -> Vec<String>) {
    let mut failed = 0;
    let all = cases(dir);
    for (file, case) in &all {
        let got = run(&case.text);
        if got != case.expected {
            failed += 1;
            eprintln!(
                "{} [{}]\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                file.display(),
                case.name,
                case.text,
                case.expected,
                got
            );
        }
    }
    assert_eq!(
        failed,
        0,
        "{failed} of {} golden cases in {dir} failed",
        all.len()
    );
}

#[test]
fn tokenize_golden() {
    check("tokenize", |text| {
        tokenizer::tokenize(text)
            .iter()
            .map(|p| {
                let w = p.span.get(text).unwrap_or("<bad span>");
                if p.joined {
                    format!("+{w}")
                } else {
                    w.to_string()
                }
            })
            .collect()
    });
}

#[test]
fn segment_golden() {
    check("segment", |text| {
        let pieces = tokenizer::tokenize(text);
        segmenter::sentence_spans(&pieces, &segmenter::segment(text, &pieces))
            .iter()
            .map(|s| s.get(text).unwrap_or("<bad span>").to_string())
            .collect()
    });
}

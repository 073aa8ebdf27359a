//! Corpus runs of the `dyad` binary that stop and start again: Ctrl-C (SIGINT) in the middle
//! of a run, `--resume` after an interruption or a crash that cut the last line, and the
//! limits given as options (`--max-doc-bytes`, `--max-sentence-tokens`).
//!
//! The interrupted run needs enough documents that it is still going when the signal arrives:
//! the test waits until the first record is in the output file, then sends SIGINT, so it does
//! not depend on timing as long as coding 3,000 documents takes longer than delivering one
//! signal. Every comparison is against a one-shot run of the same inputs: outputs are
//! deterministic, so an interrupted-then-resumed output must equal it byte for byte.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const DOCS: usize = 3000;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// A JSON Lines corpus of `n` short news items, plus a plain-text file.
fn corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    let jsonl = dir.join("wire.jsonl");
    let mut f = fs::File::create(&jsonl).unwrap();
    for i in 0..n {
        let text = format!(
            "GENEVA (Reuters) - Delegation {i} met officials on Monday. They discussed \
             sanctions, trade and the talks of item {i}. \"We are hopeful,\" one said."
        );
        writeln!(
            f,
            "{}",
            serde_json::json!({ "text": text, "title": format!("T{i}") })
        )
        .unwrap();
    }
    let txt = dir.join("note.txt");
    fs::write(&txt, "Iran protested on Tuesday. The ministry said so.\n").unwrap();
    vec![jsonl, txt]
}

fn code(inputs: &[PathBuf], out: &Path, extra: &[&str]) -> Output {
    dyad()
        .args(["code", "--stop-after", "tokenize", "-o"])
        .arg(out)
        .args(extra)
        .args(inputs)
        .output()
        .unwrap()
}

/// Every line of `path` is a complete JSON record ending in a newline; returns the count.
fn complete_lines(path: &Path) -> usize {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.is_empty() || bytes.ends_with(b"\n"),
        "output ends mid-line"
    );
    let text = String::from_utf8(bytes).unwrap();
    for (i, l) in text.lines().enumerate() {
        let v: serde_json::Value =
            serde_json::from_str(l).unwrap_or_else(|e| panic!("line {} is not JSON: {e}", i + 1));
        assert!(v["doc"]["id"].is_string(), "line {} has no doc id", i + 1);
    }
    text.lines().count()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn sigint_stops_cleanly_and_resume_completes_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(dir.path(), DOCS);
    let whole = dir.path().join("whole.jsonl");
    let o = code(&inputs, &whole, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(complete_lines(&whole), DOCS + 1);

    let out = dir.path().join("out.jsonl");
    let child = dyad()
        .args(["code", "--stop-after", "tokenize", "-o"])
        .arg(&out)
        .args(&inputs)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while fs::metadata(&out).map(|m| m.len()).unwrap_or(0) == 0 {
        std::thread::sleep(Duration::from_millis(5));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(130), "{err}");
    let written = complete_lines(&out);
    assert!((1..DOCS + 1).contains(&written), "{written} records");
    let summary = err
        .lines()
        .find(|l| l.starts_with("dyad: interrupted: "))
        .unwrap_or_else(|| panic!("no interrupted summary in {err}"));
    assert!(
        summary.starts_with(&format!(
            "dyad: interrupted: {written} document(s) from 0 of 2 input(s)"
        )),
        "{summary}"
    );
    assert!(summary.ends_with("; 0 skipped"), "{summary}");
    assert!(err.contains("--resume"), "{err}");
    // What was written is a prefix of the one-shot output.
    let part = fs::read(&out).unwrap();
    assert!(fs::read(&whole).unwrap().starts_with(&part));

    let o = code(&inputs, &out, &["--resume"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "resumed an output of {written} record(s); {written} document(s) already there"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "dyad: {} document(s) from 2 input(s)",
            DOCS + 1 - written
        )),
        "{err}"
    );
    assert_eq!(fs::read(&out).unwrap(), fs::read(&whole).unwrap());

    // Resuming a complete output codes nothing and changes nothing.
    let o = code(&inputs, &out, &["--resume"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("dyad: 0 document(s) from 2 input(s)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&out).unwrap(), fs::read(&whole).unwrap());
}

#[test]
fn resume_cuts_a_truncated_last_line_and_gives_the_one_shot_output() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(dir.path(), 40);
    let whole = dir.path().join("whole.jsonl");
    assert!(code(&inputs, &whole, &[]).status.success());
    let full = fs::read(&whole).unwrap();
    // A crash in the middle of line 18: keep 17 lines and half of the 18th.
    let ends: Vec<usize> = full
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
        .collect();
    let cut_at = ends[16] + (ends[17] - ends[16]) / 2;
    let out = dir.path().join("out.jsonl");
    fs::write(&out, &full[..cut_at]).unwrap();
    let o = code(&inputs, &out, &["--resume"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "resumed an output of 17 record(s) (an incomplete last line of {} bytes was cut away)",
            cut_at - ends[16]
        )),
        "{err}"
    );
    assert_eq!(fs::read(&out).unwrap(), full);
}

#[test]
fn resume_needs_jsonl_output_and_refuses_a_foreign_file() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = corpus(dir.path(), 2);
    let out = dir.path().join("out.tsv");
    let o = code(&inputs, &out, &["--resume", "-f", "tsv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--resume works with the jsonl output format only"));
    let notes = dir.path().join("notes.jsonl");
    fs::write(&notes, "{\"mine\": 1}\n").unwrap();
    let o = code(&inputs, &notes, &["--resume"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 1 is not a dyad record"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&notes).unwrap(), "{\"mine\": 1}\n");
}

#[test]
fn limits_are_options_and_their_messages_name_them() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, "The minister spoke at length. ".repeat(200)).unwrap();
    let small = dir.path().join("small.txt");
    fs::write(&small, "Iran protested on Tuesday.").unwrap();
    let long = dir.path().join("long.txt");
    fs::write(&long, "word ".repeat(1000)).unwrap();
    let out = dir.path().join("out.jsonl");
    let o = code(
        &[big.clone(), small, long],
        &out,
        &["--max-doc-bytes", "5500", "--max-sentence-tokens", "50"],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let skip = err
        .lines()
        .find(|l| l.starts_with("dyad: skipped "))
        .unwrap_or_else(|| panic!("no skip in {err}"));
    assert!(skip.contains("big.txt"), "{skip}");
    assert!(
        skip.contains(
            "document text of 6000 bytes exceeds the limit of 5500 bytes (--max-doc-bytes)"
        ),
        "{skip}"
    );
    assert!(err.contains("; 1 skipped"), "{err}");
    let text = fs::read_to_string(&out).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    let long_rec = records
        .iter()
        .find(|r| r["doc"]["source"].as_str().unwrap().ends_with("long.txt"))
        .unwrap();
    let sentences = long_rec["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 20);
    for s in sentences {
        let t = s["tokens"].as_array().unwrap();
        assert_eq!(t[1].as_u64().unwrap() - t[0].as_u64().unwrap(), 50);
    }
    let warnings = long_rec["warnings"].to_string();
    assert!(
        warnings.contains("20 sentence(s) reached the limit of 50 tokens (max_sentence_tokens)"),
        "{warnings}"
    );

    let o = code(&[big], &out, &["--max-sentence-tokens", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--max-sentence-tokens must be at least 1"));
}

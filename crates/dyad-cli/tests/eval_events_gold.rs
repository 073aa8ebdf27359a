//! CLI tests of `dyad eval events FILE.tsv`: events annotated by hand in news texts.
//!
//! The fixture (tests/fixtures/events_gold) is a short text written for the test, in the
//! layout of the Wikinews texts (headline, blank line, date line, body), with simple
//! sentences whose coding is stable, and a gold file whose codes are partly wrong on purpose
//! so that each level of the scoring is exercised: one event right at every level, one with
//! the wrong CAMEO root, one with the right countries but a sector more, one the coder does
//! not find, one system event left out of the gold (a false positive), one event without a
//! target (monadic, not scored). The malformed gold files are written to a temporary folder;
//! each error must name the gold file and line, and no input may make the command panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events_gold")
}

fn gold() -> PathBuf {
    fixture().join("gold.tsv")
}

fn fixture_text() -> String {
    std::fs::read_to_string(fixture().join("texts/fixture_news.txt")).unwrap()
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(s.lines().count(), 1, "one JSON object: {s}");
    serde_json::from_str(&s).unwrap()
}

/// (gold, system, matched) of each level, loosest first.
fn levels(v: &Value) -> Vec<(u64, u64, u64)> {
    v["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["gold"].as_u64().unwrap(),
                l["system"].as_u64().unwrap(),
                l["matched"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_fixture_is_scored_at_each_level() {
    let v = json_of(&dyad(&[
        "eval",
        "events",
        gold().to_str().unwrap(),
        "--json",
        "--errors",
    ]));
    let names: Vec<&str> = v["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["level"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["trigger", "root", "dyad", "exact"]);
    // 4 gold events, 4 dyadic system events; attacked, criticized and praised overlap a
    // gold trigger; criticized has the wrong root; praised lacks the gold's target sector
    assert_eq!(
        levels(&v),
        [(4, 4, 3), (4, 4, 2), (4, 4, 2), (4, 4, 1)],
        "{v}"
    );
    let trigger = &v["levels"][0];
    assert!((trigger["precision"].as_f64().unwrap() - 0.75).abs() < 1e-9);
    assert!((trigger["recall"].as_f64().unwrap() - 0.75).abs() < 1e-9);
    assert!((v["levels"][3]["f1"].as_f64().unwrap() - 0.25).abs() < 1e-9);
    assert_eq!(v["files"], 1);
    assert_eq!(v["monadic_not_scored"], 1, "China protested");
    assert_eq!(v["negated_not_scored"], 0);
    // QuadClass 1: gold praised (051) and waved (043), system praised; 3: gold criticized
    // as 120, system criticized and condemned (111); 4: attacked
    let q = &v["quad_class"];
    assert_eq!((&q["1"]["gold"], &q["1"]["system"]), (&2.into(), &1.into()));
    assert_eq!(q["1"]["matched_root"], 1);
    assert_eq!((&q["3"]["gold"], &q["3"]["system"]), (&1.into(), &2.into()));
    assert_eq!(q["3"]["matched_root"], 0);
    assert_eq!(q["4"]["matched_exact"], 1);
    assert_eq!(v["root"]["11"]["system"], 2);
    // the errors, in text order: each with its file, span, trigger, codes and sentence
    let errors = v["errors"].as_array().unwrap();
    let kinds: Vec<&str> = errors.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["trigger", "dyad", "miss", "false_positive"]);
    let text = fixture_text();
    let miss = &errors[2];
    assert_eq!(miss["file"], "fixture_news.txt");
    assert_eq!(miss["gold"]["trigger"], "waved");
    assert_eq!(miss["gold"]["line"], 12);
    assert_eq!(miss["sentence"], "Lithuania waved to Latvia.");
    let fp = &errors[3]["system"];
    let (s, e) = (
        fp["start"].as_u64().unwrap() as usize,
        fp["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "condemned", "spans are bytes of the file");
    assert_eq!(fp["trigger"], "condemned");
    assert_eq!(
        (&fp["source_code"], &fp["target_code"]),
        (&"ESP".into(), &"ITA".into())
    );
    assert_eq!(errors[3]["sentence"], "Spain condemned Italy.");
    assert_eq!(
        errors[0]["system"]["cameo"].as_str().unwrap().get(..2),
        Some("11")
    );
    assert_eq!(errors[0]["gold"]["cameo"], "120");
}

#[test]
fn the_table_and_the_error_listing() {
    let out = dyad(&["eval", "events", gold().to_str().unwrap(), "--errors"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let row = |level: &str| -> Vec<String> {
        s.lines()
            .find(|l| l.starts_with(level))
            .unwrap_or_else(|| panic!("no {level} row in\n{s}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    for want in [
        "trigger 4 4 3 75.00 75.00 75.00",
        "root 4 4 2 50.00 50.00 50.00",
        "dyad 4 4 2 50.00 50.00 50.00",
        "exact 4 4 1 25.00 25.00 25.00",
    ] {
        let level = want.split(' ').next().unwrap();
        assert_eq!(row(&format!("{level} ")).join(" "), want);
    }
    assert!(s.contains("1 monadic (no target), 0 negated"), "{s}");
    let miss = s.lines().find(|l| l.starts_with("MISS")).expect("a miss");
    assert!(miss.contains("fixture_news.txt:188-193"), "{miss}");
    assert!(miss.contains("gold LTU>LVA 043 (line 12)"), "{miss}");
    assert!(miss.ends_with("| Lithuania waved to Latvia."), "{miss}");
    let fp = s
        .lines()
        .find(|l| l.starts_with("FP"))
        .expect("a false positive");
    assert!(
        fp.contains("\"condemned\"") && fp.contains("system ESP>ITA 11"),
        "{fp}"
    );
    // without --errors, no listing
    let out = dyad(&["eval", "events", gold().to_str().unwrap()]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains("MISS") && !s.contains("PAIR@"), "{s}");
}

const HEADER: &str = "file\tstart\tend\ttrigger\tsource\tsource_code\ttarget\ttarget_code\tcameo";

/// Writes `text` as `t.txt` and a gold file of `rows` over it (after a `# file: t.txt` line
/// and the header: the first row is line 3) in a temporary folder; runs the command.
fn run_on(text: &[u8], head: &str, rows: &str) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.txt"), text).unwrap();
    let g = dir.path().join("gold.tsv");
    std::fs::write(&g, format!("{head}{HEADER}\n{rows}")).unwrap();
    let out = dyad(&["eval", "events", g.to_str().unwrap(), "--json"]);
    (out, dir)
}

/// The error message of a run that must fail (exit code 2, no panic).
fn failure(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
    err
}

const TEXT: &str =
    "Headline of the story\n\nMonday, May 4, 2020\n\nKyiv’s envoy met Poland’s minister.\n";

#[test]
fn gold_errors_name_the_file_and_line() {
    let t = TEXT.as_bytes();
    let met = TEXT.find("met").unwrap();
    let row = |start: usize, end: usize, trigger: &str, file: &str| {
        format!("{file}\t{start}\t{end}\t{trigger}\tenvoy\tUKRGOV\tminister\tPOLGOV\t040\n")
    };
    let head = "# file: t.txt\n";
    // a good file runs
    let (out, _d) = run_on(t, head, &row(met, met + 3, "met", "t.txt"));
    let v = json_of(&out);
    assert_eq!(levels(&v)[0].0, 1);

    // too few columns
    let (out, _d) = run_on(t, head, "t.txt\t1\t2\tmet\n");
    let e = failure(&out);
    assert!(
        e.contains("gold.tsv:3: expected 9 tab-separated columns"),
        "{e}"
    );
    // an offset that is no number; an unknown CAMEO code
    let (out, _d) = run_on(
        t,
        head,
        &row(met, met + 3, "met", "t.txt").replace("\t040", "\t04x"),
    );
    assert!(failure(&out).contains("gold.tsv:3: cameo `04x`"));
    let (out, _d) = run_on(
        t,
        head,
        &format!(
            "{}t.txt\t-1\t3\tmet\ta\tUKR\tb\tPOL\t040\n",
            row(met, met + 3, "met", "t.txt")
        ),
    );
    assert!(failure(&out).contains("gold.tsv:4: start `-1`"));
    // a wrong header
    let (out, _d) = run_on(t, "# file: t.txt\nfile\tstart\n", "");
    assert!(failure(&out).contains("gold.tsv:2: expected the header line"));
    // the trigger column is not the bytes at the offsets
    let (out, _d) = run_on(t, head, &row(met, met + 3, "meet", "t.txt"));
    let e = failure(&out);
    assert!(e.contains("gold.tsv:3: bytes"), "{e}");
    assert!(e.contains("are `met`, not the trigger `meet`"), "{e}");
    // offsets beyond the end of the text
    let (out, _d) = run_on(t, head, &row(met, TEXT.len() + 5, "met", "t.txt"));
    let e = failure(&out);
    let want = format!(
        "gold.tsv:3: end {} is beyond the end of t.txt ({} bytes)",
        TEXT.len() + 5,
        TEXT.len()
    );
    assert!(e.contains(&want), "{e}");
    // an offset inside the three bytes of the apostrophe after Kyiv
    let apos = TEXT.find('’').unwrap();
    let (out, _d) = run_on(t, head, &row(apos - 4, apos + 1, "Kyiv’", "t.txt"));
    let e = failure(&out);
    assert!(e.contains("gold.tsv:3: end"), "{e}");
    assert!(e.contains("inside a character"), "{e}");
    // a row whose file has no `# file:` line
    let (out, _d) = run_on(t, head, &row(met, met + 3, "met", "other.txt"));
    let e = failure(&out);
    assert!(
        e.contains("gold.tsv:3: file other.txt has no `# file: other.txt` line"),
        "{e}"
    );
    // a listed text file that does not exist
    let (out, _d) = run_on(t, "# notes\n# file: missing.txt\n", "");
    let e = failure(&out);
    assert!(
        e.contains("gold.tsv:2: cannot read the text file missing.txt"),
        "{e}"
    );
    // a text that is not UTF-8
    let (out, _d) = run_on(b"Russia attacked \xff Ukraine.\n", head, "");
    assert!(failure(&out).contains("gold.tsv:1: the text file t.txt is not UTF-8"));
    // a gold file that does not exist
    let out = dyad(&["eval", "events", "/nonexistent/gold.tsv"]);
    assert!(failure(&out).contains("cannot read /nonexistent/gold.tsv"));
}

#[test]
fn a_byte_order_mark_counts_in_the_offsets() {
    // the same text behind a UTF-8 byte-order mark: the gold offsets, which count its
    // three bytes, are shifted by three and the scores are those of the fixture
    let text = fixture_text();
    let gold = std::fs::read_to_string(gold()).unwrap();
    let mut rows = String::new();
    for line in gold.lines().filter(|l| l.starts_with("texts/")) {
        let c: Vec<&str> = line.split('\t').collect();
        let shift = |v: &str| (v.parse::<usize>().unwrap() + 3).to_string();
        let (s, e) = (shift(c[1]), shift(c[2]));
        let mut c: Vec<String> = c.iter().map(|x| x.to_string()).collect();
        c[0] = "t.txt".into();
        c[1] = s;
        c[2] = e;
        rows.push_str(&c.join("\t"));
        rows.push('\n');
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(text.as_bytes());
    let (_, d) = run_on(&bytes, "# file: t.txt\n", &rows);
    let g = d.path().join("gold.tsv");
    let out = dyad(&["eval", "events", g.to_str().unwrap(), "--json", "--errors"]);
    let v = json_of(&out);
    // the false positive's span is in bytes of the file, mark included
    let fp = &v["errors"][3]["system"];
    let (s, e) = (
        fp["start"].as_u64().unwrap() as usize,
        fp["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"condemned");
    assert_eq!(
        levels(&v),
        [(4, 4, 3), (4, 4, 2), (4, 4, 2), (4, 4, 1)],
        "{v}"
    );
}

#[test]
fn a_file_listed_without_rows_counts_its_events_as_false_positives() {
    let (out, _d) = run_on(fixture_text().as_bytes(), "# file: t.txt\n", "");
    let v = json_of(&out);
    assert_eq!(levels(&v), [(0, 4, 0), (0, 4, 0), (0, 4, 0), (0, 4, 0)]);
    assert_eq!(v["levels"][0]["precision"], 0.0);
}

#[test]
fn a_gold_event_in_the_headline_is_a_miss_outside_the_coded_text() {
    // `dyad code` reads the headline and the date line as metadata and codes the body only
    let text = fixture_text();
    let at = text.find("accusations").unwrap();
    let row = format!(
        "t.txt\t{at}\t{}\taccusations\tRussia\tRUS\tUkraine\tUKR\t112\n",
        at + "accusations".len()
    );
    let (_, d) = run_on(text.as_bytes(), "# file: t.txt\n", &row);
    let g = d.path().join("gold.tsv");
    let v = json_of(&dyad(&[
        "eval",
        "events",
        g.to_str().unwrap(),
        "--json",
        "--errors",
    ]));
    assert_eq!(v["gold_outside_coded_text"], 1);
    assert_eq!(levels(&v)[0], (1, 4, 0));
    let miss = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "miss")
        .expect("the headline event is missed");
    assert_eq!(
        miss["sentence"],
        "Russia and Ukraine trade accusations as fighting goes on"
    );
    let out = dyad(&["eval", "events", g.to_str().unwrap()]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("gold events outside the text dyad codes (headline, date line): 1"),
        "{s}"
    );
}

#[test]
fn negated_events_are_counted_not_scored() {
    let text = "Headline here\n\nMonday, May 4, 2020\n\nSpain did not condemn Italy. Russia attacked Ukraine.\n";
    let at = text.find("attacked").unwrap();
    let row = format!(
        "t.txt\t{at}\t{}\tattacked\tRussia\tRUS\tUkraine\tUKR\t190\n",
        at + 8
    );
    let (out, _d) = run_on(text.as_bytes(), "# file: t.txt\n", &row);
    let v = json_of(&out);
    assert_eq!(v["negated_not_scored"], 1, "did not condemn");
    assert_eq!(levels(&v)[3], (1, 1, 1), "{v}");
}

/// A text that stays outside the repository: a page of a JSON benchmark file named
/// `FILE.json#KEY-PREFIX` (found beside or above the gold file), its `articleBody` read as
/// `dyad code` reads a JSON Lines record, with the document date the `# file:` line gives
/// after the path (it decides whether Obama is in office).
#[test]
fn a_benchmark_page_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Barack Obama met Angela Merkel in Berlin on Tuesday.";
    let bench = serde_json::json!({
        "ab12cd34ef": { "articleBody": body, "url": "https://example.org/a" },
        "ff00": { "articleBody": "Other page.", "url": "https://example.org/b" },
    });
    std::fs::write(dir.path().join("bench.json"), bench.to_string()).unwrap();
    let sets = dir.path().join("sets");
    std::fs::create_dir(&sets).unwrap();
    let met = body.find("met").unwrap();
    let page = "bench.json#ab12";
    let row = format!(
        "{page}\t{met}\t{}\tmet\tObama\tUSAGOV\tMerkel\tDEUGOV\t040\n",
        met + 3
    );
    let g = sets.join("gold.tsv");
    let levels_on = |date: &str| {
        std::fs::write(&g, format!("# file: {page}{date}\n{HEADER}\n{row}")).unwrap();
        levels(&json_of(&dyad(&[
            "eval",
            "events",
            g.to_str().unwrap(),
            "--json",
        ])))
    };
    // in office in 2012: right at every level; in 2021 a former official (USAELI, DEUELI)
    assert_eq!(
        levels_on(" 2012-05-01"),
        [(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1)]
    );
    assert_eq!(
        levels_on(" 2021-05-01"),
        [(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 0)]
    );
    // a key prefix that names no page, or two, is an error naming the gold file and line
    std::fs::write(&g, format!("# file: bench.json#00\n{HEADER}\n")).unwrap();
    let err = failure(&dyad(&["eval", "events", g.to_str().unwrap()]));
    assert!(
        err.contains("gold.tsv:1") && err.contains("expected exactly one"),
        "{err}"
    );
    std::fs::write(&g, format!("# file: nothere.json#ab\n{HEADER}\n")).unwrap();
    let err = failure(&dyad(&["eval", "events", g.to_str().unwrap()]));
    assert!(
        err.contains("gold.tsv:1") && err.contains("not found"),
        "{err}"
    );
}

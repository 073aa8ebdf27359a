//! `dyad eval actors` on the repository's hand-annotated actor mentions: the command runs
//! the whole pipeline and both actor layers, and reports counts that agree with the gold
//! file; a malformed gold file is an error naming the file and line.

use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("dyad runs")
}

#[test]
fn eval_actors_json_counts_the_gold_mentions() {
    let gold = "testdata/actors/dev/gum_news_korea.txt";
    let text = std::fs::read_to_string(format!("{}/../../{gold}", env!("CARGO_MANIFEST_DIR")))
        .expect("gold file in the repository");
    let marked = text.matches("{{").count();
    let out = dyad(&["eval", "actors", "--json", gold]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let total = &v["total"];
    assert_eq!(total["mentions"], marked);
    assert!(total["found"].as_u64().unwrap() <= marked as u64);
    let acc = total["country_accuracy"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&acc));
    assert_eq!(
        total["country_correct"].as_u64().unwrap() as f64
            / total["with_country"].as_u64().unwrap() as f64,
        acc
    );
    // the resolved-only form divides by the mentions that got a country
    let resolved = total["with_country"].as_u64().unwrap() - total["unresolved"].as_u64().unwrap();
    let acc_resolved = total["country_accuracy_resolved"].as_f64().unwrap();
    assert_eq!(
        total["country_correct"].as_u64().unwrap() as f64 / resolved as f64,
        acc_resolved
    );
    assert!(acc_resolved >= acc);
    assert_eq!(
        total["sector_correct"].as_u64().unwrap() as f64
            / total["sector_predicted"].as_u64().unwrap() as f64,
        total["sector_accuracy_resolved"].as_f64().unwrap()
    );
    assert_eq!(v["pre_parse_total"]["mentions"], marked);
    assert_eq!(v["files"][0]["file"], "gum_news_korea.txt");
}

#[test]
fn malformed_gold_file_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        "# date: 2020-01-01\nok line\n{{North Korea PRK}} fired\n",
    )
    .unwrap();
    let out = dyad(&["eval", "actors", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt:3:"), "{err}");
}

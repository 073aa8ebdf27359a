//! `dyad train speakers`: the quote speaker ranker trained on a small gold set.

use std::fs;
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn gold_set(dir: &std::path::Path, name: &str, people: [&str; 2]) -> String {
    let [a, b] = people;
    let text = format!(
        "{a} met {b} in Paris on Monday. \"We will not give up on this plan,\" {b} said.\n\n\
         {a} said that the talks had failed. \"It was a very long night for everyone,\" she \
         said.\n"
    );
    fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    let gold = format!(
        "# test set\n@doc\t{name}.txt\t2021-03-25\n\
         D\tWe will not give up on this plan\t{b}\n\
         I\tthe talks had failed\t{a}\n\
         D\tIt was a very long night for everyone\t{a}\n"
    );
    let g = dir.join(format!("{name}.tsv"));
    fs::write(&g, gold).unwrap();
    g.to_str().unwrap().to_string()
}

#[test]
fn training_is_deterministic_and_cross_validation_prints_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let g1 = gold_set(dir.path(), "one", ["Mary Jones", "Tom Smith"]);
    let g2 = gold_set(dir.path(), "two", ["Anna Berg", "Paul Klee"]);
    let m1 = dir.path().join("m1.tsv");
    let m2 = dir.path().join("m2.tsv");
    for m in [&m1, &m2] {
        let out = dyad(&[
            "train",
            "speakers",
            "--gold",
            &g1,
            &g2,
            "--out",
            m.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let a = fs::read_to_string(&m1).unwrap();
    assert_eq!(a, fs::read_to_string(&m2).unwrap());
    assert!(a.starts_with("# dyad speaker ranker"), "{a}");
    let out = dyad(&["train", "speakers", "--cv", "--gold", &g1, &g2]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("one.tsv") && table.contains("total"),
        "{table}"
    );
    // Without --out or --cv there is nothing to do.
    let out = dyad(&["train", "speakers", "--gold", &g1]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}

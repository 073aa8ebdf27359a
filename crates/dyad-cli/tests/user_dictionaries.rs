//! `dyad code --actors/--verbs/--petrarch-actors`: a user's dictionaries read on top of the
//! built-in ones change what the pipeline codes, events name the file and line of the
//! pattern that fired, and a malformed line is an error naming the file and the line.

use std::path::Path;
use std::process::{Command, Output};

fn dyad(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("dyad runs")
}

const TEXT: &str = "Zorblat Quux met Emmanuel Macron in Paris on Tuesday.\n\n\
France flummoxed Germany on Monday.\n";

/// (mention, code) of the actors and (cameo, source code, target code, dictionary, line)
/// of the events of the one record `dyad code` writes.
#[allow(clippy::type_complexity)]
fn coded(
    out: &Output,
) -> (
    Vec<(String, String)>,
    Vec<(String, String, String, String, u64)>,
) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    let actors = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (s(&a["mention"]), s(&a["code"])))
        .collect();
    let events = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                s(&e["cameo"]),
                s(&e["source"]["code"]),
                s(&e["target"]["code"]),
                s(&e["pattern"]["dictionary"]),
                e["pattern"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (actors, events)
}

#[test]
fn user_actor_and_verb_dictionaries_change_the_coding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.txt"), TEXT).unwrap();
    std::fs::write(
        dir.path().join("my.tsv"),
        "# my additions\nactor\tZorblat Quux\tNORGOV\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("verbs.txt"),
        "# my verbs\n--- FLUMMOX   [111]  ---\nFLUMMOX\n",
    )
    .unwrap();

    let (actors, events) = coded(&dyad(dir.path(), &["code", "-q", "doc.txt"]));
    let quux = |a: &[(String, String)]| {
        a.iter()
            .find(|(m, _)| m == "Zorblat Quux")
            .map(|(_, c)| c.clone())
    };
    assert_ne!(quux(&actors).as_deref(), Some("NORGOV"));
    assert!(
        !events.iter().any(|e| e.0 == "111"),
        "no dictionary knows 'flummox': {events:?}"
    );

    let (actors, events) = coded(&dyad(
        dir.path(),
        &[
            "code",
            "-q",
            "doc.txt",
            "--actors",
            "my.tsv",
            "--verbs",
            "verbs.txt",
        ],
    ));
    assert_eq!(quux(&actors).as_deref(), Some("NORGOV"));
    assert!(
        events
            .iter()
            .any(|e| e.0.starts_with("04") && e.1 == "NORGOV"),
        "the meeting's source is the user's actor: {events:?}"
    );
    let flummox = events.iter().find(|e| e.0 == "111").expect("coded");
    assert_eq!(
        (flummox.1.as_str(), flummox.2.as_str()),
        ("FRA", "DEU"),
        "{events:?}"
    );
    assert_eq!((flummox.3.as_str(), flummox.4), ("verbs.txt", 3));

    // PETRARCH's own actor format imports as well
    std::fs::write(dir.path().join("p.txt"), "ZORBLAT_QUUX  [NORMIL]\n").unwrap();
    let (actors, _) = coded(&dyad(
        dir.path(),
        &["code", "-q", "doc.txt", "--petrarch-actors", "p.txt"],
    ));
    assert_eq!(quux(&actors).as_deref(), Some("NORMIL"));
}

#[test]
fn malformed_user_dictionaries_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.txt"), TEXT).unwrap();
    std::fs::write(
        dir.path().join("bad.tsv"),
        "actor\tZorblat Quux\tNORGOV\nactor\tNobody\n",
    )
    .unwrap();
    let out = dyad(
        dir.path(),
        &["code", "-q", "doc.txt", "--actors", "bad.tsv"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsv:2"), "{err}");
    assert!(
        out.stdout.is_empty(),
        "nothing coded with a broken dictionary"
    );

    let out = dyad(
        dir.path(),
        &["code", "-q", "doc.txt", "--verbs", "missing.txt"],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("missing.txt"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

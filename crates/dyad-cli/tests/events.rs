//! CLI tests of the event coder: `dyad code` on the shared sample writes the events a
//! reader sees there, and `dyad eval petrarch` / `dyad eval plover` run on the validation
//! files (skipped with a message when ../shared is absent). The evaluation floors sit a
//! little under the measured values, so a regression fails them; they are not the targets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/devdiscourse-2021-03-25-blinken.txt")
}

/// A file of the shared data, or `None` (with a message) when it is not there.
fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events")
        .join(rel);
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

fn sample_record() -> Value {
    let out = dyad(&["code", "-q", sample().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8(out.stdout).unwrap();
    serde_json::from_str(line.lines().next().expect("one record")).unwrap()
}

fn code(a: &Value) -> &str {
    a["code"].as_str().unwrap_or("")
}

#[test]
fn code_writes_the_sample_events() {
    let d = sample_record();
    let text = d["text"].as_str().unwrap();
    let events = d["events"].as_array().expect("events are written");
    let slice = |v: &Value| {
        let (a, b) = (
            v[0].as_u64().unwrap() as usize,
            v[1].as_u64().unwrap() as usize,
        );
        &text[a..b]
    };
    let find = |trigger: &str, src: &str, tgt: &str| {
        events.iter().find(|e| {
            slice(&e["trigger"]) == trigger
                && code(&e["source"]) == src
                && (tgt.is_empty() || code(&e["target"]) == tgt)
        })
    };
    // European governments summoning Chinese envoys: a meeting (CAMEO 040)
    let e = find("summoned", "EURGOV", "CHNGOV").expect("summoned envoys");
    assert_eq!(
        (e["cameo"].as_str(), e["root"].as_str()),
        (Some("040"), Some("04"))
    );
    assert_eq!(e["plover"]["type"], "CONSULT");
    // Blinken praising EU officials: the participle takes the main clause's subject
    let e = find("praising", "USAGOV", "IGOEUREEC").expect("praising EU officials");
    assert_eq!(e["cameo"], "051");
    assert_eq!(
        e["date"], "2021-03-24",
        "'on Wednesday' before Thursday 25 March"
    );
    // EU support for the U.S. plan
    assert!(find("won", "IGOEUREEC", "USAGOV").is_some(), "EU support");
    // Blinken's promise to work with the EU and NATO: one event per conjunct
    for t in ["IGOEUREEC", "IGOWSTNAT"] {
        let e = find("promised", "USAGOV", t).unwrap_or_else(|| panic!("promise to {t}"));
        assert_eq!(e["root"], "03");
    }
    // China's decision to retaliate against Western sanctions: the possessor acts
    let e = find("retaliate", "CHN", "").expect("China retaliates");
    assert_eq!(e["date"], "2021-03-22", "'on Monday'");
    // "his three-day visit to Brussels": an event noun, the pronoun read as Blinken
    let e = find("visit", "USAGOV", "").expect("Blinken's visit");
    assert_eq!(e["cameo"], "042");
    // Blinken and Wilmes, side by side
    assert!(
        find("said", "USAGOV", "BELGOV").is_some(),
        "Blinken with Wilmes"
    );

    for e in events {
        // no event from the menu line, none from the pasted paragraph twice
        assert!(!e["text"].as_str().unwrap().contains("Left Menu"));
        let same = events
            .iter()
            .filter(|f| {
                f["text"] == e["text"]
                    && f["cameo"] == e["cameo"]
                    && f["source"]["span"] == e["source"]["span"]
                    && f["target"]["span"] == e["target"]["span"]
            })
            .count();
        assert_eq!(same, 1, "event repeated: {e}");
        // the record is consistent: root from the code, trigger inside the span
        let cameo = e["cameo"].as_str().unwrap();
        assert_eq!(e["root"].as_str().unwrap(), &cameo[..2]);
        let (s, t) = (&e["span"], &e["trigger"]);
        assert!(s[0].as_u64() <= t[0].as_u64() && t[1].as_u64() <= s[1].as_u64());
        assert!(e["pattern"]["dictionary"]
            .as_str()
            .unwrap()
            .ends_with("CAMEO.2.0.txt"));
        let c = e["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
}

#[test]
fn code_reads_a_place_as_its_country_as_the_evaluation_does() {
    // PETRARCH's dictionaries list a capital as its country: "arrived in Warsaw" has the
    // target POL in `dyad code` as in `dyad eval petrarch`, and Warsaw is still where
    let dir = std::env::temp_dir().join(format!("dyad-place-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("warsaw.txt");
    std::fs::write(
        &f,
        "The Ukrainian foreign minister arrived in Warsaw on Sunday.\n",
    )
    .unwrap();
    let out = dyad(&["code", "-q", f.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = d["events"].as_array().expect("events are written");
    let e = events
        .iter()
        .find(|e| code(&e["source"]) == "UKRGOV")
        .unwrap_or_else(|| panic!("the minister's arrival: {events:?}"));
    assert_eq!(code(&e["target"]), "POL");
    assert_eq!(e["target"]["mention"], "Warsaw");
    assert_eq!(e["target"]["place"], true);
    assert_eq!(e["location"]["name"], "Warsaw");
}

fn eval_json(args: &[&str]) -> Value {
    let out = dyad(args);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON value")
}

#[test]
fn eval_petrarch_scores_the_unit_tests_and_the_gsr() {
    let (Some(unit), Some(gsr)) = (
        shared("validation/PETR.UnitTest.records.xml"),
        shared("validation/UniversalPetrarch_PETR2_GSR_validation.xml"),
    ) else {
        return;
    };
    let v = eval_json(&[
        "eval",
        "petrarch",
        "--json",
        unit.to_str().unwrap(),
        gsr.to_str().unwrap(),
    ]);
    let reports = v.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    let total = |i: usize| &reports[i]["scores"]["total"];
    let u = total(0);
    assert_eq!(reports[0]["actors"], "PETR.Validate.actors.txt");
    assert_eq!(u["expected"], 355, "parse-error records are not scored");
    assert!(u["found"].as_u64().unwrap() >= 195, "unit tests found {u}");
    let g = total(1);
    assert_eq!(g["expected"], 80);
    assert!(g["found"].as_u64().unwrap() >= 30, "GSR found {g}");
    // per-category tallies add up to the total
    let cats = reports[0]["scores"]["categories"].as_object().unwrap();
    let found: u64 = cats.values().map(|c| c["found"].as_u64().unwrap()).sum();
    assert_eq!(Some(found), u["found"].as_u64());
}

#[test]
fn eval_plover_reports_type_accuracy() {
    let Some(gsr) = shared("plover/PLOVER_GSR_CAMEO.txt") else {
        return;
    };
    let v = eval_json(&["eval", "plover", "--json", gsr.to_str().unwrap()]);
    let r = &v[0];
    assert_eq!(r["examples"], 322);
    let acc = r["type_accuracy"].as_f64().unwrap();
    assert!(acc >= 0.44, "PLOVER type accuracy {acc}");
    let correct = r["type_correct"].as_u64().unwrap();
    assert!(correct <= r["coded"].as_u64().unwrap());
}

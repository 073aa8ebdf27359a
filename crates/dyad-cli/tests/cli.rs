//! Integration tests of the `dyad` binary: real processes, real files, bad inputs among them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/devdiscourse-2021-03-25-blinken.txt")
}

fn stdout_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is a JSON record"))
        .collect()
}

#[test]
fn code_on_the_sample_reads_header_and_cleans() {
    let out = dyad(&["code", "-q", sample().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = stdout_lines(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["schema"], "dyad/1");
    assert_eq!(d["doc"]["date"], "2021-03-25");
    assert_eq!(
        d["doc"]["title"],
        "U.S.'s Blinken says West needs to cooperate more than ever"
    );
    let text = d["text"].as_str().unwrap();
    assert!(!text.contains("Left Menu"));
    assert_eq!(text.matches("He later told U.S. diplomats").count(), 1);
    assert!(text.contains("Blinken insisted throughout his trip"));
    // No sentence ends right after "U.S.".
    for s in d["sentences"].as_array().unwrap() {
        let end = s["span"][1].as_u64().unwrap() as usize;
        assert!(
            !text[..end].ends_with("U.S."),
            "sentence ends at U.S.: {}",
            &text[..end]
        );
    }
    // Spans of tokens are inside the text and their text matches.
    for t in d["tokens"].as_array().unwrap() {
        let (s, e) = (
            t["span"][0].as_u64().unwrap() as usize,
            t["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], t["text"].as_str().unwrap());
    }
    // Offsets map the cleaned text back onto the input bytes.
    let input = fs::read_to_string(sample()).unwrap();
    for seg in d["offsets"].as_array().unwrap() {
        let v: Vec<usize> = seg
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as usize)
            .collect();
        if v[2] == v[3] {
            assert_eq!(&text[v[0]..v[0] + v[2]], &input[v[1]..v[1] + v[3]]);
        }
    }
}

#[test]
fn code_tags_and_parses_every_sentence() {
    let out = dyad(&["code", "-q", sample().to_str().unwrap()]);
    assert!(out.status.success());
    let d = &stdout_lines(&out)[0];
    let tokens = d["tokens"].as_array().unwrap();
    assert!(tokens
        .iter()
        .all(|t| t["upos"].is_string() && t["lemma"].is_string()));
    let said = tokens.iter().find(|t| t["text"] == "said").unwrap();
    assert_eq!(said["upos"], "VERB");
    assert_eq!(said["lemma"], "say");
    for s in d["sentences"].as_array().unwrap() {
        let (a, b) = (
            s["tokens"][0].as_u64().unwrap() as usize,
            s["tokens"][1].as_u64().unwrap() as usize,
        );
        let roots = tokens[a..b]
            .iter()
            .filter(|t| t["deprel"] == "root")
            .count();
        assert_eq!(roots, 1, "one root per sentence");
        for t in &tokens[a..b] {
            if let Some(h) = t["head"].as_u64() {
                assert!((a..b).contains(&(h as usize)), "head inside the sentence");
            }
        }
    }
    assert!(d["entities"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn code_resolves_actors_and_knowledge_graph_fields() {
    let out = dyad(&["code", "-q", sample().to_str().unwrap()]);
    assert!(out.status.success());
    let d = &stdout_lines(&out)[0];
    let text = d["text"].as_str().unwrap();
    let actors = d["actors"].as_array().unwrap();
    let code_of = |mention: &str| -> Vec<&str> {
        actors
            .iter()
            .filter(|a| a["mention"].as_str().unwrap().contains(mention))
            .filter_map(|a| a["code"].as_str())
            .collect()
    };
    assert!(code_of("Antony Blinken").contains(&"USAGOV"));
    assert!(code_of("Sophie Wilmes").contains(&"BELGOV"));
    assert!(code_of("NATO").iter().all(|c| c.starts_with("IGO")));
    for a in actors {
        let (s, e) = (
            a["span"][0].as_u64().unwrap() as usize,
            a["span"][1].as_u64().unwrap() as usize,
        );
        assert!(text.get(s..e).is_some(), "actor span inside the text");
        assert!(a["rule"].as_str().is_some_and(|r| !r.is_empty()));
    }
    let gkg = &d["gkg"];
    let dates: Vec<&str> = gkg["dates"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["date"].as_str())
        .collect();
    assert!(dates.contains(&"2021-03-24") && dates.contains(&"2021-03-25"));
    let brussels = gkg["locations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["mention"] == "Brussels")
        .unwrap();
    assert_eq!(brussels["country"], "BEL");
    assert!(gkg["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["speaker"].as_str().unwrap().contains("Blinken")));
}

#[test]
fn events_take_the_place_of_their_sentence_else_the_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("kyiv.txt");
    fs::write(
        &f,
        "KYIV (Reuters) - Russia attacked Ukraine on Tuesday, officials said. \
         Russia attacked Ukraine near Kharkiv on Wednesday.\n",
    )
    .unwrap();
    let out = dyad(&["code", "-q", f.to_str().unwrap()]);
    assert!(out.status.success());
    let d = &stdout_lines(&out)[0];
    let text = d["text"].as_str().unwrap();
    let events = d["events"].as_array().unwrap();
    let place_of = |sentence: u64| {
        events
            .iter()
            .find(|e| e["sentence"] == sentence && e["cameo"].as_str().unwrap().starts_with("19"))
            .map(|e| e["location"].clone())
            .unwrap_or_else(|| panic!("no attack coded in sentence {sentence}: {events:?}"))
    };
    // The first sentence names no place: the dateline's, which has no span in the text.
    let first = place_of(0);
    assert_eq!(first["name"], "Kyiv");
    let tones: Vec<f64> = events.iter().filter_map(|e| e["tone"].as_f64()).collect();
    assert_eq!(
        tones.len(),
        events.len(),
        "every event has its sentence's tone"
    );
    assert!(
        tones.iter().any(|t| *t < 0.0),
        "an attack reads negative: {tones:?}"
    );
    assert_eq!(first["country"], "UKR");
    assert!(first.get("span").is_none());
    // The second names one: it wins, with its span, and not the actors' countries.
    let second = place_of(1);
    assert_eq!(second["name"], "Kharkiv");
    let (s, e) = (
        second["span"][0].as_u64().unwrap() as usize,
        second["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Kharkiv");
}

#[test]
fn runs_are_deterministic() {
    let a = dyad(&["code", "-q", sample().to_str().unwrap()]);
    let b = dyad(&["code", "-q", sample().to_str().unwrap()]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::copy(sample(), p.join("good.txt")).unwrap();
    fs::write(
        p.join("binary.bin"),
        [0u8, 1, 2, 0, 0, 255, 0, 7, 0, 0, 0, 9, 0].repeat(50),
    )
    .unwrap();
    fs::write(p.join("empty.txt"), b"").unwrap();
    fs::write(
        p.join("latin.txt"),
        b"Caf\xe9 owners in S\xe3o Paulo protested on Monday.\n",
    )
    .unwrap();
    // A gzip stream cut in the middle.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(fs::read(sample()).unwrap().as_slice())
        .unwrap();
    let gz = gz.finish().unwrap();
    fs::write(p.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    let missing = p.join("missing.txt");

    let out = dyad(&["read", p.to_str().unwrap(), missing.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr: {stderr}");
    let docs = stdout_lines(&out);
    let sources: Vec<&str> = docs
        .iter()
        .map(|d| d["doc"]["source"].as_str().unwrap())
        .collect();
    assert!(sources.iter().any(|s| s.ends_with("good.txt")));
    assert!(sources.iter().any(|s| s.ends_with("latin.txt")));
    for bad in ["binary.bin", "empty.txt", "cut.txt.gz", "missing.txt"] {
        assert!(stderr.contains(bad), "{bad} not reported in: {stderr}");
        assert!(!sources.iter().any(|s| s.ends_with(bad)));
    }
    assert!(stderr.contains("4 skipped"), "{stderr}");
}

#[test]
fn nothing_readable_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.bin");
    fs::write(&bin, [0u8; 64]).unwrap();
    let out = dyad(&["read", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.bin"));
    let out = dyad(&["read", dir.path().join("nope").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn jsonl_corpus_with_a_bad_line_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("c.jsonl");
    fs::write(
        &f,
        "{\"text\": \"NATO allies met in Brussels.\", \"title\": \"One\", \"date\": \"2021-03-24\"}\n\
         not json\n\
         {\"body\": \"no text field\"}\n\
         {\"text\": \"Russia criticised the plan.\", \"title\": \"Two\"}\n",
    )
    .unwrap();
    let out = dyad(&["read", f.to_str().unwrap()]);
    assert!(out.status.success());
    let docs = stdout_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["doc"]["title"], "One");
    assert_eq!(docs[0]["doc"]["date"], "2021-03-24");
    assert_eq!(docs[1]["text"], "Russia criticised the plan.");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("line 3"), "{stderr}");
}

#[test]
fn output_file_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.json");
    let out = dyad(&[
        "code",
        "-q",
        "--format",
        "json",
        "-o",
        json.to_str().unwrap(),
        sample().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);

    let out = dyad(&["code", "-q", "--format", "tsv", sample().to_str().unwrap()]);
    let tsv = String::from_utf8(out.stdout).unwrap();
    let mut lines = tsv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("doc\tsentence\ttoken\tstart\tend\ttext"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() > 500);
    assert!(rows.iter().all(|r| r.split('\t').count() == 11));

    let out = dyad(&["read", "-q", "--format", "tsv", sample().to_str().unwrap()]);
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(tsv.lines().count(), 2);
}

#[test]
fn stdin_is_an_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["read", "-q", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"The European Union imposed sanctions on Tuesday.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let docs = stdout_lines(&out);
    assert_eq!(docs[0]["doc"]["source"], "-");
    assert_eq!(
        docs[0]["text"],
        "The European Union imposed sanctions on Tuesday."
    );
}

#[test]
fn every_verb_has_help() {
    for verb in [
        vec!["--help"],
        vec!["read", "--help"],
        vec!["code", "--help"],
        vec!["eval", "--help"],
        vec!["eval", "extract", "--help"],
        vec!["eval", "segment", "--help"],
        vec!["eval", "tokenize", "--help"],
        vec!["eval", "ud", "--help"],
        vec!["eval", "ner", "--help"],
        vec!["train", "--help"],
    ] {
        let out = dyad(&verb);
        assert!(out.status.success(), "{verb:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{verb:?}"
        );
    }
}

#[test]
fn eval_on_a_tiny_treebank_prints_metrics() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("t.conllu");
    fs::write(
        &f,
        "# newdoc id = d\n# sent_id = 1\n# text = He left.\n1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
         # sent_id = 2\n# text = She stayed.\n1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tstayed\tstay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
    )
    .unwrap();
    let out = dyad(&["eval", "tokenize", "--json", f.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tokens_f1 = v["files"][0]["metrics"]["tokens"]["f1"].as_f64().unwrap();
    assert!((tokens_f1 - 1.0).abs() < 1e-9);
    let out = dyad(&["eval", "segment", f.to_str().unwrap()]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Sentences"));
    assert!(table.contains("100.00"));
}

#[test]
fn stop_after_tokenize_skips_the_models() {
    let out = dyad(&[
        "code",
        "-q",
        "--stop-after",
        "tokenize",
        sample().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let d = &stdout_lines(&out)[0];
    let tokens = d["tokens"].as_array().unwrap();
    assert!(tokens.len() > 500);
    assert!(tokens.iter().all(|t| t.get("upos").is_none()));
    // A model directory that does not exist is only an error when the models are needed.
    let out = dyad(&[
        "code",
        "-q",
        "--stop-after",
        "tokenize",
        "--models",
        "/nonexistent",
        sample().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let out = dyad(&[
        "code",
        "-q",
        "--models",
        "/nonexistent",
        sample().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot load the models from /nonexistent")
    );
}

/// Regression: `dyad code ... | head` printed "error: cannot write output: Broken pipe".
#[test]
fn closed_output_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "code",
            "-q",
            "--stop-after",
            "tokenize",
            "--format",
            "tsv",
            sample().to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Broken pipe"));
}

/// Regression: `dyad eval ... --json | head -c 10` panicked in `println!` on the closed pipe.
#[test]
fn eval_into_a_closed_pipe_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("tiny.conllu");
    fs::write(
        &gold,
        "# text = Hello there.\n1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n\
         2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n\
         3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n",
    )
    .unwrap();
    for json in [true, false] {
        let mut args = vec!["eval", "segment", gold.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "json={json}: {err}");
        assert!(out.status.success(), "json={json}: {err}");
    }
}

/// `--format gkg` writes one GDELT GKG 2.1 row per document: 27 tab-separated columns, no
/// header, the sample's Brussels among the locations; `read` cannot write it.
#[test]
fn gkg_format_writes_one_gkg_row_per_document() {
    let out = dyad(&["code", "-q", "--format", "gkg", sample().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 1, "{text}");
    let cols: Vec<&str> = rows[0].split('\t').collect();
    assert_eq!(cols.len(), 27, "{}", rows[0]);
    assert!(rows[0].contains("Brussels"), "{}", rows[0]);
    let refused = dyad(&["read", "--format", "gkg", sample().to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--format gkg"));
}

#[test]
fn train_refuses_zero_runs_and_zero_epochs() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("t.conllu");
    fs::write(&f, "# text = He left.\n1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n").unwrap();
    let out_file = dir.path().join("p.bin");
    let (train, out) = (f.to_str().unwrap(), out_file.to_str().unwrap());
    for (flag, value, message) in [
        ("--runs", "0", "--runs must be at least 1"),
        ("--epochs", "0", "--epochs must be at least 1"),
    ] {
        let o = dyad(&[
            "train", "parser", "--train", train, "--dev", train, "--out", out, flag, value,
        ]);
        assert!(!o.status.success(), "{flag} {value} was accepted");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(message), "{flag} {value}: {err}");
        assert!(!out_file.exists(), "{flag} {value} wrote a model");
    }
}

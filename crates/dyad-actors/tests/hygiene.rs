//! Hygiene of the generated dictionaries in `data/actors/`: they say they are generated,
//! are sorted with unique keys, use only codes valid against the CAMEO codebook, and carry
//! well-formed dates. A cross-check reads the PETRARCH originals with this crate's own
//! reader (when `../shared/data` is present) and compares them with the generated TSVs.

use std::collections::HashSet;

use dyad_actors::dictionary::{
    ACTOR_TSVS, ADDITIONS_TSV, AGENCIES_TSV, AGENTS_TSV, CODEBOOK_TSV, ORGANIZATIONS_TSV,
    PLACES_TSV,
};
use dyad_actors::normalize::phrase_words;
use dyad_actors::{petrarch_reader, tsv_reader, Codebook, DictionaryBuilder};

fn all_files() -> Vec<(&'static str, &'static str)> {
    let mut v = vec![CODEBOOK_TSV, PLACES_TSV, AGENTS_TSV];
    v.extend(ACTOR_TSVS);
    v
}

fn data_rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| (i + 1, l))
}

fn codebook() -> Codebook {
    Codebook::from_tsv(CODEBOOK_TSV.1, CODEBOOK_TSV.0).unwrap()
}

#[test]
fn files_say_they_are_generated_and_how() {
    for (file, text) in all_files() {
        let head: Vec<&str> = text.lines().take(2).collect();
        assert!(
            head[0].starts_with("# GENERATED FILE - do not edit."),
            "{file}"
        );
        assert!(
            head[1].contains("python3 tools/gen_actor_dicts.py"),
            "{file}: no regeneration command"
        );
    }
}

#[test]
fn keys_are_sorted_unique_and_normalised() {
    for (file, text) in all_files() {
        let mut prev: Option<&str> = None;
        let mut seen = HashSet::new();
        for (line, row) in data_rows(text) {
            let key = row.split('\t').next().unwrap();
            if let Some(p) = prev {
                assert!(p < key, "{file}:{line}: {key:?} not sorted after {p:?}");
            }
            assert!(seen.insert(key), "{file}:{line}: duplicate key {key:?}");
            if file != CODEBOOK_TSV.0 {
                assert_eq!(
                    phrase_words(key).join(" "),
                    key,
                    "{file}:{line}: key is not in normalised form"
                );
            }
            prev = Some(key);
        }
    }
}

#[test]
fn every_code_is_valid_against_the_cameo_codebook() {
    let book = codebook();
    assert!(book.len() > 300, "codebook has {} groups", book.len());
    for (file, text) in ACTOR_TSVS {
        for e in tsv_reader::read_actor_tsv(text, file).unwrap() {
            for code in e.default_code.iter().chain(e.roles.iter().map(|r| &r.code)) {
                assert!(book.is_valid_actor_code(code), "{}: {code}", e.origin);
            }
        }
    }
    for e in tsv_reader::read_place_tsv(PLACES_TSV.1, PLACES_TSV.0).unwrap() {
        let code = e.default_code.as_deref().unwrap();
        assert!(
            book.is_valid_actor_code(code) && code.len() == 3,
            "{}: {code}",
            e.origin
        );
    }
    for e in tsv_reader::read_agent_tsv(AGENTS_TSV.1, AGENTS_TSV.0).unwrap() {
        let code = e.default_code.as_deref().unwrap();
        assert!(book.is_valid_agent_code(code), "{}: {code}", e.origin);
    }
}

#[test]
fn hand_additions_are_sorted_unique_and_valid() {
    for (file, text) in [ADDITIONS_TSV, AGENCIES_TSV, ORGANIZATIONS_TSV] {
        hand_file_is_sorted_unique_and_valid(file, text);
    }
}

fn hand_file_is_sorted_unique_and_valid(file: &str, text: &str) {
    let book = codebook();
    let mut prev: Option<(String, String)> = None;
    for (line, row) in data_rows(text) {
        let cols: Vec<&str> = row.split('\t').collect();
        let key = (cols[0].to_string(), phrase_words(cols[1]).join(" "));
        if let Some(p) = &prev {
            assert!(p < &key, "{file}:{line}: not sorted or duplicate");
        }
        prev = Some(key);
    }
    let entries = tsv_reader::read_overlay(text, file).unwrap();
    assert!(!entries.is_empty(), "{file}: no entries");
    for e in entries {
        let codes: Vec<&str> = e
            .default_code
            .iter()
            .chain(e.roles.iter().map(|r| &r.code))
            .map(String::as_str)
            .collect();
        assert!(!codes.is_empty(), "{}: no code", e.origin);
        for code in codes {
            let ok = if e.position.is_some() {
                book.is_valid_agent_code(code)
            } else {
                book.is_valid_actor_code(code)
            };
            assert!(ok, "{}: {code}", e.origin);
        }
    }
}

/// A phrase two hand files list would make one silently shadow the other.
#[test]
fn hand_files_do_not_repeat_each_other() {
    let keys = |text: &str| -> HashSet<String> {
        data_rows(text)
            .map(|(_, row)| {
                let cols: Vec<&str> = row.split('\t').collect();
                format!("{}\t{}", cols[0], phrase_words(cols[1]).join(" "))
            })
            .collect()
    };
    let files = [ADDITIONS_TSV, AGENCIES_TSV, ORGANIZATIONS_TSV];
    for (i, (fa, ta)) in files.iter().enumerate() {
        for (fb, tb) in &files[i + 1..] {
            let both: Vec<String> = keys(ta).intersection(&keys(tb)).cloned().collect();
            assert!(both.is_empty(), "in both {fa} and {fb}: {both:?}");
        }
    }
}

#[test]
fn dates_are_well_formed_and_ordered() {
    // parse_roles rejects malformed dates and reversed ranges; check the raw text too, so
    // a date the parser would accept in another form still fails here
    let date =
        |s: &str| s.is_empty() || (s.len() == 10 && dyad_actors::Date::parse_iso(s).is_some());
    for (file, text) in ACTOR_TSVS {
        for (line, row) in data_rows(text) {
            let roles = row.split('\t').nth(4).unwrap();
            if roles == "-" {
                continue;
            }
            for r in roles.split(';') {
                let (_, range) = r.split_once('@').unwrap();
                let (a, b) = range.split_once("..").unwrap();
                assert!(date(a) && date(b), "{file}:{line}: bad date in {r}");
                assert!(b.is_empty() || a <= b, "{file}:{line}: reversed {r}");
            }
            tsv_reader::parse_roles(roles).unwrap_or_else(|e| panic!("{file}:{line}: {e}"));
        }
    }
}

#[test]
fn builtin_dictionary_builds_and_is_send_sync() {
    fn check<T: Send + Sync>(_: &T) {}
    let d = DictionaryBuilder::with_builtin().unwrap().build().unwrap();
    check(&d);
    assert!(d.entries().len() > 50_000, "{} entries", d.entries().len());
}

#[test]
fn malformed_user_dictionary_line_reports_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let actors = dir.path().join("my.actors.txt");
    std::fs::write(
        &actors,
        "GOOD_ACTOR [USAGOV]\nBAD_ACTOR\n\t[USAGOV 2021-02-30]\n",
    )
    .unwrap();
    let mut b = DictionaryBuilder::empty().unwrap();
    let e = b
        .add_petrarch_actors_file(&actors, false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("my.actors.txt:3: bad date"), "{e}");

    let overlay = dir.path().join("overlay.tsv");
    std::fs::write(
        &overlay,
        "actor\tJane Doe\tUSAGOV\nactor\tJohn Doe\tUSAGOV\tUSAGOV@2021\n",
    )
    .unwrap();
    let e = b.add_overlay_file(&overlay).unwrap_err().to_string();
    assert!(e.contains("overlay.tsv:2: bad role"), "{e}");
}

/// The generator (Python) and this crate's PETRARCH reader (Rust) are two readings of the
/// same format: every Phoenix phrase the Rust reader finds with valid codes must be in the
/// generated TSV, unless the generator reports it as a duplicate of an earlier entry.
#[test]
fn generated_tsvs_agree_with_the_petrarch_reader() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/events/petrarch2"
    );
    let pairs = [
        (
            "Phoenix.International.actors.txt",
            "phoenix_international.tsv",
        ),
        ("Phoenix.MilNonState.actors.txt", "phoenix_nonstate.tsv"),
        ("Phoenix.Countries.actors.txt", "phoenix_countries.tsv"),
    ];
    let book = codebook();
    for (src, generated) in pairs {
        let path = format!("{dir}/{src}");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {path} not present (../shared/data is only on the dev machine)");
            return;
        };
        let r = petrarch_reader::read_actors(&text, src, true).unwrap();
        let tsv = ACTOR_TSVS.iter().find(|(f, _)| *f == generated).unwrap().1;
        let keys: HashSet<&str> = data_rows(tsv)
            .map(|(_, r)| r.split('\t').next().unwrap())
            .collect();
        let mut missing = Vec::new();
        let mut checked = 0;
        for e in &r.entries {
            let codes_ok = e
                .default_code
                .iter()
                .chain(e.roles.iter().map(|r| &r.code))
                .all(|c| book.is_valid_actor_code(c));
            let key = phrase_words(&e.phrase).join(" ");
            if !codes_ok || key.is_empty() {
                continue;
            }
            checked += 1;
            if !keys.contains(key.as_str()) {
                missing.push(format!("{} {key}", e.origin));
            }
        }
        assert!(checked > 1000, "{src}: only {checked} entries read");
        assert!(
            missing.is_empty(),
            "{src}: {} phrases missing, e.g. {:?}",
            missing.len(),
            &missing[..missing.len().min(5)]
        );
    }
}

/// Users bring PETRARCH dictionaries: the real Phoenix files load through the public
/// builder (leniently, since they hold a few typos and fictional test countries).
#[test]
fn phoenix_files_load_through_the_builder() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/events/petrarch2"
    );
    let actors = std::path::Path::new(dir).join("Phoenix.International.actors.txt");
    let agents = std::path::Path::new(dir).join("Phoenix.agents.txt");
    if !actors.exists() {
        eprintln!("skipped: {} not present", actors.display());
        return;
    }
    let mut b = DictionaryBuilder::empty().unwrap();
    b.add_petrarch_actors_file(&actors, true).unwrap();
    b.add_petrarch_agents_file(&agents, true).unwrap();
    b.skip_invalid_codes(true);
    let d = b.build().unwrap();
    assert!(d.entries().len() > 10_000, "{}", d.entries().len());
    assert!(!d.warnings().is_empty());
    let m = d.find(&["NATO", "troops"], None);
    assert_eq!(m[0].code, Some("IGOWSTNAT"));
    assert_eq!(m[1].entry.kind, dyad_actors::EntryKind::Agent);
    assert_eq!(m[1].code, Some("MIL"));
}

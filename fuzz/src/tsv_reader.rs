//! Fuzzes the TSV dictionary readers of dyad-actors (actors, agents, gazetteer and the user
//! overlay, the one format people write by hand). Invariants: no panic; an entry read has a
//! non-empty phrase without tab or newline, upper-case codes, and roles that do not end
//! before they start; and a round trip: overlay entries written back as overlay lines read
//! again as the same entries (origins aside).
//!
//! Three findings of this target, now fixed in dyad-actors and kept in fuzz/regressions/: the
//! actor, agent and gazetteer readers accepted a blank phrase (`\tELI\tprefix`); an overlay
//! `actor` row of kind `agent` read as an agent without a position
//! (`actor\tUN Security Council\tIGOU\t\tagent`); and the gazetteer and actor readers took a
//! row of kind `agent` the same way (`crash-8591c8ad...`, found by CI's libFuzzer smoke on
//! 2026-12-01). Every reader now refuses all of them.

use dyad_actors::{tsv_reader, Entry, EntryKind};

fn check(e: &Entry) {
    assert!(!e.phrase.trim().is_empty(), "blank phrase: {e:?}");
    assert!(
        e.kind != EntryKind::Agent || e.position.is_some(),
        "agent without a position: {e:?}"
    );
    assert!(!e.phrase.contains(['\t', '\n']), "phrase {:?}", e.phrase);
    let upper = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_uppercase());
    if let Some(c) = &e.default_code {
        assert!(upper(c), "code {c:?}");
    }
    for r in &e.roles {
        assert!(upper(&r.code), "role code {:?}", r.code);
        if let (Some(f), Some(t)) = (r.from, r.to) {
            assert!(f <= t, "role {r:?}");
        }
    }
}

fn overlay_line(e: &Entry) -> String {
    // Agents (always with a position, checked above) are written as agent rows.
    if let (EntryKind::Agent, Some(pos), Some(code)) = (e.kind, e.position, &e.default_code) {
        let pos = match pos {
            dyad_actors::AgentPosition::Prefix => "prefix",
            dyad_actors::AgentPosition::Suffix => "suffix",
        };
        return format!("agent\t{}\t{code}\t{pos}", e.phrase);
    }
    let roles: Vec<String> = e
        .roles
        .iter()
        .map(|r| {
            let d = |d: Option<dyad_actors::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            format!("{}@{}..{}", r.code, d(r.from), d(r.to))
        })
        .collect();
    let roles = if roles.is_empty() {
        "-".to_string()
    } else {
        roles.join(";")
    };
    format!(
        "actor\t{}\t{}\t{roles}\t{}",
        e.phrase,
        e.default_code.as_deref().unwrap_or("-"),
        e.kind.as_str()
    )
}

/// Runs the checks on one input (non-UTF-8 inputs are ignored, as libFuzzer's `&str`
/// targets do); panics when an invariant fails.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for read in [
        tsv_reader::read_actor_tsv,
        tsv_reader::read_agent_tsv,
        tsv_reader::read_place_tsv,
    ] {
        if let Ok(entries) = read(text, "fuzz.tsv") {
            entries.iter().for_each(check);
        }
    }
    let Ok(entries) = tsv_reader::read_overlay(text, "fuzz.tsv") else {
        return;
    };
    entries.iter().for_each(check);
    let written: Vec<String> = entries.iter().map(overlay_line).collect();
    let again = tsv_reader::read_overlay(&written.join("\n"), "again.tsv")
        .unwrap_or_else(|e| panic!("written overlay {written:?} does not read back: {e}"));
    assert_eq!(entries.len(), again.len());
    for (a, b) in entries.iter().zip(&again) {
        let strip = |e: &Entry| Entry {
            origin: String::new(),
            ..e.clone()
        };
        assert_eq!(strip(a), strip(b), "round trip of {:?}", overlay_line(a));
    }
}

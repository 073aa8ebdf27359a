//! Readers for the repository's generated TSV dictionaries and for user overlay files.
//!
//! The files in `data/actors/` are produced by `tools/gen_actor_dicts.py`; they are plain
//! tab-separated text so that a change to a dictionary is a reviewable diff. Formats
//! (lines starting with `#` are comments):
//!
//! * actors (`phoenix_*.tsv`, `leaders.tsv`, `cabinet_2019.tsv`):
//!   `phrase  entity  kind  code  roles`, where `code` is the default code or `-` and
//!   `roles` is `-` or `CODE@FROM..TO;...` with ISO dates, an empty bound being open.
//! * agents (`agents.tsv`): `phrase  code  position` (`suffix` = `~CODE`, `prefix` = `CODE~`).
//! * gazetteer (`countries.tsv`): `phrase  code  kind` (name, alias, capital, city, demonym).
//!
//! The user overlay is one TSV mixing both kinds, meant to be written by hand:
//!
//! ```text
//! # type   phrase            code     roles or position         kind
//! actor    Antony Blinken    -        USAGOV@2021-01-26..      person
//! actor    Sophie Wilmes     BELGOV
//! agent    envoy             GOV      suffix
//! ```
//!
//! The last columns are optional (roles default to none, position to `suffix`, kind to
//! `person` when roles are given and `organization` otherwise).

use crate::date::Date;
use crate::entry::{AgentPosition, Entry, EntryKind, Role};
use crate::error::ActorError;

/// The entries of the rows of `text` (lines that are neither comments nor blank), made by
/// `entry` from each row's line number and trimmed tab-separated fields; the first error
/// stops the reading. One field buffer serves every row (the built-in dictionaries have
/// 57,000), not a new list of fields per row.
fn read_rows<'t>(
    text: &'t str,
    mut entry: impl FnMut(usize, &[&'t str]) -> Result<Entry, ActorError>,
) -> Result<Vec<Entry>, ActorError> {
    let mut out = Vec::new();
    let mut fields: Vec<&str> = Vec::with_capacity(8);
    for (i, l) in text.lines().enumerate() {
        let l = l.trim_end_matches('\r');
        if l.starts_with('#') || trim(l).is_empty() {
            continue;
        }
        fields.clear();
        fields.extend(l.split('\t').map(trim));
        out.push(entry(i + 1, &fields)?);
    }
    Ok(out)
}

/// [`str::trim`], with a shortcut for the usual field that starts and ends with a visible
/// ASCII character (every whitespace character is either ASCII at most a blank, or starts
/// with a byte of 0x80 or more): the built-in dictionaries have 90,000 rows.
fn trim(s: &str) -> &str {
    let visible = |b: u8| b > b' ' && b < 0x80;
    match s.as_bytes() {
        [first, .., last] if visible(*first) && visible(*last) => s,
        [only] if visible(*only) => s,
        _ => s.trim(),
    }
}

/// `file:line`, the origin of an entry (what `format!("{file}:{line}")` gives, without the
/// formatting machinery: every entry of the built-in dictionaries gets one).
fn origin(file: &str, line: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = line;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(file.len() + 1 + digits.len() - at);
    s.push_str(file);
    s.push(':');
    s.extend(digits[at..].iter().map(|&d| char::from(d)));
    s
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn opt_code(s: &str) -> Result<Option<String>, String> {
    match s {
        "" | "-" => Ok(None),
        c if is_code(c) => Ok(Some(c.to_string())),
        c => Err(format!("bad code {c:?}: expected upper-case letters or -")),
    }
}

/// Parses `CODE@FROM..TO;...` (or `-`).
pub fn parse_roles(s: &str) -> Result<Vec<Role>, String> {
    if s.is_empty() || s == "-" {
        return Ok(Vec::new());
    }
    s.split(';')
        .map(|r| {
            let (code, range) = r
                .split_once('@')
                .ok_or_else(|| format!("bad role {r:?}: expected CODE@FROM..TO"))?;
            let dots = range.as_bytes().windows(2).position(|w| w == b"..");
            let (a, b) = dots
                .map(|at| (&range[..at], &range[at + 2..]))
                .ok_or_else(|| format!("bad role {r:?}: expected CODE@FROM..TO"))?;
            if !is_code(code) {
                return Err(format!("bad role code {code:?}"));
            }
            let date = |d: &str| -> Result<Option<Date>, String> {
                if d.is_empty() {
                    Ok(None)
                } else {
                    Date::parse_iso(d)
                        .map(Some)
                        .ok_or_else(|| format!("bad date {d:?}: expected YYYY-MM-DD"))
                }
            };
            let (from, to) = (date(a)?, date(b)?);
            if let (Some(f), Some(t)) = (from, to) {
                if t < f {
                    return Err(format!("role {r:?} ends before it starts"));
                }
            }
            Ok(Role {
                code: code.to_string(),
                from,
                to,
            })
        })
        .collect()
}

fn kind(s: &str) -> Result<EntryKind, String> {
    EntryKind::parse(s).ok_or_else(|| format!("unknown kind {s:?}"))
}

/// The kind column of an actor, place or overlay `actor` row: an agent needs a position,
/// which only agent rows carry, so no other row may be of kind agent.
fn row_kind(s: &str) -> Result<EntryKind, String> {
    match kind(s)? {
        EntryKind::Agent => Err(
            "an agent is an `agent` row (phrase, code, position), not an entry of kind agent"
                .to_string(),
        ),
        k => Ok(k),
    }
}

fn wrap<T>(file: &str, line: usize, r: Result<T, String>) -> Result<T, ActorError> {
    r.map_err(|m| ActorError::syntax(file, line, m))
}

/// The phrase column: an empty or blank phrase would match nothing (or, normalised,
/// everything), so every reader refuses it.
fn phrase(s: &str, file: &str, line: usize) -> Result<String, ActorError> {
    if trim(s).is_empty() {
        return Err(ActorError::syntax(file, line, "empty phrase"));
    }
    Ok(s.to_string())
}

/// Reads an actor TSV (`phrase entity kind code roles`).
pub fn read_actor_tsv(text: &str, file: &str) -> Result<Vec<Entry>, ActorError> {
    read_rows(text, |line, c| {
        if c.len() != 5 {
            return Err(ActorError::syntax(
                file,
                line,
                format!("expected 5 tab-separated columns, found {}", c.len()),
            ));
        }
        let e = Entry {
            phrase: phrase(c[0], file, line)?,
            entity: c[1].to_string(),
            kind: wrap(file, line, row_kind(c[2]))?,
            default_code: wrap(file, line, opt_code(c[3]))?,
            roles: wrap(file, line, parse_roles(c[4]))?,
            position: None,
            origin: origin(file, line),
        };
        if e.default_code.is_none() && e.roles.is_empty() {
            return Err(ActorError::syntax(
                file,
                line,
                "entry has neither code nor roles",
            ));
        }
        Ok(e)
    })
}

fn position(s: &str) -> Result<AgentPosition, String> {
    match s {
        "" | "suffix" => Ok(AgentPosition::Suffix),
        "prefix" => Ok(AgentPosition::Prefix),
        p => Err(format!(
            "unknown agent position {p:?}: expected suffix or prefix"
        )),
    }
}

fn agent(
    phrase: &str,
    code: &str,
    pos: &str,
    file: &str,
    line: usize,
) -> Result<Entry, ActorError> {
    let code = wrap(file, line, opt_code(code))?
        .ok_or_else(|| ActorError::syntax(file, line, "agent without a code"))?;
    Ok(Entry {
        phrase: self::phrase(phrase, file, line)?,
        entity: ["agent:", code.as_str()].concat(),
        kind: EntryKind::Agent,
        default_code: Some(code),
        roles: Vec::new(),
        position: Some(wrap(file, line, position(pos))?),
        origin: origin(file, line),
    })
}

/// Reads the agents TSV (`phrase code position`).
pub fn read_agent_tsv(text: &str, file: &str) -> Result<Vec<Entry>, ActorError> {
    read_rows(text, |line, c| {
        if c.len() != 3 {
            return Err(ActorError::syntax(
                file,
                line,
                "expected phrase<TAB>code<TAB>position",
            ));
        }
        agent(c[0], c[1], c[2], file, line)
    })
}

/// Reads the gazetteer TSV (`phrase code kind`).
pub fn read_place_tsv(text: &str, file: &str) -> Result<Vec<Entry>, ActorError> {
    read_rows(text, |line, c| {
        if c.len() != 3 {
            return Err(ActorError::syntax(
                file,
                line,
                "expected phrase<TAB>code<TAB>kind",
            ));
        }
        let code = wrap(file, line, opt_code(c[1]))?
            .ok_or_else(|| ActorError::syntax(file, line, "place without a code"))?;
        Ok(Entry {
            phrase: phrase(c[0], file, line)?,
            entity: ["country:", code.as_str()].concat(),
            kind: wrap(file, line, row_kind(c[2]))?,
            default_code: Some(code),
            roles: Vec::new(),
            position: None,
            origin: origin(file, line),
        })
    })
}

/// Reads a user overlay TSV (see the module docs).
pub fn read_overlay(text: &str, file: &str) -> Result<Vec<Entry>, ActorError> {
    read_rows(text, |line, c| {
        let col = |i: usize| c.get(i).copied().unwrap_or("");
        if c.len() < 3 {
            return Err(ActorError::syntax(
                file,
                line,
                "expected type<TAB>phrase<TAB>code[<TAB>roles|position[<TAB>kind]]",
            ));
        }
        let phrase = phrase(col(1), file, line)?;
        match col(0) {
            "agent" => agent(col(1), col(2), col(3), file, line),
            "actor" => {
                let default_code = wrap(file, line, opt_code(col(2)))?;
                let roles = wrap(file, line, parse_roles(col(3)))?;
                if default_code.is_none() && roles.is_empty() {
                    return Err(ActorError::syntax(
                        file,
                        line,
                        "actor has neither code nor roles",
                    ));
                }
                let kind = match col(4) {
                    "" if !roles.is_empty() => EntryKind::Person,
                    "" => EntryKind::Organization,
                    k => wrap(file, line, row_kind(k))?,
                };
                Ok(Entry {
                    entity: format!("user:{phrase}"),
                    phrase,
                    kind,
                    default_code,
                    roles,
                    position: None,
                    origin: origin(file, line),
                })
            }
            t => Err(ActorError::syntax(
                file,
                line,
                format!("unknown type {t:?}: expected actor or agent"),
            )),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcuts_give_what_trim_and_format_give() {
        for f in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}a",
            "a\u{3000}",
            "é",
            " é ",
            "\u{85}x",
            "x\r",
            "\x0bx",
            "NATO",
            "a b",
        ] {
            assert_eq!(trim(f), f.trim(), "{f:?}");
        }
        let builtin = crate::dictionary::ACTOR_TSVS.into_iter().chain([
            crate::dictionary::PLACES_TSV,
            crate::dictionary::AGENTS_TSV,
            crate::dictionary::ADDITIONS_TSV,
            crate::dictionary::AGENCIES_TSV,
            crate::dictionary::ORGANIZATIONS_TSV,
        ]);
        for (_, text) in builtin {
            for f in text.lines().flat_map(|l| l.split('\t')) {
                assert_eq!(trim(f), f.trim(), "{f:?}");
            }
        }
        for n in [0, 1, 9, 10, 99, 100, 65_536, usize::MAX] {
            assert_eq!(origin("f.tsv", n), format!("f.tsv:{n}"));
        }
    }

    /// Found by fuzzing (fuzz/regressions/tsv_reader/crash-8591c8ad...): the gazetteer reader
    /// took a place row of kind `agent`, an agent without a position.
    #[test]
    fn no_reader_takes_a_row_of_kind_agent() {
        let e = read_place_tsv("kiribati\tKIR\tagent\n", "places.tsv").unwrap_err();
        assert!(
            e.to_string().starts_with("places.tsv:1: an agent is"),
            "{e}"
        );
        let e = read_actor_tsv("un\torg:UN\tagent\tIGOUNO\t-\n", "a.tsv").unwrap_err();
        assert!(e.to_string().starts_with("a.tsv:1: an agent is"), "{e}");
        let e = read_overlay("actor\tUN\tIGOUNO\t\tagent\n", "o.tsv").unwrap_err();
        assert!(e.to_string().starts_with("o.tsv:1: an agent is"), "{e}");
        assert_eq!(
            read_place_tsv("kiribati\tKIR\tcountry\n", "p.tsv").unwrap()[0].kind,
            EntryKind::Country
        );
    }

    #[test]
    fn reads_actor_rows_and_roles() {
        let t = "# header\nbarack obama\tleader:USA:OBAMA\tperson\t-\t\
USAGOV@2009-01-20..2017-01-20;USAELI@2017-01-20..\n";
        let e = read_actor_tsv(t, "leaders.tsv").unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].origin, "leaders.tsv:2");
        assert_eq!(e[0].roles.len(), 2);
        assert_eq!(e[0].roles[1].to, None);
    }

    #[test]
    fn overlay_errors_name_file_and_line() {
        let t = "# mine\nactor\tAntony Blinken\t-\tUSAGOV@2021-01-26..\n\
actor\tSomebody\tUSAGOV\tUSAGOV@2021-13-01..\n";
        let e = read_overlay(t, "my.tsv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "my.tsv:3: bad date \"2021-13-01\": expected YYYY-MM-DD"
        );
        let e = read_overlay("thing\tx\tUSA\n", "my.tsv").unwrap_err();
        assert!(e.to_string().starts_with("my.tsv:1: unknown type"), "{e}");
        let e = read_overlay("actor\tx\n", "my.tsv").unwrap_err();
        assert!(e.to_string().starts_with("my.tsv:1: expected type"), "{e}");
        let e = read_overlay("agent\tenvoy\tGOV\tsideways\n", "o.tsv").unwrap_err();
        assert!(
            e.to_string().starts_with("o.tsv:1: unknown agent position"),
            "{e}"
        );
    }

    #[test]
    fn overlay_reads_actors_and_agents() {
        let t = "actor\tAntony Blinken\t-\tUSAGOV@2021-01-26..\nagent\tenvoy\tGOV\n\
actor\tSophie Wilmes\tBELGOV\n";
        let e = read_overlay(t, "o.tsv").unwrap();
        assert_eq!(e[0].kind, EntryKind::Person);
        assert_eq!(e[1].kind, EntryKind::Agent);
        assert_eq!(e[1].position, Some(AgentPosition::Suffix));
        assert_eq!(e[2].default_code.as_deref(), Some("BELGOV"));
    }

    #[test]
    fn rejects_reversed_role_dates() {
        assert!(parse_roles("USAGOV@2017-01-01..2009-01-01").is_err());
        assert!(parse_roles("USAGOV@2009-01-01..").is_ok());
    }

    /// Found by fuzzing (fuzz/regressions/tsv_reader/): a blank phrase was read as an entry.
    #[test]
    fn every_reader_refuses_a_blank_phrase() {
        let err = |r: Result<Vec<Entry>, ActorError>| r.unwrap_err().to_string();
        assert!(err(read_actor_tsv(" \tx\tcountry\tUSA\t-\n", "a.tsv")).contains("empty phrase"));
        assert!(err(read_agent_tsv("\tELI\tprefix\n", "g.tsv")).contains("g.tsv:1"));
        assert!(err(read_place_tsv("  \tUSA\tcountry\n", "p.tsv")).contains("empty phrase"));
        assert!(err(read_overlay("agent\t \tGOV\n", "o.tsv")).contains("empty phrase"));
        assert!(err(read_overlay("actor\t\tUSAGOV\n", "o.tsv")).contains("empty phrase"));
    }

    /// Found by fuzzing: an `actor` row of kind `agent` became an agent without a position.
    #[test]
    fn overlay_refuses_an_actor_row_of_kind_agent() {
        let e = read_overlay("actor\tUN Security Council\tIGOU\t\tagent\n", "o.tsv");
        let msg = e.unwrap_err().to_string();
        assert!(
            msg.contains("o.tsv:1") && msg.contains("`agent` row"),
            "{msg}"
        );
    }
}

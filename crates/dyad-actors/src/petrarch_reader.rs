//! Reader for the PETRARCH/TABARI actor and agent dictionary formats.
//!
//! Users bring their own dictionaries in the format the event-data community has used
//! for twenty years (documented in PETRARCH2's `dictionaries.rst`), so dyad reads it
//! directly. This is an independent reading of that documentation:
//!
//! * actors: a primary phrase with an optional `[CODE]`, `+synonym` lines, and date lines
//!   starting with a tab: `[CODE]`, `[CODE <date]`, `[CODE >date]`, `[CODE date-date]`,
//!   dates `YYYYMMDD` or `YYMMDD`; several restrictions may share a line. `#` starts a
//!   comment, `; ...` after a phrase is a note, `[---]` means "no code" (the entry is coded
//!   only while one of its dated roles applies). A code may join several member codes
//!   with slashes (`THE_SHIRE [FRO/BIL/SAM]`); it is kept as written, since the event
//!   coder writes one event per member.
//! * agents: `PHRASE {plural} [~CODE]` or `[CODE~]`, substitution sets `!SET! = A, B`;
//!   regular plurals are generated unless `{}` is given.
//!
//! Phrases match whole tokens: PETRARCH's stems (a phrase without a final `_` matching
//! longer words) are read as exact words, and a blank inside a phrase is read like `_`.
//! By default the first malformed line is an error naming file and line; in lenient mode
//! (for the historical Phoenix files, which hold a few typos) such lines are skipped and
//! returned as warnings.

use crate::date::Date;
use crate::entry::{AgentPosition, Entry, EntryKind, Role};
use crate::error::ActorError;
use crate::normalize::phrase_words;

/// Entries read from one file, and the lines skipped in lenient mode.
#[derive(Debug, Default)]
pub struct ReadResult {
    pub entries: Vec<Entry>,
    pub warnings: Vec<ActorError>,
}

struct Record {
    names: Vec<(String, usize)>,
    code: Option<String>,
    roles: Vec<Role>,
}

/// `[---]`: explicitly no code (outside any dated role).
const NULL_CODE: &str = "---";

fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim_end()
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// An actor code: upper-case letters, or several such codes joined by `/` (a joint actor).
fn is_actor_code(s: &str) -> bool {
    s.split('/').all(is_code)
}

/// Parses the inside of `[...]`: a code with an optional date restriction.
fn parse_restriction(body: &str) -> Result<Role, String> {
    let body = body.trim();
    let (code, spec) = match body.split_once(char::is_whitespace) {
        Some((c, s)) => (c, s.split_whitespace().collect::<String>()),
        None => (body, String::new()),
    };
    if !is_actor_code(code) {
        return Err(format!(
            "bad code {code:?}: expected upper-case letters (members joined by '/')"
        ));
    }
    let date = |s: &str| {
        Date::parse_compact(s).ok_or_else(|| format!("bad date {s:?}: expected YYYYMMDD or YYMMDD"))
    };
    let (from, to) = if spec.is_empty() {
        (None, None)
    } else if let Some(d) = spec.strip_prefix('<') {
        (None, Some(date(d)?))
    } else if let Some(d) = spec.strip_prefix('>') {
        (Some(date(d)?), None)
    } else if let Some((a, b)) = spec.split_once('-') {
        (Some(date(a)?), Some(date(b)?))
    } else {
        (Some(date(&spec)?), None)
    };
    Ok(Role {
        code: code.to_string(),
        from,
        to,
    })
}

/// Splits `text` into the bracketed parts and the rest.
fn brackets(text: &str) -> Result<(String, Vec<&str>), String> {
    let mut rest = String::new();
    let mut parts = Vec::new();
    let mut s = text;
    while let Some(i) = s.find('[') {
        rest.push_str(&s[..i]);
        let j = s[i..].find(']').ok_or("'[' without ']'")?;
        parts.push(&s[i + 1..i + j]);
        s = &s[i + j + 1..];
    }
    rest.push_str(s);
    Ok((rest, parts))
}

fn finish(rec: Record, file: &str, out: &mut Vec<Entry>) {
    let kind = if rec.code.is_none() && !rec.roles.is_empty() {
        EntryKind::Person
    } else if rec
        .code
        .as_deref()
        .is_some_and(|c| c.split('/').all(|m| m.len() == 3))
    {
        EntryKind::Country
    } else {
        EntryKind::Organization
    };
    let entity = format!("{file}:{}", phrase_words(&rec.names[0].0).join("_"));
    for (name, line) in rec.names {
        out.push(Entry {
            phrase: name,
            entity: entity.clone(),
            kind,
            default_code: rec.code.clone(),
            roles: rec.roles.clone(),
            position: None,
            origin: format!("{file}:{line}"),
        });
    }
}

/// Reads a PETRARCH actor dictionary. `file` names the source in errors and origins.
pub fn read_actors(text: &str, file: &str, lenient: bool) -> Result<ReadResult, ActorError> {
    let mut res = ReadResult::default();
    let mut cur: Option<Record> = None;
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let body = strip_comment(raw);
        if body.trim().is_empty() {
            continue;
        }
        let outcome: Result<(), String> = (|| {
            if raw.starts_with('\t') || raw.starts_with(' ') && body.trim_start().starts_with('[') {
                let rec = cur.as_mut().ok_or("date restriction before any actor")?;
                let (rest, parts) = brackets(body)?;
                if !rest.trim().is_empty() || parts.is_empty() {
                    return Err("expected only [CODE date] restrictions on an indented line".into());
                }
                for p in parts {
                    if p.trim() == NULL_CODE {
                        continue;
                    }
                    let role = parse_restriction(p)?;
                    if role.from.is_none() && role.to.is_none() {
                        // "[CODE]" on a date line is the default restriction
                        rec.code = Some(role.code);
                    } else {
                        rec.roles.push(role);
                    }
                }
                return Ok(());
            }
            let synonym = body.starts_with('+');
            let text = if synonym { &body[1..] } else { body };
            let (rest, parts) = brackets(text)?;
            let name = rest.split(';').next().unwrap_or("").trim().to_string();
            if phrase_words(&name).is_empty() {
                return Err("empty actor phrase".into());
            }
            if !synonym || cur.is_none() {
                if let Some(rec) = cur.take() {
                    finish(rec, file, &mut res.entries);
                }
                cur = Some(Record {
                    names: Vec::new(),
                    code: None,
                    roles: Vec::new(),
                });
            }
            let rec = cur.as_mut().expect("record opened above");
            rec.names.push((name, lineno));
            for p in parts {
                if p.trim() == NULL_CODE {
                    continue;
                }
                let role = parse_restriction(p)?;
                if role.from.is_none() && role.to.is_none() {
                    rec.code = Some(role.code);
                } else {
                    rec.roles.push(role);
                }
            }
            Ok(())
        })();
        if let Err(msg) = outcome {
            let err = ActorError::syntax(file, lineno, msg);
            if lenient {
                res.warnings.push(err);
            } else {
                return Err(err);
            }
        }
    }
    if let Some(rec) = cur.take() {
        finish(rec, file, &mut res.entries);
    }
    // An actor without any code cannot be coded; PETRARCH treats it as a null code.
    res.entries
        .retain(|e| e.default_code.is_some() || !e.roles.is_empty());
    Ok(res)
}

/// The regular English plural PETRARCH generates for agents.
pub fn regular_plural(word: &str) -> String {
    if word.ends_with("ss")
        || word.ends_with(['s', 'x'])
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        format!("{word}es")
    } else if word.len() > 1
        && word.ends_with('y')
        && !matches!(
            word.as_bytes()[word.len() - 2],
            b'a' | b'e' | b'i' | b'o' | b'u'
        )
    {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

/// Reads a PETRARCH agent dictionary into agent entries (plurals and substitution sets
/// expanded).
pub fn read_agents(text: &str, file: &str, lenient: bool) -> Result<ReadResult, ActorError> {
    let mut res = ReadResult::default();
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let body = strip_comment(raw).trim();
        if body.is_empty() || body.starts_with("<!") {
            continue;
        }
        let outcome: Result<(), String> = (|| {
            if body.starts_with('!') {
                if let Some((name, list)) = body.split_once('=') {
                    let name = name.trim();
                    if name.len() > 2 && name.ends_with('!') {
                        let items = list.split(',').map(|s| s.trim().to_string());
                        sets.push((name.to_string(), items.filter(|s| !s.is_empty()).collect()));
                        return Ok(());
                    }
                }
            }
            let open = body.rfind('[').ok_or("expected [~CODE] or [CODE~]")?;
            let close = body[open..].find([']', '}']).ok_or("'[' without ']'")?;
            let code = body[open + 1..open + close].trim();
            let (code, position) = if let Some(c) = code.strip_prefix('~') {
                (c, AgentPosition::Suffix)
            } else if let Some(c) = code.strip_suffix('~') {
                (c, AgentPosition::Prefix)
            } else {
                return Err(format!("agent code {code:?} needs a ~ before or after it"));
            };
            if !is_code(code) {
                return Err(format!(
                    "bad agent code {code:?}: expected upper-case letters"
                ));
            }
            let mut phrase = body[..open].trim();
            let mut plural: Option<&str> = None;
            if let Some(b) = phrase.find('{') {
                let e = phrase[b..].find('}').ok_or("'{' without '}'")?;
                plural = Some(phrase[b + 1..b + e].trim());
                phrase = phrase[..b].trim();
            }
            let mut forms: Vec<String> = Vec::new();
            if let Some(start) = phrase.find('!') {
                let end = phrase[start + 1..]
                    .find('!')
                    .ok_or("unclosed !SET! marker")?;
                let marker = &phrase[start..start + end + 2];
                let (_, items) = sets
                    .iter()
                    .find(|(n, _)| n == marker)
                    .ok_or_else(|| format!("substitution set {marker} is not defined above"))?;
                forms.extend(items.iter().map(|it| phrase.replacen(marker, it, 1)));
            } else {
                forms.push(phrase.to_string());
                match plural {
                    None => {
                        let mut w = phrase_words(phrase);
                        if let Some(last) = w.pop() {
                            w.push(regular_plural(&last));
                            forms.push(w.join(" "));
                        }
                    }
                    Some("") => {}
                    Some(p) => forms.push(p.to_string()),
                }
            }
            for form in forms {
                if phrase_words(&form).is_empty() {
                    return Err("empty agent phrase".into());
                }
                res.entries.push(Entry {
                    phrase: form,
                    entity: format!("agent:{code}"),
                    kind: EntryKind::Agent,
                    default_code: Some(code.to_string()),
                    roles: Vec::new(),
                    position: Some(position),
                    origin: format!("{file}:{lineno}"),
                });
            }
            Ok(())
        })();
        if let Err(msg) = outcome {
            let err = ActorError::syntax(file, lineno, msg);
            if lenient {
                res.warnings.push(err);
            } else {
                return Err(err);
            }
        }
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    const ACTORS: &str = "# comment\n\
AFGHANISTAN_  [AFG]\n+AFGHAN_\n+KABUL_\n\n\
BARACK_OBAMA\n+OBAMA\n\t[USAELI 780101-000101]\n\t[USAGOV >090120]\n\
NATO_\n+NORTH_ATLANTIC_TREATY_ORGANIZATION_\n\t[IGOWSTNAT]# NGO_Actors\n\
HANS_VAN_DEN_BROEK_\t[IGOEUREEC 860101-860630][IGOEUREEC 910701-911231] # two\n";

    #[test]
    fn reads_actors_with_dated_roles() {
        let r = read_actors(ACTORS, "a.txt", false).unwrap();
        assert_eq!(r.entries.len(), 8);
        let nato = r.entries.iter().find(|e| e.phrase == "NATO_").unwrap();
        assert_eq!(nato.default_code.as_deref(), Some("IGOWSTNAT"));
        assert_eq!(nato.kind, EntryKind::Organization);
        let obama = r.entries.iter().find(|e| e.phrase == "OBAMA").unwrap();
        assert_eq!(obama.kind, EntryKind::Person);
        assert_eq!(obama.origin, "a.txt:7");
        assert_eq!(obama.code_at(Date::parse_iso("2012-01-01")), Some("USAGOV"));
        assert_eq!(obama.code_at(Date::parse_iso("1990-01-01")), Some("USAELI"));
        let kabul = r.entries.iter().find(|e| e.phrase == "KABUL_").unwrap();
        assert_eq!(kabul.default_code.as_deref(), Some("AFG"));
        assert_eq!(kabul.kind, EntryKind::Country);
        let broek = r
            .entries
            .iter()
            .find(|e| e.phrase.starts_with("HANS"))
            .unwrap();
        assert_eq!(broek.roles.len(), 2);
    }

    #[test]
    fn malformed_actor_line_names_file_and_line() {
        let text = "OBAMA\n\t[USAGOV 2004017-20061201]\n";
        let e = read_actors(text, "mine.actors.txt", false).unwrap_err();
        assert!(
            e.to_string().starts_with("mine.actors.txt:2: bad date"),
            "{e}"
        );
        let r = read_actors(text, "mine.actors.txt", true).unwrap();
        assert_eq!(r.warnings.len(), 1);
        let e = read_actors("\t[USAGOV]\n", "x.txt", false).unwrap_err();
        assert_eq!(e.to_string(), "x.txt:1: date restriction before any actor");
        let e = read_actors("FOO [usa]\n", "x.txt", false).unwrap_err();
        assert!(e.to_string().starts_with("x.txt:1: bad code"), "{e}");
        for bad in ["FOO [FRO/]\n", "FOO [FRO//BIL]\n", "FOO [FRO/bil]\n"] {
            let e = read_actors(bad, "x.txt", false).unwrap_err();
            assert!(e.to_string().starts_with("x.txt:1: bad code"), "{bad}: {e}");
        }
    }

    #[test]
    fn keeps_joint_codes_as_written() {
        let text = "THE_SHIRE  [FRO/BIL/SAM]\n+HOBBITON\nLORIEN  [ELR/GAL]\n\
                    FELLOWSHIP\n\t[FROGOV/ARAMIL 180101-190101]\n";
        let r = read_actors(text, "j.txt", false).unwrap();
        assert!(r.warnings.is_empty());
        let code = |p: &str| {
            let e = r.entries.iter().find(|e| e.phrase == p).unwrap();
            (e.default_code.clone(), e.kind)
        };
        assert_eq!(
            code("HOBBITON"),
            (Some("FRO/BIL/SAM".into()), EntryKind::Country)
        );
        assert_eq!(code("LORIEN"), (Some("ELR/GAL".into()), EntryKind::Country));
        let f = r.entries.iter().find(|e| e.phrase == "FELLOWSHIP").unwrap();
        assert_eq!(f.kind, EntryKind::Person);
        assert_eq!(
            f.code_at(Date::parse_iso("2018-06-01")),
            Some("FROGOV/ARAMIL")
        );
        // agents stay single codes
        assert!(read_agents("HOBBIT [~FRO/BIL]\n", "g.txt", false).is_err());
    }

    #[test]
    fn reads_agents_with_plurals_and_sets() {
        let text = "!MINIST! = MINISTER, MINISTRY\n\
FOREIGN_!MINIST! [~GOV]\nPOLICE {} [~COP]\nTROOP [~MIL]\n\
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVJUD]\nHUMAN_RIGHTS_BODY [NGO~]\n";
        let r = read_agents(text, "ag.txt", false).unwrap();
        let phrases: Vec<&str> = r.entries.iter().map(|e| e.phrase.as_str()).collect();
        assert!(phrases.contains(&"FOREIGN_MINISTER"));
        assert!(phrases.contains(&"FOREIGN_MINISTRY"));
        assert!(phrases.contains(&"troops"));
        assert!(phrases.contains(&"ATTORNEYS_GENERAL"));
        assert_eq!(phrases.iter().filter(|p| p.contains("POLICE")).count(), 1);
        let ngo = r
            .entries
            .iter()
            .find(|e| e.phrase == "HUMAN_RIGHTS_BODY")
            .unwrap();
        assert_eq!(ngo.position, Some(AgentPosition::Prefix));
        assert_eq!(regular_plural("secretary"), "secretaries");
        assert_eq!(regular_plural("boss"), "bosses");
    }

    #[test]
    fn malformed_agent_line_names_file_and_line() {
        let e = read_agents("TROOP [~MIL]\nPOLICE [COP]\n", "ag.txt", false).unwrap_err();
        assert!(e.to_string().starts_with("ag.txt:2: agent code"), "{e}");
        let e = read_agents("!X!_OF_STATE [~GOV]\n", "ag.txt", false).unwrap_err();
        assert!(
            e.to_string().contains("ag.txt:1: substitution set !X!"),
            "{e}"
        );
    }
}
